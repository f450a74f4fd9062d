/**
 * Validates CEB XML against the official 2022-05 export XSD with libxml2: the native `xmllint`
 * when the machine has one (about 6× faster on big batches; `KUAJING_XMLLINT` = a path to use
 * that binary, or `wasm` to never use one), else xmllint-wasm (libxml2 in WebAssembly: no system
 * binary, same on Windows/Electron). The schemas are read from `resources/ceb/xsd/` inside the
 * app (hosts may pass another `xsdDir`, e.g. the packaged resources path). Many documents are
 * checked in one xmllint run (two runs in parallel for big sets); errors keep line + message.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

export const CEB_EXPORT_XSD = 'ceb-export-202205.xsd';
export const XMLDSIG_XSD = 'xmldsig-core-schema.xsd';
/** Documents per xmllint run (each run starts a worker and compiles the schema once). */
const BATCH = 500;
/** Characters per run: big sets are cut so two runs can go in parallel. */
const BATCH_BYTES = 8 * 1024 * 1024;
/** xmllint runs at a time (each in its own worker thread). */
const WORKERS = Math.max(1, Math.min(2, os.availableParallelism()));

export interface CebValidationError {
  readonly line: number;
  readonly message: string;
}

export interface CebValidationResult {
  readonly valid: boolean;
  readonly errors: readonly CebValidationError[];
}

export interface ValidateCebOptions {
  /** Folder holding the two XSDs; default: the repository's resources/ceb/xsd. */
  readonly xsdDir?: string;
}

export function defaultCebXsdDir(): string {
  return fileURLToPath(new URL('../../resources/ceb/xsd/', import.meta.url));
}

const schemaCache = new Map<string, { schema: XMLFileInfo; preload: XMLFileInfo }>();

function loadSchemas(xsdDir: string) {
  let s = schemaCache.get(xsdDir);
  if (!s) {
    s = {
      schema: { fileName: CEB_EXPORT_XSD, contents: fs.readFileSync(path.join(xsdDir, CEB_EXPORT_XSD), 'utf8') },
      preload: { fileName: XMLDSIG_XSD, contents: fs.readFileSync(path.join(xsdDir, XMLDSIG_XSD), 'utf8') },
    };
    schemaCache.set(xsdDir, s);
  }
  return s;
}

/** xmllint reads bytes; a leading BOM in a JS string is dropped (it is accepted either way). */
function stripBom(xml: string): string {
  return xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
}

/** xmllint's stderr → per-file results; a file is valid only if xmllint printed "<file> validates". */
function parseOutput(stderr: string, names: readonly string[]): CebValidationResult[] {
  const lines = stderr.split('\n');
  return names.map((name) => {
    const errors: CebValidationError[] = [];
    let valid = false;
    const prefix = `${name}:`;
    for (const raw of lines) {
      if (raw === `${name} validates`) valid = true;
      else if (raw.startsWith(prefix)) {
        const m = /^(\d+):\s*(.*)$/.exec(raw.slice(prefix.length));
        if (m) errors.push({ line: Number(m[1]), message: (m[2] ?? '').trim() });
        else errors.push({ line: 0, message: raw.slice(prefix.length).trim() });
      }
    }
    if (!valid && errors.length === 0) {
      const summary = lines.find((l) => l.startsWith(`${name} `)) ?? `${name} fails to validate`;
      errors.push({ line: 0, message: summary.slice(name.length + 1).trim() });
    }
    return { valid: valid && errors.length === 0, errors };
  });
}

let nativeBinary: string | null | undefined;

/** The native xmllint to use, or null (checked once per process). */
function nativeXmllint(): string | null {
  if (nativeBinary !== undefined) return nativeBinary;
  const wanted = process.env.KUAJING_XMLLINT ?? 'xmllint';
  if (wanted === 'wasm') return (nativeBinary = null);
  const probe = spawnSync(wanted, ['--version'], { encoding: 'utf8', timeout: 5000 });
  return (nativeBinary = probe.error === undefined && /libxml/.test(`${probe.stdout}${probe.stderr}`) ? wanted : null);
}

async function runNative(binary: string, xmls: readonly string[], xsdDir: string): Promise<CebValidationResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-ceb-'));
  try {
    const names = xmls.map((_, i) => path.join(dir, `message-${i + 1}.xml`));
    xmls.forEach((x, i) => fs.writeFileSync(names[i]!, stripBom(x)));
    const stderr = await new Promise<string>((resolve, reject) => {
      execFile(
        binary,
        ['--noout', '--nonet', '--schema', path.join(xsdDir, CEB_EXPORT_XSD), ...names],
        { maxBuffer: 512 * 1024 * 1024 },
        (err, _out, errOut) => {
          // exit codes 1–5 (not well-formed, invalid…) still name every file on stderr
          if (err && typeof err.code !== 'number') reject(err);
          else resolve(errOut);
        },
      );
    });
    return parseOutput(stderr, names);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runBatch(xmls: readonly string[], xsdDir: string): Promise<CebValidationResult[]> {
  const native = nativeXmllint();
  if (native !== null) return runNative(native, xmls, xsdDir);
  const { schema, preload } = loadSchemas(xsdDir);
  const names = xmls.map((_, i) => `message-${i + 1}.xml`);
  let stderr: string;
  try {
    const r = await validateXML({
      xml: xmls.map((contents, i) => ({ fileName: names[i]!, contents: stripBom(contents) })),
      schema,
      preload,
      maxMemoryPages: 16384,
    });
    stderr = r.rawOutput;
  } catch (e) {
    // exit code 1 (not well-formed) rejects; its stderr still names every file
    const code = (e as { code?: unknown }).code;
    if (code !== 1) throw e;
    stderr = (e as Error).message;
  }
  return parseOutput(stderr, names);
}

/** Batches: at most BATCH documents and about BATCH_BYTES characters each, so large sets spread over the workers. */
function batches(xmls: readonly string[]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let size = 0;
  for (const x of xmls) {
    if (cur.length > 0 && (cur.length >= BATCH || size + x.length > BATCH_BYTES)) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(x);
    size += x.length;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

let running = 0;
const waiting: Array<() => void> = [];

/** At most WORKERS xmllint runs at a time in this process, whoever asks (a build validates chunk by chunk). */
async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= WORKERS)
    await new Promise<void>((resolve) => waiting.push(resolve)); // the releaser hands its slot over
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** Validates many documents, up to WORKERS xmllint runs at a time; results in input order. */
export async function validateCebMany(
  xmls: readonly string[],
  options: ValidateCebOptions = {},
): Promise<CebValidationResult[]> {
  const xsdDir = options.xsdDir ?? defaultCebXsdDir();
  const results = await Promise.all(batches(xmls).map((batch) => limited(() => runBatch(batch, xsdDir))));
  return results.flat();
}

export async function validateCeb(xml: string, options: ValidateCebOptions = {}): Promise<CebValidationResult> {
  const [r] = await validateCebMany([xml], options);
  return r!;
}
