/**
 * Where a workspace may sync to (issue 18 point 1). A training sandbox is marked in its own file
 * (the `training.sandbox` setting, written when the training area creates it); it syncs only to a
 * practice platform on the loopback address whose `GET /handshake` answers the sandbox's id, signed
 * by nothing or the practice signer — anything else is `training.sandboxTarget`. A company workspace
 * (no marker) refuses the practice signer and any platform that answers the handshake for a sandbox
 * (`training.notSandbox`), so real documents are never marked sent to a practice platform. The cheap
 * part is checked on every save (`checkTargetShape`); the handshake at save time and before each pass.
 */
import { DomainError } from '../../core/domain-error.ts';
import { getSetting } from '../../db/settings-store.ts';
import type { ReadDb } from '../../db/ports.ts';
import type { SyncConfig } from './contract.ts';

export const SANDBOX_SETTING = 'training.sandbox';

/** The marker a sandbox carries in its own file. */
export interface SandboxMarker {
  readonly id: string;
  readonly name: string;
  readonly scenario: string;
  readonly seed: number;
  readonly createdAt: string;
}

export function readSandboxMarker(db: ReadDb): SandboxMarker | null {
  return getSetting<SandboxMarker | null>(db, SANDBOX_SETTING, null);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackUrl(url: string): boolean {
  try {
    const h = new URL(url).hostname;
    return LOOPBACK.has(h) || /^127\.\d+\.\d+\.\d+$/.test(h);
  } catch {
    return false;
  }
}

/** The checks that need no network: signer and transport kind. */
export function checkTargetShape(
  sandbox: SandboxMarker | null,
  c: Pick<SyncConfig, 'mode' | 'url' | 'dir' | 'signer'>,
): void {
  if (!sandbox) {
    if (c.signer.kind === 'sm2Practice')
      throw new DomainError('training.notSandbox', {}, { 'signer.kind': 'training.notSandbox' });
    return;
  }
  if (c.mode === 'off') return;
  const target = c.mode === 'platform' ? (c.url ?? '') : (c.dir ?? '');
  if (c.mode !== 'platform' || !isLoopbackUrl(target))
    throw new DomainError('training.sandboxTarget', { target, sandbox: sandbox.name });
  if (c.signer.kind !== 'none' && c.signer.kind !== 'sm2Practice')
    throw new DomainError('training.sandboxSigner', { signer: c.signer.kind, sandbox: sandbox.name });
}

/** The platform's handshake, or null when it answers none (not a practice platform, or not reachable). */
export async function fetchHandshake(url: string): Promise<{ platform: string; sandboxId: string | null } | null> {
  try {
    const res = await fetch(new URL('/handshake', url), { signal: AbortSignal.timeout(2000) });
    if (!res.ok) return null;
    const body = (await res.json()) as { platform?: unknown; sandboxId?: unknown };
    if (body.platform !== 'kuajing-practice') return null;
    return { platform: body.platform, sandboxId: typeof body.sandboxId === 'string' ? body.sandboxId : null };
  } catch {
    return null;
  }
}

/** Every check: the shape, then (platform on loopback) the handshake. */
export async function guardSyncTarget(
  db: ReadDb,
  c: Pick<SyncConfig, 'mode' | 'url' | 'dir' | 'signer'>,
): Promise<void> {
  const sandbox = readSandboxMarker(db);
  checkTargetShape(sandbox, c);
  if (c.mode !== 'platform' || !c.url || !isLoopbackUrl(c.url)) return;
  const hs = await fetchHandshake(c.url);
  if (sandbox && hs?.sandboxId !== sandbox.id)
    throw new DomainError('training.sandboxTarget', { target: c.url, sandbox: sandbox.name });
  if (!sandbox && hs?.sandboxId) throw new DomainError('training.notSandbox', {}, { url: 'training.notSandbox' });
}
