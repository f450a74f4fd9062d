/**
 * The automatic checks of the lessons (issue 18 point 2): each lesson step is found done or not
 * in the sandbox's own state, with the reason as a code + params (`training.check.*`, translated by
 * the screens and the CLI). `checkLessons` also updates the progress record (attempts, times).
 */
import { getSetting } from '../../db/settings-store.ts';
import type { ReadDb } from '../../db/ports.ts';
import { isLoopbackUrl, readSyncConfig } from '../sync/index.ts';
import type { Workspace } from '../workspace.ts';
import { LESSONS, scenarioNamed } from './catalog.ts';
import { readProgress, writeProgress } from './progress.ts';
import { PLANTED_SETTING, sandboxOf, type PlantedFaults } from './sandbox-service.ts';
import { PLANTED_DECLARATIONS_SETTING, type PlantedDeclarations } from './declaration-files.ts';
import { statusRank } from '../../core/customs/index.ts';
import { isDomainError } from '../../core/domain-error.ts';
import { buildReport } from '../reports/index.ts';

export interface StepCheck {
  readonly lesson: number;
  readonly step: string;
  readonly done: boolean;
  /** Why (not) done: `training.check.<reason>` with its params. */
  readonly reason: string;
  readonly params: Readonly<Record<string, string | number>>;
}

type Check = (ws: Workspace) => {
  done: boolean;
  reason: string;
  params?: Readonly<Record<string, string | number | undefined>>;
};

const count = (db: ReadDb, sql: string, ...args: unknown[]): number =>
  db
    .prepare(sql)
    .pluck()
    .get(...args) as number;

/**
 * A step done once `sql` counts at least one row: reason `done` with the count as `param`, else
 * reason `missing`.
 */
function counted(sql: string, done: string, param: string, missing: string, ...args: unknown[]): Check {
  return (ws) => {
    const n = count(ws.read, sql, ...args);
    return n > 0 ? { done: true, reason: done, params: { [param]: n } } : { done: false, reason: missing };
  };
}

function planted(ws: Workspace): Array<[string, PlantedFaults]> {
  return Object.entries(getSetting<Record<string, PlantedFaults>>(ws.read, PLANTED_SETTING, {}));
}

/** Lesson 4's planted fault; null when the scenario preloads no orders to declare. */
function plantedDeclarations(ws: Workspace): PlantedDeclarations | null {
  const p = getSetting<PlantedDeclarations | null>(ws.read, PLANTED_DECLARATIONS_SETTING, null);
  return p && p.waybillRows > 0 && p.missingWaybillOrders.length > 0 ? p : null;
}

/** Orders of `nos` without a document of `type`. */
function withoutDocument(ws: Workspace, nos: readonly string[], type: string): string[] {
  return nos.filter(
    (no) => count(ws.read, 'SELECT count(*) FROM customs_documents WHERE order_no = ? AND type = ?', no, type) === 0,
  );
}

const RELEASED_LISTS = 'SELECT count(*) FROM customs_documents WHERE type = ? AND status_rank >= ?';

/** The sale months of released lists (the six-item register is by sale day). */
function exportMonths(ws: Workspace): string[] {
  return ws.read
    .prepare(
      "SELECT DISTINCT substr(o.ordered_at, 1, 7) FROM customs_documents d JOIN orders o ON o.id = d.order_id WHERE d.type = 'CEB603' AND d.status_rank >= ? ORDER BY 1",
    )
    .pluck()
    .all(statusRank('800')) as string[];
}

