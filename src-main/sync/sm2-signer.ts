/**
 * Software SM2/SM3 signer for the PRACTICE PLATFORM ONLY (training, demos, tests): signs with a
 * key pair made on the spot by node:crypto (OpenSSL's SM2 curve and SM3 digest, no extra
 * package) and embeds an enveloped `ds:Signature` with the 2022 e-port algorithm URIs. It is no
 * e-port card: real declarations are signed by the seller's card through the HTTP or folder
 * signer. Simplification: the digest covers the message text as built (our serialiser's output
 * is stable), not an exclusive-C14N of it. The app's practice signer uses one fixed, published
 * practice key pair (PRACTICE_SM2_KEY_PEM — worthless outside the practice platform), so any
 * practice platform, in-process or `kuajing practice-platform`, knows its public key and
 * verifies what it receives.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import type { Signer } from './signer.ts';

export const SM2_SM3 = 'http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3';
export const SM3_DIGEST = 'http://www.chinaport.gov.cn/2022/04/xmldsig#sm3';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

function signedInfo(digest: string): string {
  return (
    `<ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${C14N}"/><ds:SignatureMethod Algorithm="${SM2_SM3}"/>` +
    `<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="${ENVELOPED}"/></ds:Transforms>` +
    `<ds:DigestMethod Algorithm="${SM3_DIGEST}"/><ds:DigestValue>${digest}</ds:DigestValue></ds:Reference></ds:SignedInfo>`
  );
}

/** Where the signature goes: after BaseTransfer/BaseSubscribe, before ExtendMessage or the end. */
function insertAt(xml: string): number {
  const extend = xml.search(/<ceb:ExtendMessage[\s>]/);
  return extend >= 0 ? extend : xml.search(/<\/ceb:CEB\d{3}Message>\s*$/);
}

export interface Sm2PracticeSigner extends Signer {
  readonly publicKey: KeyObject;
  readonly keyName: string;
}

export const PRACTICE_KEY_NAME = 'PRACTICE-SM2';

/** The published practice key (SM2, PKCS#8). Training only: it signs nothing the e-port accepts. */
const PRACTICE_SM2_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgw8SlR21TWukfw/rp
EFin6I4GKYLSXYJkWfzASYj2C36hRANCAAR+VbFfipcu8zEBgw/5LC9cSaCHqdng
ZM4BuDxz3Esbee3Mz+eNl5LUJYJQPREUb9giCDq0H731ZVPCM8bFgSZG
-----END PRIVATE KEY-----
`;

let practiceKey: KeyObject | null = null;
const practicePrivateKey = () => (practiceKey ??= createPrivateKey(PRACTICE_SM2_KEY_PEM));

/** The public key of the app's practice signer, by key name (what a practice platform trusts). */
export function practicePublicKeys(): ReadonlyMap<string, KeyObject> {
  return new Map([[PRACTICE_KEY_NAME, createPublicKey(practicePrivateKey())]]);
}

/** The app's practice signer (the published practice key). */
export function practiceSigner(): Sm2PracticeSigner {
  return sm2PracticeSigner(PRACTICE_KEY_NAME, practicePrivateKey());
}

/** A software SM2 signer; without a key, with a pair made on the spot (tests). */
export function sm2PracticeSigner(keyName = PRACTICE_KEY_NAME, key?: KeyObject): Sm2PracticeSigner {
  const privateKey = key ?? generateKeyPairSync('ec', { namedCurve: 'SM2' }).privateKey;
  const publicKey = createPublicKey(privateKey);
  return {
    kind: 'sm2Practice',
    publicKey,
    keyName,
    async sign(_key, xml) {
      const digest = createHash('sm3').update(xml).digest('base64');
      const info = signedInfo(digest);
      const value = sign('sm3', Buffer.from(info), privateKey).toString('base64');
      const signature =
        `<ds:Signature xmlns:ds="${DS}">${info}<ds:SignatureValue>${value}</ds:SignatureValue>` +
        `<ds:KeyInfo><ds:KeyName>${keyName}</ds:KeyName></ds:KeyInfo></ds:Signature>\n`;
      const at = insertAt(xml);
      return at < 0 ? xml : xml.slice(0, at) + signature + xml.slice(at);
    },
  };
}

const SIGNATURE =
  /<ds:Signature [^>]*>(<ds:SignedInfo>.*?<\/ds:SignedInfo>)<ds:SignatureValue>([^<]+)<\/ds:SignatureValue>(.*?)<\/ds:Signature>\n?/s;

/** The KeyName a practice signature names, or null when there is no readable signature. */
export function signatureKeyName(signedXml: string): string | null {
  const m = SIGNATURE.exec(signedXml);
  return m ? (/<ds:KeyName>([^<]*)<\/ds:KeyName>/.exec(m[3]!)?.[1] ?? '') : null;
}

/** Checks a practice signature: the digest of the message without it, and SM2 over SignedInfo. */
export function verifySm2Practice(signedXml: string, publicKey: KeyObject): boolean {
  const m = SIGNATURE.exec(signedXml);
  if (!m) return false;
  const unsigned = signedXml.replace(m[0], '');
  const digest = /<ds:DigestValue>([^<]+)</.exec(m[1]!)?.[1];
  if (digest !== createHash('sm3').update(unsigned).digest('base64')) return false;
  try {
    return verify('sm3', Buffer.from(m[1]!), publicKey, Buffer.from(m[2]!, 'base64'));
  } catch {
    return false; // a malformed signature value
  }
}
