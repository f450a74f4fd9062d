/**
 * Exchange-folder transport, as the single-window transfer client works: each message is
 * written atomically to `out/` (temp file + rename; the name comes from the idempotency key,
 * so a resend replaces the same file and the client sees it once); receipts are read from
 * `in/` in name order and moved to `in/processed/` only after the engine stored them, so a
 * crash in between re-reads a file whose receipt is then recognised as already stored.
 * A file that cannot be read (too large, unreadable) is handed over with its problem; the engine
 * quarantines unreadable receipts, and `quarantine` moves them to `in/rejected/` beside a
 * `<name>.reason.json` (code, params, time), so one bad file never blocks the rest.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileNameForKey, writeFileAtomic } from './atomic-file.ts';
import {
  TransportError,
  type IncomingReceipt,
  type OutgoingMessage,
  type ReceiptPage,
  type ReceiptProblem,
  type SendOutcome,
  type Transport,
} from './transport.ts';

export interface FolderTransportOptions {
  readonly dir: string;
  readonly receiptPageSize?: number;
}

/** Receipt files larger than this are quarantined without being read (bounded memory). */
export const MAX_RECEIPT_FILE_BYTES = 16 * 1024 * 1024;

export function folderPaths(dir: string) {
  return {
    out: path.join(dir, 'out'),
    in: path.join(dir, 'in'),
    processed: path.join(dir, 'in', 'processed'),
    rejected: path.join(dir, 'in', 'rejected'),
  };
}

function readReceiptFile(file: string, source: string): IncomingReceipt {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_RECEIPT_FILE_BYTES) {
      return {
        source,
        xml: '',
        size,
        problem: { code: 'sync.receipt.tooLarge', params: { size, limit: MAX_RECEIPT_FILE_BYTES } },
      };
    }
    const bytes = fs.readFileSync(file);
    try {
      return { source, xml: new TextDecoder('utf-8', { fatal: true }).decode(bytes), size };
    } catch {
      return { source, xml: '', size, problem: { code: 'sync.receipt.notUtf8', params: {} } };
    }
  } catch (e) {
    return {
      source,
      xml: '',
      size: 0,
      problem: { code: 'sync.receipt.unreadable', params: { reason: (e as NodeJS.ErrnoException).code ?? 'io' } },
    };
  }
}

/** A free name in `dir` for `name` (a second bad file of the same name gets a numbered one). */
function freeName(dir: string, name: string): string {
  if (!fs.existsSync(path.join(dir, name))) return name;
  const ext = path.extname(name);
  for (let i = 2; ; i++) {
    const candidate = `${path.basename(name, ext)}.${i}${ext}`;
    if (!fs.existsSync(path.join(dir, candidate))) return candidate;
  }
}

export function folderTransport(opts: FolderTransportOptions): Transport {
  const p = folderPaths(opts.dir);
  const pageSize = opts.receiptPageSize ?? 500;
  return {
    name: 'exchangeDir',
    async send(messages: readonly OutgoingMessage[]) {
      const out: SendOutcome[] = [];
      try {
        for (const m of messages) {
          if (m.kind === 'ceb.message') writeFileAtomic(path.join(p.out, fileNameForKey(m.key, '.xml')), m.message.xml);
          else
            writeFileAtomic(
              path.join(p.out, fileNameForKey(m.key, '.json')),
              JSON.stringify({ key: m.key, items: m.sixItems }, null, 2),
            );
          out.push({ key: m.key, outcome: 'accepted' });
        }
      } catch (e) {
        if (out.length === 0) throw new TransportError(`exchange folder: ${(e as Error).message}`, { cause: e });
      }
      return out;
    },
    async fetchReceipts(): Promise<ReceiptPage> {
      let names: string[];
      try {
        fs.mkdirSync(p.processed, { recursive: true });
        names = fs
          .readdirSync(p.in, { withFileTypes: true })
          .filter((d) => d.isFile() && d.name.toLowerCase().endsWith('.xml'))
          .map((d) => d.name)
          .sort();
      } catch (e) {
        throw new TransportError(`exchange folder: ${(e as Error).message}`, { cause: e });
      }
      const page = names.slice(0, pageSize);
      const receipts: IncomingReceipt[] = page.map((name) => readReceiptFile(path.join(p.in, name), name));
      return { receipts, cursor: null, more: names.length > pageSize };
    },
    async acknowledge(receipts: readonly IncomingReceipt[]) {
      for (const r of receipts) {
        const from = path.join(p.in, r.source);
        if (fs.existsSync(from)) fs.renameSync(from, path.join(p.processed, r.source));
      }
    },
    async quarantine(receipt: IncomingReceipt, problem: ReceiptProblem, at: string) {
      const from = path.join(p.in, receipt.source);
      if (!fs.existsSync(from)) return;
      fs.mkdirSync(p.rejected, { recursive: true });
      const name = freeName(p.rejected, receipt.source);
      writeFileAtomic(
        path.join(p.rejected, `${name}.reason.json`),
        `${JSON.stringify({ file: receipt.source, code: problem.code, params: problem.params, at }, null, 2)}\n`,
      );
      fs.renameSync(from, path.join(p.rejected, name));
    },
  };
}
