/**
 * `kuajing stock onhand|valuation --data-dir D [--as-of DATE] --json`,
 * `kuajing warehouses add|list --data-dir D [--code C --name N --kind K --country CC]` and
 * `kuajing import FILE --source stock-moves|fba-inventory|stock-count [--create-missing] [--accept-valid-rows] [--dry-run]`.
 * All go through the same dispatch as the hosts; values are CNY fen (integers). A domain error
 * exits 1 with its code; an import with a rejected row writes nothing, lists every rejected row
 * (row, column, code, value) and exits 1, unless `--accept-valid-rows` keeps the valid rows.
 */
import { DomainError } from '../core/domain-error.ts';
import type { StockImportSummary, StockPosition, Warehouse } from '../api/contract.ts';
import { masterDataImport } from './catalog-import-commands.ts';
import type { RowError } from '../core/orders/order.ts';
import { WAREHOUSE_KINDS } from '../core/stock/stock-views.ts';
import { parse, UsageError, strings, flags } from './cli-args.ts';
import { callCommand, existingWorkspaceDir, readImportFile, withWorkspace, type CliIo } from './cli-kit.ts';

export const STOCK_SOURCES = ['stock-moves', 'fba-inventory', 'stock-count'] as const;

export async function stockCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'onhand' && sub !== 'valuation')
    throw new UsageError(`stock ${sub ?? ''}: expected onhand or valuation`.trim());
  const { values } = parse(rest, { 'as-of': { type: 'string' } });
  const json = Boolean(values.json);
  const asOf = values['as-of'];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError(`bad --as-of ${asOf} (YYYY-MM-DD)`);
  const dataDir = existingWorkspaceDir(values);
  return withWorkspace(dataDir, async (ws) => {
    const input = asOf === undefined ? {} : { asOf };
    if (sub === 'onhand') {
      const r = await callCommand<{ asOf: string; items: StockPosition[] }>(ws, io, json, 'stock.onHand', input);
      if (!r) return 1;
      const out = {
        asOf: r.asOf,
        items: r.items.map((i) => ({ sku: i.sku, warehouse: i.warehouse, quantity: i.quantity })),
      };
      io.out(
        json
          ? JSON.stringify(out)
          : [
              `on hand as of ${out.asOf}`,
              ...out.items.map((i) => `${i.sku.padEnd(22)} ${i.warehouse.padEnd(20)} ${i.quantity}`),
            ].join('\n'),
      );
      return 0;
    }
    const r = await callCommand<{
      asOf: string;
      method: string;
      items: StockPosition[];
      total: { quantity: number; value: number };
    }>(ws, io, json, 'stock.valuation', input);
    if (!r) return 1;
    io.out(
      json
        ? JSON.stringify(r)
        : [
            `valuation (${r.method}) as of ${r.asOf}, CNY fen`,
            ...r.items.map(
              (i) =>
                `${i.sku.padEnd(22)} ${i.warehouse.padEnd(20)} ${String(i.quantity).padStart(10)} ${String(i.value).padStart(14)}`,
            ),
            `${'total'.padEnd(43)} ${String(r.total.quantity).padStart(10)} ${String(r.total.value).padStart(14)}`,
          ].join('\n'),
    );
    return 0;
  });
}