const CHECKS: Readonly<Record<string, Check>> = {
  '1.profile': (ws) => {
    const row = ws.read.prepare('SELECT pilot_zone FROM company_profile ORDER BY version DESC LIMIT 1').get() as
      { pilot_zone: string } | undefined;
    if (!row) return { done: false, reason: 'training.check.profileMissing' };
    const sandbox = sandboxOf(ws);
    const zone = sandbox ? scenarioNamed(sandbox.scenario).company.pilotZone : row.pilot_zone;
    return row.pilot_zone === zone
      ? { done: true, reason: 'training.check.profileSaved', params: { zone } }
      : { done: false, reason: 'training.check.profileZone', params: { zone, saved: row.pilot_zone } };
  },
  '1.customsModes': (ws) => {
    const total = count(ws.read, 'SELECT count(*) FROM orders');
    const missing = count(ws.read, 'SELECT count(*) FROM orders WHERE customs_mode IS NULL');
    if (total === 0) return { done: false, reason: 'training.check.noOrders' };
    return missing === 0
      ? { done: true, reason: 'training.check.modesSet', params: { orders: total } }
      : { done: false, reason: 'training.check.modesMissing', params: { missing, orders: total } };
  },
  '2.import': (ws) => {
    if (planted(ws).length === 0) return { done: false, reason: 'training.check.notChecked' }; // no scenario file to import
    for (const [file] of planted(ws)) {
      if (count(ws.read, 'SELECT count(*) FROM imports WHERE file_name = ?', file) === 0)
        return { done: false, reason: 'training.check.fileNotImported', params: { file } };
    }
    return {
      done: true,
      reason: 'training.check.fileImported',
      params: {
        files: planted(ws)
          .map(([f]) => f)
          .join(', '),
      },
    };
  },
  '2.fixRejected': (ws) => {
    if (planted(ws).length === 0) return { done: false, reason: 'training.check.notChecked' }; // no scenario file to import
    const nos = planted(ws).flatMap(([, p]) => p.badQuantityOrders);
    const missing = nos.filter((no) => count(ws.read, 'SELECT count(*) FROM orders WHERE order_no = ?', no) === 0);
    return missing.length === 0
      ? { done: true, reason: 'training.check.rejectedFixed', params: { orders: nos.length } }
      : {
          done: false,
          reason: 'training.check.rejectedMissing',
          params: { missing: missing.length, orders: missing.join(', ') },
        };
  },
  '2.statuses': (ws) => {
    if (planted(ws).length === 0) return { done: false, reason: 'training.check.notChecked' }; // no scenario file to import
    const nos = planted(ws).flatMap(([, p]) => p.unknownStatusOrders);
    const present = nos.filter((no) => count(ws.read, 'SELECT count(*) FROM orders WHERE order_no = ?', no) > 0);
    if (present.length < nos.length)
      return {
        done: false,
        reason: 'training.check.statusOrdersMissing',
        params: { missing: nos.length - present.length },
      };
    const unknown = present.filter(
      (no) => count(ws.read, "SELECT count(*) FROM orders WHERE order_no = ? AND status = 'unknown'", no) > 0,
    );
    return unknown.length === 0
      ? { done: true, reason: 'training.check.statusesMapped', params: { orders: nos.length } }
      : { done: false, reason: 'training.check.statusesUnknown', params: { orders: unknown.length } };
  },
  '3.shipment': counted(
    "SELECT count(*) FROM shipments s JOIN warehouses w ON w.id = s.to_warehouse_id WHERE w.kind IN ('overseasOwn', 'overseasPublic', 'platform')",
    'training.check.shipmentCreated',
    'shipments',
    'training.check.noShipment',
  ),
  '3.landedCost': counted(
    'SELECT count(*) FROM shipment_costs',
    'training.check.costRecorded',
    'costs',
    'training.check.noCost',
  ),
  '3.received': counted(
    "SELECT count(*) FROM shipments WHERE status = 'received'",
    'training.check.shipmentReceived',
    'shipments',
    'training.check.notReceived',
  ),
  '4.settings': (ws) =>
    getSetting<unknown>(ws.read, 'customs.settings', null) !== null
      ? { done: true, reason: 'training.check.customsSettingsSaved' }
      : { done: false, reason: 'training.check.noCustomsSettings' },
  '4.skus': (ws) => {
    // SKU codes on the orders with no SKU (by item no or platform code) holding a 10-digit HS code and a weight
    const codes = count(ws.read, 'SELECT count(DISTINCT sku) FROM order_lines WHERE sku IS NOT NULL');
    const missing = count(
      ws.read,
      `SELECT count(DISTINCT l.sku) FROM order_lines l WHERE l.sku IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM skus s LEFT JOIN platform_skus p ON p.sku_id = s.id
         WHERE (s.item_no = l.sku OR p.code = l.sku) AND length(s.hs_code) = 10 AND s.weight_grams > 0)`,
    );
    if (codes === 0) return { done: false, reason: 'training.check.noOrders' };
    return missing === 0
      ? { done: true, reason: 'training.check.skusReady', params: { skus: codes } }
      : { done: false, reason: 'training.check.skusMissing', params: { missing, skus: codes } };
  },
  '4.waybills': (ws) => {
    const p = plantedDeclarations(ws);
    if (!p) return { done: false, reason: 'training.check.notChecked' };
    const n = count(
      ws.read,
      "SELECT count(*) FROM customs_shipping WHERE logistics_no IS NOT NULL AND logistics_no <> ''",
    );
    return n >= p.waybillRows
      ? { done: true, reason: 'training.check.waybillsImported', params: { orders: n } }
      : { done: false, reason: 'training.check.waybillsMissing', params: { orders: n, expected: p.waybillRows } };
  },
  '4.fixPrecheck': (ws) => {
    const p = plantedDeclarations(ws);
    if (!p) return { done: false, reason: 'training.check.notChecked' };
    const missing = p.missingWaybillOrders.filter(
      (no) =>
        count(
          ws.read,
          "SELECT count(*) FROM customs_shipping s JOIN orders o ON o.id = s.order_id WHERE o.order_no = ? AND s.logistics_no IS NOT NULL AND s.logistics_no <> ''",
          no,
        ) === 0,
    );
    return missing.length === 0
      ? { done: true, reason: 'training.check.precheckFixed', params: { orders: p.missingWaybillOrders.join(', ') } }
      : { done: false, reason: 'training.check.precheckOpen', params: { orders: missing.join(', ') } };
  },
  '4.build': (ws) => {
    const p = plantedDeclarations(ws);
    if (!p) return { done: false, reason: 'training.check.notChecked' };
    const lists = count(ws.read, "SELECT count(*) FROM customs_documents WHERE type = 'CEB603'");
    const missing = [
      ...new Set([
        ...withoutDocument(ws, p.missingWaybillOrders, 'CEB303'),
        ...withoutDocument(ws, p.missingWaybillOrders, 'CEB603'),
      ]),
    ];
    if (lists === 0) return { done: false, reason: 'training.check.nothingBuilt' };
    return missing.length === 0
      ? { done: true, reason: 'training.check.declarationsBuilt', params: { lists } }
      : { done: false, reason: 'training.check.fixedNotBuilt', params: { orders: missing.join(', ') } };
  },
  '5.connect': (ws) => {
    const c = readSyncConfig(ws);
    return c.mode === 'platform' && c.url && isLoopbackUrl(c.url)
      ? { done: true, reason: 'training.check.connected', params: { url: c.url } }
      : { done: false, reason: 'training.check.notConnected' };
  },
  '5.send': (ws) => {
    const sent = count(ws.read, "SELECT count(*) FROM outbox WHERE kind = 'ceb.message' AND status = 'sent'");
    return sent > 0
      ? { done: true, reason: 'training.check.messagesSent', params: { sent } }
      : { done: false, reason: 'training.check.nothingSent' };
  },
  '5.receipts': (ws) => {
    const receipts = count(ws.read, 'SELECT count(*) FROM customs_receipts');
    return receipts > 0
      ? { done: true, reason: 'training.check.receiptsRead', params: { receipts } }
      : { done: false, reason: 'training.check.noReceipts' };
  },
  '5.rejection': (ws) => {
    const rejected = count(
      ws.read,
      "SELECT count(*) FROM customs_receipts WHERE status = '100' OR status = 'error' OR status LIKE '-%'",
    );
    return rejected > 0
      ? { done: true, reason: 'training.check.rejectionRead', params: { rejected } }
      : { done: false, reason: 'training.check.noRejection' };
  },
  '6.released': counted(
    RELEASED_LISTS,
    'training.check.listsReleased',
    'lists',
    'training.check.noneReleased',
    'CEB603',
    statusRank('800'),
  ),
  '6.apply': counted(
    "SELECT count(*) FROM customs_documents WHERE type = 'CEB701'",
    'training.check.summaryApplied',
    'summaries',
    'training.check.noSummary',
  ),
  '6.declared': (ws) => {
    const entry = ws.read
      .prepare("SELECT entry_id FROM customs_documents WHERE type = 'CEB701' AND entry_id IS NOT NULL ORDER BY id DESC")
      .pluck()
      .get() as string | undefined;
    return entry
      ? { done: true, reason: 'training.check.summaryDeclared', params: { entryId: entry } }
      : { done: false, reason: 'training.check.noEntryId' };
  },
  '8.register': (ws) => {
    const months = exportMonths(ws);
    return months.length > 0
      ? { done: true, reason: 'training.check.registerHasExports', params: { months: months.join(', ') } }
      : { done: false, reason: 'training.check.registerEmpty' };
  },
  '8.rates': (ws) => {
    const months = exportMonths(ws);
    if (months.length === 0) return { done: false, reason: 'training.check.registerEmpty' };
    for (const month of months) {
      try {
        buildReport(ws, 'tax-register', month);
      } catch (e) {
        if (isDomainError(e) && e.code === 'reports.rate.missing')
          return {
            done: false,
            reason: 'training.check.pbocRateMissing',
            params: { currency: String(e.params['currency']), date: String(e.params['date']) },
          };
        if (isDomainError(e)) return { done: false, reason: 'training.check.registerFails', params: { code: e.code } };
        throw e;
      }
    }
    return { done: true, reason: 'training.check.registerComplete', params: { months: months.join(', ') } };
  },
  '8.close': (ws) => {
    const months = exportMonths(ws);
    if (months.length === 0) return { done: false, reason: 'training.check.registerEmpty' };
    const open = months.filter(
      (m) =>
        ws.read.prepare('SELECT action FROM period_events WHERE month = ? ORDER BY id DESC LIMIT 1').pluck().get(m) !==
        'close',
    );
    return open.length === 0
      ? { done: true, reason: 'training.check.monthsClosed', params: { months: months.join(', ') } }
      : { done: false, reason: 'training.check.monthsOpen', params: { months: open.join(', ') } };
  },
  '7.rates': counted(
    "SELECT count(*) FROM fx_rates WHERE currency <> 'CNY'",
    'training.check.ratesEntered',
    'rates',
    'training.check.noRates',
  ),
  '7.payout': counted(
    'SELECT count(*) FROM payouts',
    'training.check.payoutImported',
    'payouts',
    'training.check.noPayout',
  ),
  '7.fxReceipt': counted(
    'SELECT count(*) FROM receipts WHERE payout_id IS NOT NULL',
    'training.check.fxRecorded',
    'receipts',
    'training.check.noFxReceipt',
  ),
};

