/**
 * `kuajing import FILE …` (preview, then confirm unless --dry-run; all or nothing unless
 * --accept-valid-rows), `kuajing orders list|stats …`, `kuajing shops add|list`, `kuajing statuses list|map`.
 * Both go through the same dispatch as the hosts; a domain error (a file-level import error, a bad
 * filter) exits 1 with its code, JSON on stdout with --json. Money is printed in minor units.
 */
import type {
  ImportPreview,
  ImportSummary,
  OrdersPage,
  OrdersStats,
  Shop,
  StatusMapResult,
  StatusWords,
} from '../api/contract.ts';
import type { Workspace } from '../api/workspace.ts';
import { copyIntoImports } from '../areas/imports/index.ts';
import { parse, UsageError, strings, flags } from './cli-args.ts';
import { callCommand, existingWorkspaceDir, importFileByPath, reportDomainError, withWorkspace } from './cli-kit.ts';
import type { CliIo } from './cli-kit.ts';
import { message } from './messages.ts';

export async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      ...strings('source', 'mapping', 'shop'),
      ...flags('dry-run', 'accept-valid-rows'),
    },
    true,
  );
  const json = Boolean(values.json);
  const file = importFileByPath(positionals);
  const dataDir = existingWorkspaceDir(values);
  const dryRun = Boolean(values['dry-run']);
  const accept = Boolean(values['accept-valid-rows']);
  return withWorkspace(dataDir, async (ws) => {
    let shopId: number | null = null;
    if (values.shop !== undefined) {
      shopId = await findShopArg(ws, io, json, values.shop);
      if (shopId < 0) return 1;
    }
    // the file by path: copied into the workspace's tmp/imports and read there in chunks (issue 16, point 1)
    const preview = await callCommand<ImportPreview>(ws, io, json, 'imports.preview', {
      fileName: file.name,
      fileRef: (await copyIntoImports(ws.dataDir, file.path)).fileRef,
      source: values.source ?? 'auto',
      shopId,
      mappingName: values.mapping ?? null,
    });
    if (!preview) return 1;
    const p = preview;
    const rejected = p.rejected.map((r) => ({
      orderNo: p.rejectedOrderNos[r.row] ?? (typeof r.params.orderNo === 'string' ? r.params.orderNo : null),
      row: r.row,
      column: r.column,
      code: r.code,
      value: r.params.value ?? null,
    }));
    const base = {
      source: p.source,
      encoding: p.encoding,
      orders: p.orders,
      lines: p.lines,
      rows: p.rows,
      rejected,
      warnings: p.warnings,
      unknownStatuses: p.unknownStatuses,
    };
    const periods = { months: p.months, heldBack: p.heldBack };
    // A dry run fails exactly where the import would: an incomplete mapping, rejected rows, a file with nothing valid.
    const refusal: { code: string; params: Record<string, string | number> } | null =
      p.unmappedRequired.length > 0
        ? { code: 'imports.mappingIncomplete', params: { fields: p.unmappedRequired.join(', ') } }
        : p.orders === 0 && rejected.length > 0
          ? { code: 'imports.allRowsRejected', params: { rejected: rejected.length } }
          : rejected.length > 0 && !accept
            ? { code: 'imports.rowsRejected', params: { rejected: rejected.length, orders: p.orders } }
            : null;
    if (refusal !== null || dryRun) {
      await callCommand(ws, io, json, 'imports.discard', { previewId: p.previewId });
      const out = {
        ...base,
        ...p.counts,
        ...periods,
        written: false,
        ...(refusal ? { ok: false, error: refusal } : {}),
      };
      print(io, json, out, () => summaryText(out, dryRun));
      if (refusal !== null) io.err(`error ${refusal.code}: ${message(refusal.code, refusal.params)}`);
      return refusal === null ? 0 : 1;
    }
    const confirmed = await callCommand<ImportSummary>(ws, io, json, 'imports.confirm', {
      previewId: p.previewId,
      acceptValidRows: accept,
    });
    if (!confirmed) return 1;
    const s = confirmed;
    const out = {
      ...base,
      new: s.new,
      updated: s.updated,
      unchanged: s.unchanged,
      months: s.months,
      heldBack: s.heldBack,
      written: true,
    };
    print(io, json, out, () => summaryText(out, false));
    return 0;
  });
}

