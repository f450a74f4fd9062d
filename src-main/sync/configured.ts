/**
 * Builds the transport and signer a workspace's sync settings name (mode off / platform URL /
 * exchange folder; signer none / HTTP / folder / practice SM2). Pure wiring, no I/O until used.
 */
import { folderTransport } from './folder-transport.ts';
import { httpTransport } from './http-transport.ts';
import { folderSigner, httpSigner, unsignedSigner, type Signer, type SignerKind } from './signer.ts';
import { practiceSigner as publishedPracticeSigner } from './sm2-signer.ts';
import type { Transport } from './transport.ts';

export interface TransportSettings {
  readonly mode: 'off' | 'platform' | 'exchangeDir';
  readonly url: string | null;
  readonly dir: string | null;
  readonly signer: { readonly kind: SignerKind; readonly url: string | null; readonly dir: string | null };
}

export function transportFor(s: TransportSettings): Transport | null {
  if (s.mode === 'platform' && s.url) return httpTransport({ baseUrl: s.url });
  if (s.mode === 'exchangeDir' && s.dir) return folderTransport({ dir: s.dir });
  return null;
}

let practiceSigner: Signer | null = null;

export function signerFor(s: TransportSettings['signer']): Signer {
  if (s.kind === 'http' && s.url) return httpSigner(s.url);
  if (s.kind === 'folder' && s.dir) return folderSigner(s.dir);
  if (s.kind === 'sm2Practice') return (practiceSigner ??= publishedPracticeSigner());
  return unsignedSigner();
}
