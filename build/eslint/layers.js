/**
 * ESLint rule `kuajing/layers`: the dependency rule of the architecture, checked on every
 * import, export-from, dynamic import() and require().
 *   hosts/*, cli → api → areas → imports, sync, reports, practice-platform → db → core
 * An area (`src-main/areas/<name>/`) is reached from outside only through its `index.ts` or its
 * `contract.ts`; the files directly in `areas/` (workspace, events, kits) are the areas' shared kernel.
 * `electron` only in hosts/electron; `better-sqlite3` only in db; no Node built-ins in core or
 * the renderer; the renderer takes from src-main only `import type` of api/contract.ts; a
 * renderer feature reaches another feature only through its index.ts; the renderer's `ui/` imports
 * nothing from `state/` or `features/` (renderer rules: `rendererViolation`).
 */
import path from 'node:path';
import { builtinModules } from 'node:module';

const MAIN_ALLOWED = {
  core: ['core'],
  db: ['db', 'core'],
  imports: ['imports', 'db', 'core'],
  sync: ['sync', 'db', 'core'],
  reports: ['reports', 'db', 'core'],
  'practice-platform': ['practice-platform', 'sync', 'db', 'core'],
  areas: ['areas', 'imports', 'sync', 'reports', 'practice-platform', 'db', 'core'],
  api: ['api', 'areas', 'db', 'core'],
  'hosts/electron': ['hosts/electron', 'api', 'areas', 'core'],
  'hosts/web': ['hosts/web', 'api', 'areas', 'core'],
  cli: ['cli', 'hosts/web', 'api', 'areas', 'core'],
};

const BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Layer of an absolute path: `main:<layer>`, `renderer:<folder>`, or null (tests, build, configs). */
export function layerOf(file, root) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  let m = /^src-main\/(hosts\/[^/]+|[^/]+)\//.exec(rel);
  if (m) {
    const area = m[1] === 'areas' ? (/^src-main\/areas\/([^/]+)\//.exec(rel)?.[1] ?? null) : null;
    return { side: 'main', layer: m[1], area, rel };
  }
  m = /^src-renderer\/(features\/[^/]+|[^/]+)\//.exec(rel);
  if (m) return { side: 'renderer', layer: m[1], rel };
  return null;
}

// ---- Renderer rules (src-renderer): kept apart from the src-main rules above and below. ----

/** `ui/` is presentational: it may not reach the store (`state/`) or any feature. */
function rendererUiViolation(from, target) {
  if (from.layer !== 'ui') return null;
  return target.layer === 'state' || target.layer.startsWith('features/') ? 'rendererUi' : null;
}

/** A feature reaches another feature only through that feature's index.ts. */
function rendererFeatureViolation(from, target) {
  if (!from.layer.startsWith('features/') || !target.layer.startsWith('features/') || target.layer === from.layer)
    return null;
  return /\/index\.tsx?$/.test(target.rel) ? null : 'feature';
}

/** The messageId of a renderer-to-renderer import that breaks a renderer rule, or null. */
export function rendererViolation(from, target) {
  if (from.side !== 'renderer' || target.side !== 'renderer') return null;
  return rendererUiViolation(from, target) ?? rendererFeatureViolation(from, target);
}

// ---- end of renderer rules ----

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the Kuajing Ledger layer dependency rule' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      layer: '{{from}} may not import {{to}} (allowed: {{allowed}}).',
      electron: "Only src-main/hosts/electron may import 'electron'.",
      sqlite: "Only src-main/db may import 'better-sqlite3'.",
      builtin: '{{from}} must not use Node built-in {{spec}} (keep it pure / browser-safe).',
      rendererMain: 'The renderer may only `import type` from src-main/api/contract.ts.',
      feature: 'Import another feature through its index.ts, not {{spec}}.',
      rendererUi: 'src-renderer/ui/ is presentational: it may not import the store or a feature ({{spec}}).',
      area: 'Reach the {{area}} area through its index.ts (or contract.ts), not {{spec}}.',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const filename = context.filename;
    const from = layerOf(filename, root);
    if (!from) return {};

    function check(node, spec, isTypeOnly) {
      if (typeof spec !== 'string') return;
      if (spec === 'electron' || spec.startsWith('electron/')) {
        if (!(from.side === 'main' && from.layer === 'hosts/electron')) context.report({ node, messageId: 'electron' });
        return;
      }
      if (spec === 'better-sqlite3') {
        if (!(from.side === 'main' && from.layer === 'db') && !isTypeOnly)
          context.report({ node, messageId: 'sqlite' });
        return;
      }
      if (BUILTINS.has(spec)) {
        if (from.layer === 'core' || from.side === 'renderer') {
          context.report({ node, messageId: 'builtin', data: { from: from.rel, spec } });
        }
        return;
      }
      if (!spec.startsWith('.') && !spec.startsWith('/')) return; // packages
      const target = layerOf(path.resolve(path.dirname(filename), spec), root);
      if (!target) return;
      if (from.side === 'renderer') {
        if (target.side === 'main') {
          if (!(isTypeOnly && target.rel === 'src-main/api/contract.ts'))
            context.report({ node, messageId: 'rendererMain' });
          return;
        }
        const rendererRule = rendererViolation(from, target);
        if (rendererRule) context.report({ node, messageId: rendererRule, data: { spec } });
        return;
      }
      if (target.side === 'renderer') {
        context.report({
          node,
          messageId: 'layer',
          data: { from: from.rel, to: target.rel, allowed: 'no renderer code' },
        });
        return;
      }
      const allowed = MAIN_ALLOWED[from.layer];
      if (!allowed || !allowed.includes(target.layer)) {
        context.report({
          node,
          messageId: 'layer',
          data: { from: from.rel, to: target.rel, allowed: (allowed ?? []).join(', ') },
        });
        return;
      }
      checkAreaEntry(node, spec, target);
    }

    /** Another area's internals are off limits: only its index.ts and contract.ts are public. */
    function checkAreaEntry(node, spec, target) {
      if (!target.area || target.area === from.area) return;
      if (/^src-main\/areas\/[^/]+\/(index|contract)\.ts$/.test(target.rel)) return;
      context.report({ node, messageId: 'area', data: { area: target.area, spec } });
    }

    const typeOnly = (node) =>
      node.importKind === 'type' ||
      node.exportKind === 'type' ||
      (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
    return {
      ImportDeclaration: (node) => check(node, node.source.value, typeOnly(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, typeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
      TSImportType: (node) => {
        const lit = node.argument?.literal ?? node.argument;
        if (lit?.type === 'Literal') check(node, lit.value, true);
      },
      CallExpression: (node) => {
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          node.arguments[0]?.type === 'Literal'
        ) {
          check(node, node.arguments[0].value, false);
        }
      },
    };
  },
};

export const kuajingPlugin = { rules: { layers: layersRule } };
