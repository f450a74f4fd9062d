/**
 * `kuajing import FILE --source warehouses|shops --data-dir D [--dry-run] [--json]` (issue 15, point 8):
 * a warehouse file (code, name, kind, country, address) → warehouses by code (`stock.warehouses.import`);
 * a shop file (shop, platform, site, currency, time_zone, ebp_code, ebp_name) → shops by platform +
 * name with their platform's customs code (`customs.shops.import`); Chinese headers too. All or
 * nothing; exit 1 when a row is rejected (nothing saved), the rows listed with their column and code.
 */
import type { WarehouseImportResult as UploadImportResult } from '../api/contract.ts';
import type { RowError } from '../core/orders/order.ts';
import { parse } from './cli-args.ts';
import { callCommand, existingWorkspaceDir, readImportFile, withWorkspace, type CliIo } from './cli-kit.ts';

/** `kuajing import --source …` values routed here (run-cli.ts). */
export const CATALOG_IMPORT_SOURCES = ['warehouses', 'shops'] as const;

export async function warehouseImportCommand(args: readonly string[], io: CliIo): Promise<number> {
  return masterDataImport(
    args,
    io,
    (source) => (source === 'shops' ? ['customs.shops.import', 'shops'] : ['stock.warehouses.import', 'warehouses']),
    (e) => `  row ${e.row}${e.column ? ` [${e.column}]` : ''}: ${e.code} ${JSON.stringify(e.params)}`,
  );
}

/**
 * One master-data file import (SKUs, warehouses, shops): the command `pick` names for `--source`,
 * its counts and rejected rows (each as `rejected` prints it); exit 1 when a row is rejected.
 */
export async function masterDataImport(
  args: readonly string[],
  io: CliIo,
  pick: (source: unknown) => readonly [command: string, label: string],
  rejected: (e: RowError) => string,
): Promise<number> {
  const { values, positionals } = parse(args, { source: { type: 'string' }, 'dry-run': { type: 'boolean' } }, true);
  const json = Boolean(values.json);
  const file = readImportFile(positionals);
  return withWorkspace(existingWorkspaceDir(values), async (ws) => {
    const [command, label] = pick(values.source);
    const s = await callCommand<UploadImportResult>(ws, io, json, command, {
      fileName: file.name,
      contentBase64: file.base64,
      dryRun: Boolean(values['dry-run']),
    });
    if (!s) return 1;
    io.out(
      json
        ? JSON.stringify(s)
        : [
            `${values['dry-run'] ? '(dry run) ' : ''}${label}: ${s.rows} rows, created ${s.created}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected.length}`,
            ...s.rejected.map(rejected),
            ...(s.rejected.length > 0 ? ['nothing was imported: fix the rows above and import the file again'] : []),
          ].join('\n'),
    );
    return s.rejected.length > 0 ? 1 : 0;
  });
}
