/**
 * `kuajing stock onhand|valuation --data-dir D [--as-of DATE] --json` and
 * `kuajing import FILE --source stock-moves|fba-inventory|stock-count [--create-missing] [--dry-run]`.
 * Both go through the same dispatch as the hosts; values are CNY fen (integers). A domain error
 * exits 1 with its code; an import with rejected rows still exits 0 and lists them.
 */
import { DomainError } from '../core/domain-error.ts';
import type { StockImportSummary, StockPosition } from '../api/contract.ts';
import { callCommand, existingWorkspaceDir, parse, readImportFile, UsageError, withWorkspace, type CliIo } from './cli-kit.ts';

export const STOCK_SOURCES = ['stock-moves', 'fba-inventory', 'stock-count'] as const;

export async function stockCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'onhand' && sub !== 'valuation') throw new UsageError(`stock ${sub ?? ''}: expected onhand or valuation`.trim());
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
      const out = { asOf: r.asOf, items: r.items.map((i) => ({ sku: i.sku, warehouse: i.warehouse, quantity: i.quantity })) };
      io.out(json ? JSON.stringify(out) : [`on hand as of ${out.asOf}`, ...out.items.map((i) => `${i.sku.padEnd(22)} ${i.warehouse.padEnd(20)} ${i.quantity}`)].join('\n'));
      return 0;
    }
    const r = await callCommand<{ asOf: string; method: string; items: StockPosition[]; total: { quantity: number; value: number } }>(ws, io, json, 'stock.valuation', input);
    if (!r) return 1;
    io.out(json ? JSON.stringify(r) : [
      `valuation (${r.method}) as of ${r.asOf}, CNY fen`,
      ...r.items.map((i) => `${i.sku.padEnd(22)} ${i.warehouse.padEnd(20)} ${String(i.quantity).padStart(10)} ${String(i.value).padStart(14)}`),
      `${'total'.padEnd(43)} ${String(r.total.quantity).padStart(10)} ${String(r.total.value).padStart(14)}`,
    ].join('\n'));
    return 0;
  });
}

export async function stockImportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    source: { type: 'string' }, 'create-missing': { type: 'boolean' }, 'dry-run': { type: 'boolean' }, warehouse: { type: 'string' },
  }, true);
  const json = Boolean(values.json);
  const file = readImportFile(positionals);
  const dataDir = existingWorkspaceDir(values);
  return withWorkspace(dataDir, async (ws) => {
    let warehouseId: number | null = null;
    if (values.warehouse !== undefined) {
      const id = ws.db.prepare('SELECT id FROM warehouses WHERE code = ?').pluck().get(values.warehouse) as number | undefined;
      if (id === undefined) throw new DomainError('stock.warehouse.unknown', { warehouse: values.warehouse });
      warehouseId = id;
    }
    const s = await callCommand<StockImportSummary>(ws, io, json, 'stock.import', {
      fileName: file.name, contentBase64: file.base64, source: values.source, warehouseId,
      createMissing: Boolean(values['create-missing']), dryRun: Boolean(values['dry-run']),
    });
    if (!s) return 1;
    io.out(json ? JSON.stringify(s) : [
      `${values['dry-run'] ? '(dry run) ' : ''}${s.source}: ${s.rows} rows, posted ${s.posted}, created ${s.created.skus} SKUs / ${s.created.warehouses} warehouses, rejected ${s.rejected.length}`,
      ...s.rejected.slice(0, 50).map((r) => `  row ${r.row}${r.column ? ` [${r.column}]` : ''}: ${r.code}`),
      ...s.differences.slice(0, 200).map((d) => `  ${d.sku} @ ${d.warehouse}: ledger ${d.ledger}, reported ${d.reported} (${d.difference > 0 ? '+' : ''}${d.difference})`),
    ].join('\n'));
    return 0;
  });
}
