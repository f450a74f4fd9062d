/**
 * `kuajing` command line: version, init, doctor, backup, restore, serve, start. Every command takes
 * `--json`. Exit codes: 0 success, 1 domain error (its code printed; JSON with --json),
 * 2 usage error. Commands go through the same dispatch as the hosts where one exists.
 */
import pkg from '../../package.json' with { type: 'json' };
import { isDomainError } from '../core/domain-error.ts';
import { message } from './messages.ts';
import { UsageError } from './cli-args.ts';
import { reportDomainError, type CliIo } from './cli-kit.ts';

export type { CliIo } from './cli-kit.ts';

const USAGE = `kuajing ${pkg.version}
usage:
  kuajing --version
  kuajing init --data-dir D --company-name N --uscc C --customs-code C [--dxp-id X] [--pilot-zone Z]
  kuajing doctor --data-dir D
  kuajing backup --data-dir D --out FILE
  kuajing restore FILE --data-dir D
  kuajing archive export --data-dir D --out FILE.zip
  kuajing archive import FILE.zip --data-dir NEW
  kuajing serve --data-dir D [--port P]
  kuajing start [--data-dir D] [--port P] [--web]
  kuajing import FILE --data-dir D [--source auto|amazon-orders|amazon-settlement|shopify|shopee|tiktok|generic] [--shop S] [--mapping NAME] [--accept-valid-rows] [--dry-run]
  kuajing import FILE --data-dir D --source stock-moves|fba-inventory|stock-count [--create-missing] [--warehouse CODE] [--accept-valid-rows] [--dry-run]
  kuajing import FILE --data-dir D --source skus [--dry-run]
  kuajing import FILE --data-dir D --source warehouses|shops [--dry-run]
  kuajing import FILE --data-dir D --source amazon-settlement|shopify-payments|shopee-income|tiktok-settlement|pingpong|lianlian|payoneer|payout-csv [--currency C] [--dry-run]
  kuajing import FILE --data-dir D --source waybills [--accept-valid-rows] [--dry-run]
  kuajing settlement net --data-dir D --period SETTLEMENT-ID
  kuajing journal trial-balance --data-dir D --as-of YYYY-MM-DD
  kuajing journal post --data-dir D [--from YYYY-MM-DD] [--to YYYY-MM-DD]
  kuajing rates import FILE --data-dir D [--accept-valid-rows] [--dry-run]
  kuajing orders list|stats --data-dir D [filters]
  kuajing shops add --data-dir D --name N --platform P [--site S] [--currency C] [--time-zone Z]
  kuajing shops list --data-dir D
  kuajing statuses list --data-dir D [--shop S]
  kuajing statuses map --data-dir D [--shop S] --word W --as paid|shipped|delivered|refunding|refunded|partially_refunded|cancelled|unpaid|pending
  kuajing stock onhand|valuation --data-dir D [--as-of YYYY-MM-DD]
  kuajing warehouses add --data-dir D --code C --name N --kind domestic|overseasOwn|overseasPublic|platform|returns [--country CC]
  kuajing warehouses list --data-dir D
  kuajing demo --out DIR [--seed N] [--orders N]
  kuajing customs validate FILE...
  kuajing customs build --data-dir D [--orders ID,ID... | --order-nos NO,NO... [--shop S] | --shipment BOOKING-NOTE [--markup P]] [--mode M] [--corrections] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--dry-run] [--out DIR]
  kuajing customs status --data-dir D
  kuajing customs settings --data-dir D [--set KEY=VALUE]...
  kuajing customs withdraw-per-sale-9810 --data-dir D [--dry-run]
  kuajing customs entry --data-dir D --shipment BOOKING-NOTE --entry-id N [--lines GNUM:GSEQNO,...]
  kuajing customs cancel --data-dir D --invt-no N --reason TEXT [--dry-run]
  kuajing customs return --data-dir D --invt-no N --return-no R --date YYYY-MM-DD --reason TEXT --lines GNUM:QTY,... --logistics-no N --bill-no B --traf-mode M --traf-name T --voyage-no V [--country CC] [--dry-run]
  kuajing orders set-mode --data-dir D --mode 9610|9710|1210 --order-nos NO,NO... [--shop S]
  kuajing report tax-register|deemed-income-tax|export-summary|stock-valuation|netting --data-dir D --period 2026-Q1|2026-03|SETTLEMENT-ID --format pdf|xlsx|json --out FILE [--language zh-CN|zh-TW|en] [--prepared-by NAME] [--staff N] [--total-assets YUAN]
  kuajing training scenarios
  kuajing training new --scenario NAME --data-dir D [--seed N]
  kuajing training reset|check --data-dir D [--lesson N]
  kuajing training report --data-dir D --format pdf|xlsx --out FILE [--language zh-CN|zh-TW|en]
  kuajing period close|reopen|list --data-dir D [--month 2026-03] [--reason TEXT]
every command accepts --json`;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const json = rest.includes('--json') || argv.includes('--json');
  try {
    switch (command) {
      case '--version':
      case '-v':
      case 'version':
        io.out(json ? JSON.stringify({ version: pkg.version }) : pkg.version);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      // Each command's module is loaded only when it runs: `--version` starts in milliseconds.
      case 'init':
        return await (await import('./workspace-commands.ts')).init(rest, io);
      case 'doctor':
        return await (await import('./workspace-commands.ts')).doctor(rest, io);
      case 'backup':
        return await (await import('./workspace-commands.ts')).backup(rest, io);
      case 'restore':
        return await (await import('./workspace-commands.ts')).restore(rest, io);
      case 'archive':
        return await (await import('./workspace-commands.ts')).archive(rest, io);
      case 'serve':
        return await (await import('./workspace-commands.ts')).serve(rest, io, false);
      case 'start':
        return await (await import('./workspace-commands.ts')).serve(rest, io, true);
      case 'import': {
        const stock = await import('./stock-commands.ts');
        if (hasSource(rest, stock.STOCK_SOURCES)) return await stock.stockImportCommand(rest, io);
        if (hasSource(rest, ['skus'])) return await stock.skuImportCommand(rest, io);
        const catalog = await import('./catalog-import-commands.ts');
        if (hasSource(rest, catalog.CATALOG_IMPORT_SOURCES)) return await catalog.warehouseImportCommand(rest, io);
        const settlement = await import('./settlement-commands.ts');
        if (hasSource(rest, settlement.PAYOUT_SOURCES)) return await settlement.payoutImportCommand(rest, io);
        const customs = await import('./customs-commands.ts');
        if (hasSource(rest, customs.CUSTOMS_IMPORT_SOURCES)) return await customs.waybillImportCommand(rest, io);
        return await (await import('./orders-commands.ts')).importCommand(rest, io);
      }
      case 'stock':
        return await (await import('./stock-commands.ts')).stockCommand(rest, io);
      case 'warehouses':
        return await (await import('./stock-commands.ts')).warehousesCommand(rest, io);
      case 'orders':
        return await (await import('./orders-commands.ts')).ordersCommand(rest, io);
      case 'shops':
        return await (await import('./orders-commands.ts')).shopsCommand(rest, io);
      case 'statuses':
        return await (await import('./orders-commands.ts')).statusesCommand(rest, io);
      case 'demo':
        return await (await import('./demo-command.ts')).demoCommand(rest, io);
      case 'customs':
        return await (await import('./customs-commands.ts')).customsCommand(rest, io);
      case 'settlement':
        return await (await import('./settlement-commands.ts')).settlementCommand(rest, io);
      case 'journal':
        return await (await import('./settlement-commands.ts')).journalCommand(rest, io);
      case 'rates':
        return await (await import('./settlement-commands.ts')).ratesCommand(rest, io);
      case 'report':
        return await (await import('./report-commands.ts')).reportCommand(rest, io);
      case 'period':
        return await (await import('./report-commands.ts')).periodCommand(rest, io);
      case 'sync':
        return await (await import('./sync-commands.ts')).syncCommand(rest, io);
      case 'training':
        return await (await import('./training-commands.ts')).trainingCommand(rest, io);
      case 'practice-platform':
        return await (await import('./sync-commands.ts')).practicePlatformCommand(rest, io);
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const detail = (e as Error).message;
      if (json) io.out(JSON.stringify({ ok: false, error: { code: 'usage', params: { detail } } }));
      io.err(`${message('usage', { detail })}\n${USAGE}`);
      return 2;
    }
    if (isDomainError(e)) {
      reportDomainError(io, json, { code: e.code, params: e.params, ...(e.fields ? { fields: e.fields } : {}) });
      return 1;
    }
    throw e;
  }
}

/** Whether `--source` is one of `sources` (stock sources → stock ledger, payout sources → settlement). */
function hasSource(args: readonly string[], stockSources: readonly string[]): boolean {
  const i = args.findIndex((a) => a === '--source' || a.startsWith('--source='));
  if (i < 0) return false;
  const value = args[i]!.includes('=') ? args[i]!.slice('--source='.length) : args[i + 1];
  return stockSources.includes(value ?? '');
}
