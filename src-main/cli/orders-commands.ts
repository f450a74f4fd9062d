/**
 * `kuajing import FILE …` (preview, then confirm unless --dry-run) and `kuajing orders list|stats …`.
 * Both go through the same dispatch as the hosts; a domain error (a file-level import error, a bad
 * filter) exits 1 with its code, JSON on stdout with --json. Money is printed in minor units.
 */
import type { ImportPreview, ImportSummary, OrdersPage, OrdersStats, Shop } from '../api/contract.ts';
import type { Workspace } from '../api/workspace.ts';
import { callCommand, existingWorkspaceDir, parse, readImportFile, reportDomainError, UsageError, withWorkspace, type CliIo } from './cli-kit.ts';

export async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    source: { type: 'string' }, mapping: { type: 'string' }, 'dry-run': { type: 'boolean' }, shop: { type: 'string' },
  }, true);
  const json = Boolean(values.json);
  const file = readImportFile(positionals);
  const dataDir = existingWorkspaceDir(values);
  return withWorkspace(dataDir, async (ws) => {
    let shopId: number | null = null;
    if (values.shop !== undefined) {
      shopId = await findShopArg(ws, io, json, values.shop);
      if (shopId < 0) return 1;
    }
    const preview = await callCommand<ImportPreview>(ws, io, json, 'imports.preview', {
      fileName: file.name, contentBase64: file.base64, source: values.source ?? 'auto',
      shopId, mappingName: values.mapping ?? null,
    });
    if (!preview) return 1;
    const p = preview;
    const rejected = p.rejected.map((r) => ({ row: r.row, column: r.column, code: r.code }));
    if (values['dry-run']) {
      await callCommand(ws, io, json, 'imports.discard', { previewId: p.previewId });
      const out = { source: p.source, encoding: p.encoding, orders: p.orders, lines: p.lines, ...p.counts, rejected };
      print(io, json, out, () => summaryText(out, true));
      return 0;
    }
    const confirmed = await callCommand<ImportSummary>(ws, io, json, 'imports.confirm', { previewId: p.previewId });
    if (!confirmed) return 1;
    const s = confirmed;
    const out = { source: s.source, encoding: s.encoding, orders: s.orders, lines: s.lines, new: s.new, updated: s.updated, unchanged: s.unchanged, rejected };
    print(io, json, out, () => summaryText(out, false));
    return 0;
  });
}

export async function ordersCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') return ordersList(rest, io);
  if (sub === 'stats') return ordersStats(rest, io);
  throw new UsageError(`orders ${sub ?? ''}: expected list or stats`.trim());
}

/** `--sort -gross` reads as intended (parseArgs alone would take `-gross` for a flag). */
function joinSortValue(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1];
    if (args[i] === '--sort' && next !== undefined && /^-[a-zA-Z]+$/.test(next)) { out.push(`--sort=${next}`); i++; } else out.push(args[i]!);
  }
  return out;
}

async function ordersList(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(joinSortValue(args), {
    shop: { type: 'string' }, status: { type: 'string' }, mode: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
    country: { type: 'string' }, q: { type: 'string' }, sort: { type: 'string' }, limit: { type: 'string' }, cursor: { type: 'string' },
  });
  const json = Boolean(values.json);
  const dataDir = existingWorkspaceDir(values);
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit)) throw new UsageError(`bad --limit ${values.limit}`);
  }
  return withWorkspace(dataDir, async (ws) => {
    let shopId: number | undefined;
    if (values.shop !== undefined) {
      const found = await findShopArg(ws, io, json, values.shop);
      if (found < 0) return 1;
      shopId = found;
    }
    const filter = Object.fromEntries(Object.entries({
      shopId, status: values.status, customsMode: values.mode, from: values.from, to: values.to,
      country: values.country?.toUpperCase(), q: values.q,
    }).filter(([, v]) => v !== undefined));
    const page = await callCommand<OrdersPage>(ws, io, json, 'orders.list', {
      filter, ...(values.sort ? { sort: values.sort } : {}), ...(limit !== undefined ? { limit } : {}), cursor: values.cursor ?? null,
    });
    if (!page) return 1;
    print(io, json, page, () => [
      ...page.items.map((o) => [o.id, o.platform, o.orderNo, o.status, o.orderedAt, o.currency, o.gross, o.exclusion ?? ''].join('\t')),
      ...(page.nextCursor ? [`next: --cursor ${page.nextCursor}`] : []),
    ].join('\n'));
    return 0;
  });
}

async function ordersStats(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {});
  const json = Boolean(values.json);
  return withWorkspace(existingWorkspaceDir(values), async (ws) => {
    const stats = await callCommand<OrdersStats>(ws, io, json, 'orders.stats', {});
    if (!stats) return 1;
    print(io, json, stats, () => JSON.stringify(stats, null, 2));
    return 0;
  });
}

/** `--shop` takes an id or a name; -1 after reporting `shops.notFound` / `shops.ambiguous`. */
async function findShopArg(ws: Workspace, io: CliIo, json: boolean, arg: string): Promise<number> {
  const shops = await callCommand<readonly Shop[]>(ws, io, json, 'shops.list', {});
  if (!shops) return -1;
  const byId = /^\d+$/.test(arg) ? shops.find((s) => s.id === Number(arg)) : undefined;
  const byName = shops.filter((s) => s.name === arg);
  if (byId) return byId.id;
  if (byName.length === 1) return byName[0]!.id;
  reportDomainError(io, json, { code: byName.length > 1 ? 'shops.ambiguous' : 'shops.notFound', params: { shop: arg } });
  return -1;
}

function print(io: CliIo, json: boolean, value: unknown, text: () => string): void {
  io.out(json ? JSON.stringify(value) : text());
}

function summaryText(s: { source: string; encoding: string; orders: number; lines: number; new: number; updated: number; unchanged: number; rejected: readonly { row: number; column: string | null; code: string }[] }, dryRun: boolean): string {
  return [
    `${dryRun ? '(dry run) ' : ''}${s.source} ${s.encoding}: ${s.orders} orders, ${s.lines} lines — new ${s.new}, updated ${s.updated}, unchanged ${s.unchanged}, rejected rows ${s.rejected.length}`,
    ...s.rejected.slice(0, 50).map((r) => `  row ${r.row}${r.column ? ` [${r.column}]` : ''}: ${r.code}`),
  ].join('\n');
}
