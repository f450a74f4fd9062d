/**
 * `kuajing customs validate FILE... [--json]`: checks any CEB XML file (including messages the
 * app did not make) against the official 2022-05 export XSD. Prints per file valid + errors
 * (line, libxml2's reason naming the element); exit 1 if any file is invalid, 2 on usage errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../core/domain-error.ts';
import { validateCebMany } from '../api/customs.ts';
import { parse, UsageError, type CliIo } from './cli-kit.ts';

export async function customsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'validate') return validateCommand(rest, io);
  throw new UsageError(`unknown customs command ${sub ?? ''}`.trim());
}

async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {}, true);
  if (positionals.length === 0) throw new UsageError('customs validate needs at least one FILE');
  const xmls = positionals.map((file) => {
    try {
      return fs.readFileSync(path.resolve(file), 'utf8');
    } catch {
      throw new DomainError('customs.file.unreadable', { file });
    }
  });
  const results = await validateCebMany(xmls);
  const files = positionals.map((file, i) => ({ file, valid: results[i]!.valid, errors: results[i]!.errors }));
  if (values.json) io.out(JSON.stringify({ files }));
  else {
    for (const f of files) {
      io.out(`${f.file}: ${f.valid ? 'valid' : 'INVALID'}`);
      for (const e of f.errors) io.out(`  line ${e.line}: ${e.message}`);
    }
  }
  return files.every((f) => f.valid) ? 0 : 1;
}
