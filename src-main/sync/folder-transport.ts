/**
 * Exchange-folder transport, as the single-window transfer client works: each message is
 * written atomically to `out/` (temp file + rename; the name comes from the idempotency key,
 * so a resend replaces the same file and the client sees it once); receipts are read from
 * `in/` in name order and moved to `in/processed/` only after the engine stored them, so a
 * crash in between re-reads a file whose receipt is then recognised as already stored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileNameForKey, writeFileAtomic } from './atomic-file.ts';
import { TransportError, type IncomingReceipt, type OutgoingMessage, type ReceiptPage, type SendOutcome, type Transport } from './transport.ts';

export interface FolderTransportOptions {
  readonly dir: string;
  readonly receiptPageSize?: number;
}

export function folderPaths(dir: string) {
  return { out: path.join(dir, 'out'), in: path.join(dir, 'in'), processed: path.join(dir, 'in', 'processed') };
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
          else writeFileAtomic(path.join(p.out, fileNameForKey(m.key, '.json')), JSON.stringify({ key: m.key, items: m.sixItems }, null, 2));
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
        names = fs.readdirSync(p.in, { withFileTypes: true })
          .filter((d) => d.isFile() && d.name.toLowerCase().endsWith('.xml')).map((d) => d.name).sort();
      } catch (e) {
        throw new TransportError(`exchange folder: ${(e as Error).message}`, { cause: e });
      }
      const page = names.slice(0, pageSize);
      const receipts: IncomingReceipt[] = page.map((name) => ({ source: name, xml: fs.readFileSync(path.join(p.in, name), 'utf8') }));
      return { receipts, cursor: null, more: names.length > pageSize };
    },
    async acknowledge(receipts: readonly IncomingReceipt[]) {
      for (const r of receipts) {
        const from = path.join(p.in, r.source);
        if (fs.existsSync(from)) fs.renameSync(from, path.join(p.processed, r.source));
      }
    },
  };
}