/** `kuajing warehouses add --code C --name N --kind K [--country CC]` and `kuajing warehouses list`. */
export async function warehousesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add' && sub !== 'list') throw new UsageError(`warehouses ${sub ?? ''}: expected add or list`.trim());
  const { values } = parse(rest, {
    ...strings('code', 'name', 'kind', 'country'),
  });
  const json = Boolean(values.json);
  const dataDir = existingWorkspaceDir(values);
  if (sub === 'add') {
    if (values.code === undefined || values.name === undefined || values.kind === undefined)
      throw new UsageError('warehouses add needs --code, --name and --kind');
    if (!(WAREHOUSE_KINDS as readonly string[]).includes(values.kind))
      throw new UsageError(`bad --kind ${values.kind} (${WAREHOUSE_KINDS.join('|')})`);
    if (values.country !== undefined && !/^[A-Za-z]{2}$/.test(values.country))
      throw new UsageError(`bad --country ${values.country} (two letters, e.g. US)`);
  }
  return withWorkspace(dataDir, async (ws) => {
    if (sub === 'add') {
      const w = await callCommand<Warehouse>(ws, io, json, 'stock.warehouses.save', {
        code: values.code,
        name: values.name,
        kind: values.kind,
        country: values.country?.toUpperCase() ?? null,
      });
      if (!w) return 1;
      io.out(json ? JSON.stringify(w) : `warehouse ${w.code} (${w.kind}${w.country ? `, ${w.country}` : ''}) saved`);
      return 0;
    }
    const list = await callCommand<Warehouse[]>(ws, io, json, 'stock.warehouses.list', {});
    if (!list) return 1;
    io.out(
      json
        ? JSON.stringify(list.map((w) => ({ code: w.code, name: w.name, kind: w.kind, country: w.country })))
        : list
            .map((w) => `${w.code.padEnd(24)} ${w.kind.padEnd(15)} ${(w.country ?? '').padEnd(3)} ${w.name}`)
            .join('\n'),
    );
    return 0;
  });
}

/** One rejected row as the CLI prints it: row, column, code and the value found. */
export function rejectedLine(r: RowError): string {
  const value = r.params.value ?? r.params.sku ?? r.params.warehouse ?? r.params.shipment;
  return `  row ${r.row}${r.column ? ` [${r.column}]` : ''}: ${r.code}${value === undefined ? '' : ` (value: ${String(value)})`}`;
}

export async function stockImportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      ...strings('source', 'warehouse'),
      ...flags('create-missing', 'dry-run', 'accept-valid-rows'),
    },
    true,
  );
  const json = Boolean(values.json);
  const file = readImportFile(positionals);
  const dataDir = existingWorkspaceDir(values);
  return withWorkspace(dataDir, async (ws) => {
    let warehouseId: number | null = null;
    if (values.warehouse !== undefined) {
      // the CLI names warehouses by code; the command takes ids (the CLI reads only through commands)
      const list = await callCommand<readonly Warehouse[]>(ws, io, json, 'stock.warehouses.list', {});
      if (!list) return 1;
      const found = list.find((w) => w.code === values.warehouse);
      if (!found) throw new DomainError('stock.warehouse.unknown', { warehouse: values.warehouse });
      warehouseId = found.id;
    }
    const s = await callCommand<StockImportSummary>(ws, io, json, 'stock.import', {
      fileName: file.name,
      contentBase64: file.base64,
      source: values.source,
      warehouseId,
      createMissing: Boolean(values['create-missing']),
      dryRun: Boolean(values['dry-run']),
      acceptValidRows: Boolean(values['accept-valid-rows']),
    });
    if (!s) return 1;
    // A rejected row makes the file write nothing (also on a dry run, which fails the way the import would).
    const refused = s.rejected.length > 0 && !values['accept-valid-rows'];
    io.out(
      json
        ? JSON.stringify(s)
        : [
            `${values['dry-run'] ? '(dry run) ' : ''}${s.source}: ${s.rows} rows, posted ${s.posted}, unchanged ${s.unchanged}, created ${s.created.skus} SKUs / ${s.created.warehouses} warehouses / ${s.created.shipments} shipments, rejected ${s.rejected.length}`,
            ...s.rejected.map(rejectedLine),
            ...(refused
              ? [
                  'nothing was imported: fix the rows above, or run again with --accept-valid-rows to import the valid rows only',
                ]
              : []),
            ...s.differences
              .slice(0, 200)
              .map(
                (d) =>
                  `  ${d.sku} @ ${d.warehouse}: ledger ${d.ledger}, reported ${d.reported} (${d.difference > 0 ? '+' : ''}${d.difference})`,
              ),
          ].join('\n'),
    );
    return refused ? 1 : 0;
  });
}

/**
 * `kuajing import FILE --source skus --data-dir D [--dry-run] [--json]`: a SKU customs-data file
 * (issue 15) → SKUs created or updated by item no; a rejected row saves nothing (exit 1).
 */
export async function skuImportCommand(args: readonly string[], io: CliIo): Promise<number> {
  return masterDataImport(args, io, () => ['stock.skus.import', 'skus'], rejectedLine);
}
