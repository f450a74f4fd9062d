/**
 * The signer port: unsigned only for appStatus 1; the external service over HTTP (a refusal
 * fails the message, a 5xx retries later); the folder route (waits for the signed file); the
 * practice SM2/SM3 signer (the signed message still passes the XSD and verifies; tampering fails).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src-main/core/domain-error.ts';
import { folderSigner, httpSigner, unsignedSigner } from '../../../src-main/sync/signer.ts';
import { sm2PracticeSigner, verifySm2Practice } from '../../../src-main/sync/sm2-signer.ts';
import { TransportError } from '../../../src-main/sync/transport.ts';
import { validateCeb } from '../../../src-main/sync/validate-ceb.ts';
import { buildMessages, orders, tempDir } from './sync-test-kit.ts';

const [message] = buildMessages(orders(1)).ceb603;
const xml = message!.xml;
const declared = xml.replace(/<ceb:appStatus>1<\/ceb:appStatus>/g, '<ceb:appStatus>2</ceb:appStatus>');

async function withServer(handler: http.RequestListener, fn: (url: string) => Promise<void>): Promise<void> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}/sign`);
  } finally {
    server.close();
  }
}

describe('signers', () => {
  it('unsigned: store-only messages pass, a declaration is refused', async () => {
    expect(xml).toContain('<ceb:appStatus>1</ceb:appStatus>');
    expect(await unsignedSigner().sign('k', xml)).toBe(xml);
    await expect(unsignedSigner().sign('k', declared)).rejects.toMatchObject({
      code: 'signer.required',
      params: { key: 'k' },
    });
  });

  it('http: returns the service answer; 4xx refuses, 5xx retries later', async () => {
    let status = 200;
    await withServer(
      (req, res) => {
        let body = '';
        req.on('data', (c) => {
          body += String(c);
        });
        req.on('end', () => {
          const { key, xml: x } = JSON.parse(body) as { key: string; xml: string };
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(status === 200 ? JSON.stringify({ signedXml: `${x}<!-- signed ${key} -->` }) : 'certificate expired');
        });
      },
      async (url) => {
        expect(await httpSigner(url).sign('k1', declared)).toBe(`${declared}<!-- signed k1 -->`);
        status = 400;
        const refused = await httpSigner(url)
          .sign('k2', declared)
          .catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(DomainError);
        expect(refused).toMatchObject({
          code: 'signer.refused',
          params: { key: 'k2', status: 400, reason: 'certificate expired' },
        });
        status = 503;
        await expect(httpSigner(url).sign('k3', declared)).rejects.toBeInstanceOf(TransportError);
      },
    );
  });

  it('folder: drops the request once, answers when the signed file is there', async () => {
    const dir = tempDir('kuajing-signer-');
    const signer = folderSigner(dir);
    await expect(signer.sign('ceb:CEB603:X:1', declared)).rejects.toBeInstanceOf(TransportError);
    const [request] = fs.readdirSync(path.join(dir, 'to-sign'));
    expect(fs.readFileSync(path.join(dir, 'to-sign', request!), 'utf8')).toBe(declared);
    fs.mkdirSync(path.join(dir, 'signed'));
    fs.writeFileSync(path.join(dir, 'signed', request!), `${declared}<!-- card -->`);
    expect(await signer.sign('ceb:CEB603:X:1', declared)).toBe(`${declared}<!-- card -->`);
  });

  it('practice SM2/SM3: XSD-valid, verifies, and tampering is detected', async () => {
    const signer = sm2PracticeSigner();
    const signed = await signer.sign('k', declared);
    expect(signed).toContain('<ds:SignatureMethod Algorithm="http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3"/>');
    expect(await validateCeb(signed)).toEqual({ valid: true, errors: [] });
    expect(verifySm2Practice(signed, signer.publicKey)).toBe(true);
    expect(verifySm2Practice(signed.replace('<ceb:qty>2', '<ceb:qty>3'), signer.publicKey)).toBe(false);
    expect(verifySm2Practice(signed, sm2PracticeSigner().publicKey)).toBe(false);
  });
});