export async function ordersCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') return ordersList(rest, io);
  if (sub === 'stats') return ordersStats(rest, io);
  if (sub === 'set-mode') return (await import('./customs-commands.ts')).setModeCommand(rest, io);
  throw new UsageError(`orders ${sub ?? ''}: expected list, stats or set-mode`.trim());
}

/** `--sort -gross` reads as intended (parseArgs alone would take `-gross` for a flag). */
function joinSortValue(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1];
    if (args[i] === '--sort' && next !== undefined && /^-[a-zA-Z]+$/.test(next)) {
      out.push(`--sort=${next}`);
      i++;
    } else out.push(args[i]!);
  }
  return out;
}

async function ordersList(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(joinSortValue(args), {
    ...strings('shop', 'status', 'mode', 'from', 'to', 'country', 'q', 'sort', 'limit', 'cursor'),
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
    const filter = Object.fromEntries(
      Object.entries({
        shopId,
        status: values.status,
        customsMode: values.mode,
        from: values.from,
        to: values.to,
        country: values.country?.toUpperCase(),
        q: values.q,
      }).filter(([, v]) => v !== undefined),
    );
    const page = await callCommand<OrdersPage>(ws, io, json, 'orders.list', {
      filter,
      ...(values.sort ? { sort: values.sort } : {}),
      ...(limit !== undefined ? { limit } : {}),
      cursor: values.cursor ?? null,
    });
    if (!page) return 1;
    print(io, json, page, () =>
      [
        ...page.items.map((o) =>
          [o.id, o.platform, o.orderNo, o.status, o.orderedAt, o.currency, o.gross, o.exclusion ?? ''].join('\t'),
        ),
        ...(page.nextCursor ? [`next: --cursor ${page.nextCursor}`] : []),
      ].join('\n'),
    );
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
  reportDomainError(io, json, {
    code: byName.length > 1 ? 'shops.ambiguous' : 'shops.notFound',
    params: { shop: arg },
  });
  return -1;
}

function print(io: CliIo, json: boolean, value: unknown, text: () => string): void {
  io.out(json ? JSON.stringify(value) : text());
}

/** What the CLI prints of a preview (dry run) or a confirm: the confirm's counts, with each rejection's order and value. */
interface SummaryOut extends Pick<
  ImportSummary,
  'encoding' | 'orders' | 'lines' | 'new' | 'updated' | 'unchanged' | 'months' | 'heldBack'
> {
  readonly source: string;
  readonly rejected: readonly {
    orderNo: string | null;
    row: number;
    column: string | null;
    code: string;
    value: string | number | null;
  }[];
  readonly warnings: readonly { orderNo: string; code: string; params: Record<string, string | number> }[];
  readonly unknownStatuses: Readonly<Record<string, number>>;
}

/** Every rejection with its order, row, column, code and the value found; every warning; unknown status words. */
function summaryText(s: SummaryOut, dryRun: boolean): string {
  const unknown = Object.entries(s.unknownStatuses);
  return [
    `${dryRun ? '(dry run) ' : ''}${s.source} ${s.encoding}: ${s.orders} orders, ${s.lines} lines — new ${s.new}, updated ${s.updated}, unchanged ${s.unchanged}, rejected rows ${s.rejected.length}`,
    ...s.rejected.map(
      (r) =>
        `  rejected: order ${r.orderNo ?? '-'} row ${r.row}${r.column ? ` [${r.column}]` : ''} ${r.code}${r.value !== null && r.value !== '' ? ` value "${r.value}"` : ''}`,
    ),
    ...s.warnings.map(
      (w) =>
        `  warning: order ${w.orderNo} ${w.code} ${Object.entries(w.params)
          .filter(([k]) => k !== 'orderNo')
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
    ),
    ...(unknown.length > 0
      ? [
          `  unknown status words (kept as status unknown; map them with kuajing statuses map): ${unknown.map(([w, n]) => `${w} ×${n}`).join(', ')}`,
        ]
      : []),
    // where the orders went, by month; those a closed month held back (issue 17 point 1g)
    ...s.months.map(
      (m) =>
        `  ${message(m.closed ? 'imports.month.closed' : 'imports.month', { month: m.month, new: m.new, updated: m.updated, unchanged: m.unchanged, heldBack: m.heldBack })}`,
    ),
    ...s.heldBack.map(
      (h) => `  ${message(`imports.heldBack.${h.change}`, { orderNo: h.orderNo, date: h.date, month: h.month })}`,
    ),
    ...(s.heldBack.length > 0
      ? [`  ${message(dryRun ? 'imports.heldBack.preview' : 'imports.heldBack.done', { count: s.heldBack.length })}`]
      : []),
  ].join('\n');
}

/** `kuajing shops add --name N --platform P [--site S] [--currency C] [--time-zone Z]` and `kuajing shops list`. */
export async function shopsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add' && sub !== 'list') throw new UsageError(`shops ${sub ?? ''}: expected add or list`.trim());
  const { values } = parse(
    rest,
    sub === 'add'
      ? {
          ...strings('name', 'platform', 'site', 'currency', 'time-zone'),
        }
      : {},
  );
  const json = Boolean(values.json);
  return withWorkspace(existingWorkspaceDir(values), async (ws) => {
    if (sub === 'list') {
      const shops = await callCommand<readonly Shop[]>(ws, io, json, 'shops.list', {});
      if (!shops) return 1;
      print(io, json, shops, () =>
        shops.map((s) => [s.id, s.platform, s.name, s.site ?? '', s.currency, s.timeZone].join('\t')).join('\n'),
      );
      return 0;
    }
    const v = values as Record<string, string | undefined>;
    const name = v.name;
    const platform = v.platform;
    if (!name) throw new UsageError('--name is required');
    if (!platform) throw new UsageError('--platform is required');
    const shop = await callCommand<Shop>(ws, io, json, 'shops.save', {
      platform,
      name,
      site: v.site ?? null,
      currency: (v.currency ?? 'USD').toUpperCase(),
      timeZone: v['time-zone'] ?? 'Asia/Shanghai',
    });
    if (!shop) return 1;
    print(io, json, shop, () =>
      [shop.id, shop.platform, shop.name, shop.site ?? '', shop.currency, shop.timeZone].join('\t'),
    );
    return 0;
  });
}

/**
 * `kuajing statuses list [--shop S]`: each shop's mappings and the words no table knows yet (with
 * their order counts); `kuajing statuses map --word W --as STATUS [--shop S]` saves a shop's meaning
 * of a word and re-classifies its orders (`--shop` may be left out when one shop's orders carry the word).
 */
export async function statusesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'list' && sub !== 'map') throw new UsageError(`statuses ${sub ?? ''}: expected list or map`.trim());
  const { values } = parse(rest, { shop: { type: 'string' }, word: { type: 'string' }, as: { type: 'string' } });
  const json = Boolean(values.json);
  return withWorkspace(existingWorkspaceDir(values), async (ws) => {
    let shopId: number | undefined;
    if (values.shop !== undefined) {
      const found = await findShopArg(ws, io, json, values.shop);
      if (found < 0) return 1;
      shopId = found;
    }
    if (sub === 'list') {
      const words = await callCommand<StatusWords>(
        ws,
        io,
        json,
        'statuses.list',
        shopId === undefined ? {} : { shopId },
      );
      if (!words) return 1;
      print(
        io,
        json,
        words,
        () =>
          [
            ...words.mappings.map((m) => `mapped\t${m.shopName}\t${m.word}\t${m.status}`),
            ...words.unknown.map((u) => `unknown\t${u.shopName}\t${u.word}\t${u.orders} orders`),
          ].join('\n') || '(no mappings, no unknown status words)',
      );
      return 0;
    }
    if (!values.word) throw new UsageError('--word is required');
    if (!values.as) throw new UsageError('--as is required');
    const r = await callCommand<StatusMapResult>(ws, io, json, 'statuses.map', {
      ...(shopId === undefined ? {} : { shopId }),
      word: values.word,
      status: values.as,
    });
    if (!r) return 1;
    print(io, json, r, () =>
      [
        `shop ${r.shopId}: ${r.word} → ${r.status}; ${r.reclassified} orders re-classified`,
        ...r.heldBack.map((h) => `  ${message('statuses.heldBack', { month: h.month, orders: h.orders })}`),
      ].join('\n'),
    );
    return 0;
  });
}
