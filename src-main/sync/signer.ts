/**
 * The signer port: a CEB message with appStatus 2 must carry an XML-DSig signature made with
 * the seller's e-port card, which the app never holds. Adapters: unsigned (appStatus 1 only),
 * an external signing service over HTTP (a local service driving the card, or an agent's
 * device), and the folder route (the declaration client signs files dropped in `to-sign/`
 * and leaves them in `signed/`). The practice platform's software SM2 signer is sm2-signer.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../core/domain-error.ts';
import { TransportError } from './transport.ts';
import { writeFileAtomic, fileNameForKey } from './atomic-file.ts';

export type SignerKind = 'none' | 'http' | 'folder' | 'sm2Practice';

export interface Signer {
  readonly kind: SignerKind;
  /** The signed XML; DomainError = never signable (fail the row), TransportError = try later. */
  sign(key: string, xml: string): Promise<string>;
}

const APP_STATUS_2 = /<ceb:appStatus>\s*2\s*<\/ceb:appStatus>/;

export function needsSignature(xml: string): boolean {
  return APP_STATUS_2.test(xml);
}

/** Store-only messages (appStatus 1) go as they are; a declaration (2) is refused. */
export function unsignedSigner(): Signer {
  return {
    kind: 'none',
    async sign(key, xml) {
      if (needsSignature(xml)) throw new DomainError('signer.required', { key });
      return xml;
    },
  };
}

/** POST {url} `{ key, xml }` → `{ signedXml }`; 4xx refuses the message, anything else retries. */
export function httpSigner(url: string, timeoutMs = 30_000): Signer {
  return {
    kind: 'http',
    async sign(key, xml) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ key, xml }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        throw new TransportError(`signer unreachable: ${(e as Error).message}`, { cause: e });
      }
      const text = await res.text();
      if (res.status >= 400 && res.status < 500)
        throw new DomainError('signer.refused', { key, status: res.status, reason: text.slice(0, 200) });
      if (!res.ok) throw new TransportError(`signer answered ${res.status}`);
      const body = JSON.parse(text) as { signedXml?: unknown };
      if (typeof body.signedXml !== 'string') throw new TransportError('signer answered without signedXml');
      return body.signedXml;
    },
  };
}

/** Drops `to-sign/<key>.xml`; answers once `signed/<key>.xml` exists (until then: try later). */
export function folderSigner(dir: string): Signer {
  return {
    kind: 'folder',
    async sign(key, xml) {
      const name = fileNameForKey(key, '.xml');
      const signed = path.join(dir, 'signed', name);
      if (fs.existsSync(signed)) return fs.readFileSync(signed, 'utf8');
      const request = path.join(dir, 'to-sign', name);
      if (!fs.existsSync(request)) writeFileAtomic(request, xml);
      throw new TransportError(`waiting for the signed file ${signed}`);
    },
  };
}
