/**
 * The practice platform behind an exchange folder, as the single-window transfer client would
 * be: one `relayExchangeFolder` round takes every message file in `out/` (the file name is its
 * key, so a rewritten file is a duplicate), hands them to the platform, moves them to
 * `out/sent/`, and writes the receipts that are due into `in/` (temp + rename). The cursor is
 * kept in the folder (`.platform-cursor`) so rounds never write a receipt twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../sync/atomic-file.ts';
import { sentTypeOf } from './parse-ceb.ts';
import type { PracticePlatform } from './platform.ts';

export async function relayExchangeFolder(
  platform: PracticePlatform,
  dir: string,
): Promise<{ messages: number; receipts: number }> {
  const out = path.join(dir, 'out');
  const sent = path.join(out, 'sent');
  fs.mkdirSync(sent, { recursive: true });
  const files = fs
    .readdirSync(out)
    .filter((n) => n.endsWith('.xml'))
    .sort();
  const messages = files.map((name) => {
    const xml = fs.readFileSync(path.join(out, name), 'utf8');
    return { key: name, type: sentTypeOf(xml) ?? 'unknown', guid: '', xml };
  });
  if (messages.length > 0) await platform.receiveMessages(messages);
  for (const f of files) fs.renameSync(path.join(out, f), path.join(sent, f));

  const cursorFile = path.join(dir, '.platform-cursor');
  const since = fs.existsSync(cursorFile) ? Number(fs.readFileSync(cursorFile, 'utf8')) : 0;
  const page = platform.receipts(since, Number.MAX_SAFE_INTEGER);
  for (const r of page.receipts) writeFileAtomic(path.join(dir, 'in', `${r.id}-${r.type}.xml`), r.xml);
  writeFileAtomic(cursorFile, String(page.cursor));
  return { messages: messages.length, receipts: page.receipts.length };
}
