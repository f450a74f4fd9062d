/**
 * Validates CEB XML against the official 2022-05 export XSD with libxml2: the native `xmllint`
 * when the machine has one (about 6× faster on big batches; `KUAJING_XMLLINT` = a path to use
 * that binary, or `wasm` to never use one), else xmllint-wasm (libxml2 in WebAssembly: no system
 * binary, same on Windows/Electron). The schemas are read from `resources/ceb/xsd/` inside the
 * app (hosts may pass another `xsdDir`, e.g. the packaged resources path). Many documents are
 * checked in one xmllint run, up to one run per core at a time (a pool shared by every caller:
 * results come back in input order); errors keep line + message. The native run validates as it
 * parses (`--sax`: the same XSD engine, no document tree, a fraction of the memory); a document
 * it cannot parse is checked again the usual way, so its parser errors keep their lines. A run
 * that dies (killed, out of memory, no binary) is `customs.validator.failed`, never a hang.
 */
import { execFile, spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { DomainError } from '../core/domain-error.ts';

export const CEB_EXPORT_XSD = 'ceb-export-202205.xsd';
export const XMLDSIG_XSD = 'xmldsig-core-schema.xsd';
/** Documents per xmllint run (each run starts a worker and compiles the schema once). */
const BATCH = 500;
/** Characters per run: big sets are cut so two runs can go in parallel. */
const BATCH_BYTES = 8 * 1024 * 1024;
/** xmllint runs at a time (native: a process each; wasm: a worker thread each): one per core. */
export const CEB_VALIDATOR_WORKERS = Math.max(1, os.availableParallelism());
const WORKERS = CEB_VALIDATOR_WORKERS;

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

/** A document as text, or as its UTF-8 bytes (what a worker thread hands over without a copy). */
export type CebXml = string | Uint8Array;

/** xmllint reads bytes; a leading BOM in a JS string is dropped (it is accepted either way). */
function stripBom(xml: CebXml): CebXml {
  return typeof xml === 'string' && xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
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

/** One native xmllint run over files; its stderr. Exit codes 1–5 (not well-formed, invalid…) still name every file. */
async function xmllintFiles(binary: string, xsd: string, names: readonly string[], sax: boolean): Promise<string> {
  const launcher = launchers.take(binary);
  if (launcher !== null) return launcher.run(xsd, names, sax);
  return new Promise<string>((resolve, reject) => {
    execFile(
      binary,
      ['--noout', ...(sax ? ['--sax'] : []), '--nonet', '--schema', xsd, ...names],
      { maxBuffer: 512 * 1024 * 1024 },
      (err, _out, errOut) => {
        const code = err ? (err as { code?: unknown }).code : 0;
        if (err && (typeof code !== 'number' || code > 5)) reject(validatorFailed(String(err.signal ?? code)));
        else resolve(errOut);
      },
    );
  });
}

function validatorFailed(reason: string): DomainError {
  return new DomainError('customs.validator.failed', { reason });
}

/**
 * Starts xmllint runs from a small shell kept running, not from this process: forking a process
 * with a large heap costs far more than the run itself (every page is copy-on-write afterwards).
 * One job at a time per launcher: a list file (stderr file, sax flag, schema, documents, one a
 * line) in, the exit code out. Where there is no /bin/sh, runs start from here.
 */
const LAUNCHER_SCRIPT = `X=$0
NL='
'
while IFS= read -r list; do
  IFS=$NL; set -f; set -- $(cat "$list"); set +f; unset IFS
  out=$1; sax=$2; xsd=$3; shift 3
  if [ "$sax" = 1 ]; then "$X" --noout --sax --nonet --schema "$xsd" "$@" 2>"$out"
  else "$X" --noout --nonet --schema "$xsd" "$@" 2>"$out"; fi
  echo "$?"
done`;

class Launcher {
  private readonly proc: ChildProcessByStdio<Writable, Readable, null>;
  private pending: { resolve: (code: number) => void; reject: (e: unknown) => void } | null = null;
  private out = '';
  dead = false;

  constructor(binary: string, done: (l: Launcher) => void) {
    this.proc = spawn('/bin/sh', ['-c', LAUNCHER_SCRIPT, binary], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.proc.stdout.setEncoding('utf8');
    this.proc.stdout.on('data', (chunk: string) => {
      this.out += chunk;
      const nl = this.out.indexOf('\n');
      if (nl < 0) return;
      const code = Number(this.out.slice(0, nl));
      this.out = this.out.slice(nl + 1);
      const p = this.pending;
      this.pending = null;
      this.idle();
      done(this);
      p?.resolve(code);
    });
    const fail = (reason: string) => {
      this.dead = true;
      const p = this.pending;
      this.pending = null;
      p?.reject(validatorFailed(reason));
    };
    this.proc.on('error', (e) => fail(e.message));
    this.proc.on('exit', (code, signal) => fail(String(signal ?? code)));
    this.proc.stdin.on('error', () => {}); // a dead shell is reported by 'exit'
    this.idle();
  }

  async run(xsd: string, names: readonly string[], sax: boolean): Promise<string> {
    const dir = path.dirname(names[0]!);
    const list = path.join(dir, `run-${sax ? 'sax' : 'tree'}.list`);
    const errFile = path.join(dir, `run-${sax ? 'sax' : 'tree'}.err`);
    fs.writeFileSync(list, [errFile, sax ? '1' : '0', xsd, ...names].join('\n'));
    const code = await new Promise<number>((resolve, reject) => {
      if (this.dead) return reject(validatorFailed('launcher'));
      this.pending = { resolve, reject };
      this.busy();
      this.proc.stdin.write(`${list}\n`);
    });
    if (!(code >= 0 && code <= 5)) throw validatorFailed(String(code));
    return fs.readFileSync(errFile, 'utf8');
  }

  /** Keeps the process alive only while a run is waited for. */
  private busy(): void {
    this.proc.ref();
    (this.proc.stdout as unknown as { ref(): void }).ref();
  }
  private idle(): void {
    this.proc.unref();
    (this.proc.stdout as unknown as { unref(): void }).unref();
    (this.proc.stdin as unknown as { unref(): void }).unref();
  }
}

const launchers = {
  free: [] as Launcher[],
  take(binary: string): Launcher | null {
    if (process.platform === 'win32' || !fs.existsSync('/bin/sh')) return null;
    let l = this.free.pop();
    while (l?.dead) l = this.free.pop();
    return l ?? new Launcher(binary, (done) => !done.dead && this.free.push(done));
  },
};

/**
 * The documents go to files (and the files away afterwards) on libuv's threads, not this one: a
 * build validates chunk by chunk while it builds the next, and writing and removing ~5 MB of
 * files per chunk on the building thread cost about a tenth of the build (issue 19).
 */
async function runNative(binary: string, xmls: readonly CebXml[], xsdDir: string): Promise<CebValidationResult[]> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'kuajing-ceb-'));
  try {
    const xsd = path.join(xsdDir, CEB_EXPORT_XSD);
    const names = xmls.map((_, i) => path.join(dir, `message-${i + 1}.xml`));
    await writeFiles(names, xmls);
    const stderr = await xmllintFiles(binary, xsd, names, true);
    const results = parseOutput(stderr, names);
    // --sax reports a document it cannot parse only as "validation generated an internal error":
    // those few go through the tree parser again for their parser errors and lines.
    const failed = new Set(stderr.split('\n').filter((l) => l.endsWith(` ${INTERNAL_ERROR}`)));
    const unparsed = names.filter((name) => failed.has(`${name} ${INTERNAL_ERROR}`));
    if (unparsed.length > 0) {
      const again = parseOutput(await xmllintFiles(binary, xsd, unparsed, false), unparsed);
      unparsed.forEach((name, k) => (results[names.indexOf(name)] = again[k]!));
    }
    return results;
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

const INTERNAL_ERROR = 'validation generated an internal error';

/** Files written a few at a time (not one open file per document: a batch is up to 500, and some systems allow 256). */
async function writeFiles(names: readonly string[], xmls: readonly CebXml[]): Promise<void> {
  let next = 0;
  const writer = async () => {
    for (let i = next++; i < xmls.length; i = next++) await fs.promises.writeFile(names[i]!, stripBom(xmls[i]!));
  };
  await Promise.all(Array.from({ length: Math.min(8, xmls.length) }, writer));
}

async function runBatch(xmls: readonly CebXml[], xsdDir: string): Promise<CebValidationResult[]> {
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
    if (code !== 1) throw new DomainError('customs.validator.failed', { reason: String(code ?? (e as Error).message) });
    stderr = (e as Error).message;
  }
  return parseOutput(stderr, names);
}

/** Batches: at most BATCH documents and about BATCH_BYTES characters each, so large sets spread over the workers. */
function batches(xmls: readonly CebXml[]): CebXml[][] {
  const out: CebXml[][] = [];
  let cur: CebXml[] = [];
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
  xmls: readonly CebXml[],
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
