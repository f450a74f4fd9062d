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

function planted(ws: Workspace): Array<[string, PlantedFaults]> {
  return Object.entries(getSetting<Record<string, PlantedFaults>>(ws.read, PLANTED_SETTING, {}));
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
  '3.shipment': (ws) => {
    const n = count(
      ws.read,
      "SELECT count(*) FROM shipments s JOIN warehouses w ON w.id = s.to_warehouse_id WHERE w.kind IN ('overseasOwn', 'overseasPublic', 'platform')",
    );
    return n > 0
      ? { done: true, reason: 'training.check.shipmentCreated', params: { shipments: n } }
      : { done: false, reason: 'training.check.noShipment' };
  },
  '3.landedCost': (ws) => {
    const n = count(ws.read, 'SELECT count(*) FROM shipment_costs');
    return n > 0
      ? { done: true, reason: 'training.check.costRecorded', params: { costs: n } }
      : { done: false, reason: 'training.check.noCost' };
  },
  '3.received': (ws) => {
    const n = count(ws.read, "SELECT count(*) FROM shipments WHERE status = 'received'");
    return n > 0
      ? { done: true, reason: 'training.check.shipmentReceived', params: { shipments: n } }
      : { done: false, reason: 'training.check.notReceived' };
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
  '7.rates': (ws) => {
    const n = count(ws.read, "SELECT count(*) FROM fx_rates WHERE currency <> 'CNY'");
    return n > 0
      ? { done: true, reason: 'training.check.ratesEntered', params: { rates: n } }
      : { done: false, reason: 'training.check.noRates' };
  },
  '7.payout': (ws) => {
    const n = count(ws.read, 'SELECT count(*) FROM payouts');
    return n > 0
      ? { done: true, reason: 'training.check.payoutImported', params: { payouts: n } }
      : { done: false, reason: 'training.check.noPayout' };
  },
  '7.fxReceipt': (ws) => {
    const n = count(ws.read, 'SELECT count(*) FROM receipts WHERE payout_id IS NOT NULL');
    return n > 0
      ? { done: true, reason: 'training.check.fxRecorded', params: { receipts: n } }
      : { done: false, reason: 'training.check.noFxReceipt' };
  },
};

function definedParams(
  p: Readonly<Record<string, string | number | undefined>> | undefined,
): Record<string, string | number> {
  return Object.fromEntries(Object.entries(p ?? {}).filter((e): e is [string, string | number] => e[1] !== undefined));
}

/** Checks every step of every lesson (or of one); records attempts and times in the progress record. */
export function checkLessons(ws: Workspace, lesson?: number): StepCheck[] {
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
  const progress = ws.readOnly ? null : readProgress(ws.dataDir);
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
