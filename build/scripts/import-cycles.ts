/**
 * No import cycles: reads every .ts/.tsx file under the given folders with the TypeScript parser,
 * keeps the imports that run at load time (not `import type`, not type-only specifiers, not lazy
 * `import()`), and reports each strongly connected group of files (Tarjan). `npm test` runs it
 * over src-main and src-renderer; `node build/scripts/import-cycles.ts DIR…` prints the cycles.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Relative specifiers a file needs at load time. */
export function runtimeImports(file: string, text: string): string[] {
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    false,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const specs: string[] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const c = st.importClause;
      const typeOnly =
        c?.isTypeOnly ||
        (c !== undefined &&
          !c.name &&
          c.namedBindings !== undefined &&
          ts.isNamedImports(c.namedBindings) &&
          c.namedBindings.elements.length > 0 &&
          c.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) specs.push(st.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      const typeOnly =
        st.isTypeOnly ||
        (st.exportClause !== undefined &&
          ts.isNamedExports(st.exportClause) &&
          st.exportClause.elements.length > 0 &&
          st.exportClause.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) specs.push(st.moduleSpecifier.text);
    }
  }
  return specs.filter((s) => s.startsWith('.'));
}

/** Every cycle (as a list of files relative to `root`) among the files under `dirs`. */
export function findImportCycles(root: string, dirs: readonly string[]): string[][] {
  const files = dirs.flatMap((d) => sourceFiles(path.resolve(root, d)));
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  for (const f of files) {
    const targets = runtimeImports(f, fs.readFileSync(f, 'utf8'))
      .map((s) => path.resolve(path.dirname(f), s))
      .filter((t) => known.has(t));
    edges.set(f, targets);
  }
  // Tarjan's strongly connected components, iterative enough for a few thousand files.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (edges.get(v) ?? []).includes(v))
        cycles.push(group.map((g) => path.relative(root, g)).sort());
    }
  };
  for (const f of files) if (!idx.has(f)) visit(f);
  return cycles;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const root = path.resolve(import.meta.dirname, '../..');
  const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['src-main', 'src-renderer'];
  const cycles = findImportCycles(root, dirs);
  for (const c of cycles) process.stderr.write(`import cycle (${c.length} files):\n  ${c.join('\n  ')}\n`);
  process.stderr.write(cycles.length ? `${cycles.length} import cycle(s)\n` : 'no import cycles\n');
  process.exitCode = cycles.length ? 1 : 0;
}