function definedParams(
  p: Readonly<Record<string, string | number | undefined>> | undefined,
): Record<string, string | number> {
  return Object.fromEntries(Object.entries(p ?? {}).filter((e): e is [string, string | number] => e[1] !== undefined));
}

/**
 * Checks every step of every lesson (or of one); records attempts and times in the progress record,
 * unless `record` is false (the read-only status the lesson panel beside every screen reads).
 */
export function checkLessons(ws: Workspace, lesson?: number, record = true): StepCheck[] {
  const out: StepCheck[] = [];
  for (const l of LESSONS) {
    if (lesson !== undefined && l.id !== lesson) continue;
    for (const s of l.steps) {
      const check = CHECKS[`${l.id}.${s.id}`];
      const r = check ? check(ws) : { done: false, reason: 'training.check.notChecked' };
      out.push({ lesson: l.id, step: s.id, done: r.done, reason: r.reason, params: definedParams(r.params) });
    }
  }
  // a sandbox opened for a look (read-only) is checked but its record is not written
  const progress = ws.readOnly || !record ? null : readProgress(ws.dataDir);
  if (progress) {
    const at = ws.clock().toISOString();
    for (const c of out) {
      const key = `${c.lesson}.${c.step}`;
      const p = (progress.steps[key] ??= { attempts: 0, firstCheckedAt: at, doneAt: null });
      if (p.doneAt) continue;
      if (c.done) p.doneAt = at;
      else p.attempts += 1;
    }
    writeProgress(ws.dataDir, progress);
  }
  return out;
}
