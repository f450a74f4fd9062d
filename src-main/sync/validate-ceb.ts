/**
 * Validates CEB XML against the official 2022-05 export XSD with xmllint-wasm (libxml2 in
 * WebAssembly: no system binary, same on Windows/Electron). The schemas are read once from
 * `resources/ceb/xsd/` inside the app (hosts may pass another `xsdDir`, e.g. the packaged
 * resources path). Many documents are checked in one xmllint run; errors keep line + message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

export const CEB_EXPORT_XSD = 'ceb-export-202205.xsd';
export const XMLDSIG_XSD = 'xmldsig-core-schema.xsd';
/** Documents per xmllint run (each run starts a worker and compiles the schema once). */
const BATCH = 500;

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

async function runBatch(xmls: readonly string[], xsdDir: string): Promise<CebValidationResult[]> {
  const { schema, preload } = loadSchemas(xsdDir);
  const names = xmls.map((_, i) => `message-${i + 1}.xml`);
  let stderr: string;
  try {
    const r = await validateXML({
      xml: xmls.map((contents, i) => ({ fileName: names[i]!, contents: stripBom(contents) })),
      schema, preload, maxMemoryPages: 16384,
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

/** Validates many documents; results in input order. */
export async function validateCebMany(xmls: readonly string[], options: ValidateCebOptions = {}): Promise<CebValidationResult[]> {
  const xsdDir = options.xsdDir ?? defaultCebXsdDir();
  const out: CebValidationResult[] = [];
  for (let i = 0; i < xmls.length; i += BATCH) out.push(...await runBatch(xmls.slice(i, i + BATCH), xsdDir));
  return out;
}

export async function validateCeb(xml: string, options: ValidateCebOptions = {}): Promise<CebValidationResult> {
  const [r] = await validateCebMany([xml], options);
  return r!;
}
