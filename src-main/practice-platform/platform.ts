/**
 * The practice platform's state machine, without HTTP: takes messages by idempotency key
 * (a key seen before answers 'duplicate' with its first outcome and is counted, never
 * processed again), validates them against the official XSDs, runs its own 三单 matching for
 * lists, numbers lists (preNo/invtNo) and summaries (sumNo, declSeqNo, entryId), and schedules
 * receipts that become visible over (simulated) time: 2 at once, 120 after one step, 800 after
 * two for lists; 100 with the reason on a mismatch; CEB702 + CEB792 for summary applications.
 * A signed message must verify (SM2/SM3, with the public key its KeyName names): a declaration
 * without a signature, an unknown key or a signature that does not verify (the message changed
 * after signing) is rejected with a coded reason (1001-1004).
 * Visible receipts form a log numbered by `seq`; the cursor is the last seq a client saw.
 */
import { randomUUID } from 'node:crypto';
import { buildReceiptMessage, formatAppTime, type ReceiptInput, type ReceiptType } from '../core/customs/index.ts';
import type { KeyObject } from 'node:crypto';
import { practicePublicKeys, signatureKeyName, verifySm2Practice } from '../sync/sm2-signer.ts';
import { validateCebMany } from '../sync/validate-ceb.ts';
import type { SendOutcome } from '../sync/transport.ts';
import { parseCebMessage, type CebDoc, type ParsedMessage } from './parse-ceb.ts';
import { checkThreeDocs, docIdentity, PRACTICE_CNY_RATES, scaled, type ReceivedDocs } from './three-docs.ts';
import { summaryResults } from './summary.ts';

export interface PracticePlatformOptions {
  /** Milliseconds clock; tests pass a manual one to move simulated time. */
  readonly now?: () => number;
  /** Delay between receipt steps (2 → 120 → 800). */
  readonly stepMs?: number;
  /** XSD-validate every message (default true). */
  readonly validate?: boolean;
  readonly xsdDir?: string;
  /** State saved by `snapshot()` (the CLI's --data-dir): keys, documents and receipts survive a restart. */
  readonly state?: PlatformSnapshot;
  /** Public keys by KeyName it verifies signatures with (default: the app's practice signer). */
  readonly signatureKeys?: ReadonlyMap<string, KeyObject>;
  /**
   * Take store-only messages (appStatus 1, 暂存) as if declared: the behaviour before issue 15, for
   * old training data. Default false: a 暂存 message is not a declaration and is refused.
   */
  readonly acceptDrafts?: boolean;
  /** Conversion to CNY per customs currency code for the 9710/9810 CNY 5,000 rule (default PRACTICE_CNY_RATES). */
  readonly cnyRates?: Readonly<Record<string, string>>;
  /**
   * A training scenario's planted customs refusals (issue 18, lesson 5): the list (CEB603) of each
   * order number named here is refused (100) with the text given, as customs' review would.
   */
  readonly refuseLists?: Readonly<Record<string, string>>;
}

/** Everything the platform knows, as JSON. */
export interface PlatformSnapshot {
  readonly epoch: string;
  readonly outcomes: ReadonlyArray<[string, SendOutcome]>;
  readonly documents: ReadonlyArray<[string, number]>;
  readonly docs: { readonly [K in keyof ReceivedDocs]: ReadonlyArray<[string, unknown]> };
  readonly sixItems: ReadonlyArray<[string, unknown]>;
  /** Quantities returned per list line (`invtNo#gnum` → decimal text), CEB213 (absent in older state files). */
  readonly returned?: ReadonlyArray<[string, string]>;
  readonly pending: readonly Scheduled[];
  readonly log: readonly LogSlot[];
  readonly counters: {
    readonly deliveries: number;
    readonly duplicates: number;
    readonly serial: number;
    readonly order: number;
  };
}

export interface IncomingMessage {
  readonly key: string;
  readonly type: string;
  readonly guid: string;
  readonly xml: string;
}

export interface ReceiptLogEntry {
  readonly seq: number;
  readonly id: string;
  readonly type: ReceiptType;
  readonly xml: string;
}

export interface PlatformStats {
  /** Every delivery of every key, duplicates included. */
  readonly deliveries: number;
  readonly duplicateDeliveries: number;
  /** Keys processed (exactly once each). */
  readonly keys: number;
  readonly rejectedKeys: number;
  /** Business documents accepted, by identity (type + codes + number): must all be 1. */
  readonly documents: Readonly<Record<string, number>>;
  readonly sixItems: number;
  readonly receiptsVisible: number;
  readonly receiptsPending: number;
}

export interface LogSlot {
  readonly seq: number;
  readonly id: string;
  readonly type: ReceiptType;
  readonly receipts: readonly ReceiptInput[];
  xml?: string;
}

export interface Scheduled {
  readonly dueAt: number;
  readonly order: number;
  readonly type: ReceiptType;
  readonly receipts: readonly ReceiptInput[];
}

const DEFAULT_STEP_MS = 2_000;

function returnTime(ms: number): string {
  return formatAppTime(new Date(ms)) + String(ms % 1000).padStart(3, '0');
}

/** The head's fields of these names as text, '' where the message leaves one out. */
function headTexts<K extends string>(h: CebDoc['head'], ...names: K[]): Record<K, string> {
  return Object.fromEntries(names.map((n) => [n, h[n] ?? ''])) as Record<K, string>;
}

/** A receipt the platform will send, with the time it becomes visible. */
type Answer = { type: ReceiptType; at: number; receipt: ReceiptInput };

/** The receipts of one answer: the same fields, each step with its status, text and time. */
function answerSteps(type: ReceiptType, fields: Omit<ReceiptInput, 'status' | 'returnInfo' | 'returnTime'>) {
  return (status: string, info: string, at: number, extra?: Partial<ReceiptInput>): Answer => ({
    type,
    at,
    receipt: { ...fields, ...extra, status, returnInfo: info, returnTime: returnTime(at) } as ReceiptInput,
  });
}

function xsdReason(errors: readonly { line: number; message: string }[]): string {
  return errors
    .slice(0, 3)
    .map((e) => `line ${e.line}: ${e.message}`)
    .join('; ')
    .slice(0, 1000);
}

const SIX_ITEM_FIELDS = ['goodsName', 'unit', 'quantity', 'unitPrice', 'amount'] as const;

/** Fields an export's six items lack: orderNo, exportDate, items, items[i].field. */
function missingSixItems(value: unknown): string[] {
  const e = (value ?? {}) as { orderNo?: unknown; exportDate?: unknown; items?: unknown };
  const missing: string[] = (['orderNo', 'exportDate'] as const).filter((f) => typeof e[f] !== 'string' || e[f] === '');
  if (!Array.isArray(e.items) || e.items.length === 0) return [...missing, 'items'];
  (e.items as Array<Record<string, unknown>>).forEach((l, i) => {
    for (const f of SIX_ITEM_FIELDS) if (typeof l?.[f] !== 'string' || l[f] === '') missing.push(`items[${i}].${f}`);
  });
  return missing;
}

export class PracticePlatform {
  readonly #now: () => number;
  readonly #step: number;
  readonly #validate: boolean;
  readonly #xsdDir: string | undefined;
  readonly #keys: ReadonlyMap<string, KeyObject>;
  readonly #acceptDrafts: boolean;
  readonly #cnyRates: Readonly<Record<string, string>>;
  readonly #refuseLists: Readonly<Record<string, string>>;
  readonly #outcomes = new Map<string, SendOutcome>();
  /** Every key ever received → its outcome (settled or still being processed). */
  readonly #seen = new Map<string, Promise<SendOutcome>>();
  readonly #documents = new Map<string, number>();
  readonly #docs: ReceivedDocs = { orders: new Map(), payments: new Map(), waybills: new Map(), lists: new Map() };
  readonly #sixItems = new Map<string, unknown>();
  /** CEB213: quantity already returned per list line, `invtNo#gnum` → 10^5-scaled. */
  readonly #returned = new Map<string, bigint>();
  #pending: Scheduled[] = [];
  /** Visible receipts in seq order; the XML is built when first served, then kept (same bytes on every resend). */
  #log: LogSlot[] = [];
  #deliveries = 0;
  #duplicates = 0;
  #serial = 0;
  #order = 0;

  /** Changes with every platform that does not carry its state over: a cursor of another epoch starts at 0. */
  readonly epoch: string;

  constructor(options: PracticePlatformOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#step = options.stepMs ?? DEFAULT_STEP_MS;
    this.#validate = options.validate ?? true;
    this.#xsdDir = options.xsdDir;
    this.#keys = options.signatureKeys ?? practicePublicKeys();
    this.#acceptDrafts = options.acceptDrafts ?? false;
    this.#cnyRates = options.cnyRates ?? PRACTICE_CNY_RATES;
    this.#refuseLists = options.refuseLists ?? {};
    const st = options.state;
    this.epoch = st?.epoch ?? randomUUID().slice(0, 8);
    if (!st) return;
    for (const [k, o] of st.outcomes) {
      this.#outcomes.set(k, o);
      this.#seen.set(k, Promise.resolve(o));
    }
    for (const [k, n] of st.documents) this.#documents.set(k, n);
    for (const name of ['orders', 'payments', 'waybills', 'lists'] as const) {
      for (const [k, v] of st.docs[name]) (this.#docs[name] as Map<string, unknown>).set(k, v);
    }
    for (const [k, v] of st.sixItems) this.#sixItems.set(k, v);
    for (const [k, v] of st.returned ?? []) this.#returned.set(k, BigInt(v));
    this.#pending = [...st.pending];
    this.#log = st.log.map((slot) => ({ ...slot }));
    ({
      deliveries: this.#deliveries,
      duplicates: this.#duplicates,
      serial: this.#serial,
      order: this.#order,
    } = st.counters);
  }

  snapshot(): PlatformSnapshot {
    return {
      epoch: this.epoch,
      outcomes: [...this.#outcomes],
      documents: [...this.#documents],
      docs: {
        orders: [...this.#docs.orders],
        payments: [...this.#docs.payments],
        waybills: [...this.#docs.waybills],
        lists: [...this.#docs.lists],
      },
      sixItems: [...this.#sixItems],
      returned: [...this.#returned].map(([k, v]) => [k, String(v)]),
      pending: [...this.#pending],
      log: [...this.#log],
      counters: {
        deliveries: this.#deliveries,
        duplicates: this.#duplicates,
        serial: this.#serial,
        order: this.#order,
      },
    };
  }

  /** One outcome per message; a key already seen (or being processed) is a 'duplicate'. */
  async receiveMessages(messages: readonly IncomingMessage[]): Promise<SendOutcome[]> {
    this.#deliveries += messages.length;
    const fresh: IncomingMessage[] = [];
    const freshAt = new Map<string, number>();
    const entries: Array<{ prior?: Promise<SendOutcome>; at: number; duplicate: boolean }> = [];
    for (const m of messages) {
      const prior = this.#seen.get(m.key);
      const at = freshAt.get(m.key);
      if (prior || at !== undefined) {
        this.#duplicates++;
        entries.push(prior ? { prior, at: -1, duplicate: true } : { at: at!, duplicate: true });
        continue;
      }
      freshAt.set(m.key, fresh.length);
      entries.push({ at: fresh.length, duplicate: false });
      fresh.push(m);
    }
    const work = this.#process(fresh);
    fresh.forEach((m, i) =>
      this.#seen.set(
        m.key,
        work.then((all) => all[i]!),
      ),
    );
    work.catch(() => fresh.forEach((m) => this.#seen.delete(m.key)));
    const done = await work;
    fresh.forEach((m, i) => this.#outcomes.set(m.key, done[i]!));
    const priors = await Promise.all(entries.map((e) => e.prior ?? null));
    return entries.map((e, i) => {
      const o = priors[i] ?? done[e.at]!;
      return e.duplicate && o.outcome !== 'rejected' ? { key: o.key, outcome: 'duplicate' } : o;
    });
  }

  async #process(messages: readonly IncomingMessage[]): Promise<SendOutcome[]> {
    const checks = this.#validate
      ? await validateCebMany(
          messages.map((m) => m.xml),
          this.#xsdDir ? { xsdDir: this.#xsdDir } : {},
        )
      : null;
    return messages.map((m, i) => {
      const check = checks?.[i];
      if (check && !check.valid) return { key: m.key, outcome: 'rejected', reason: `xsd ${xsdReason(check.errors)}` };
      if (!this.#acceptDrafts && /<(?:\w+:)?appStatus>\s*1\s*</.test(m.xml)) {
        return {
          key: m.key,
          outcome: 'rejected',
          reason: '暂存报文（appStatus 1）不是申报：请加签后以 appStatus 2 发送',
        };
      }
      const refused = this.#signatureProblem(m.xml);
      if (refused) return { key: m.key, outcome: 'rejected', reason: refused };
      const parsed = parseCebMessage(m.xml);
      if (!parsed) return { key: m.key, outcome: 'rejected', reason: 'unknown message type' };
      if (parsed.type !== m.type)
        return { key: m.key, outcome: 'rejected', reason: `type ${m.type} does not match ${parsed.type}` };
      this.#accept(parsed);
      return { key: m.key, outcome: 'accepted' };
    });
  }

  /** Why a message's signature is refused (coded), or null when it is fine. */
  #signatureProblem(xml: string): string | null {
    const signed = /<ds:Signature[\s>]/.test(xml);
    if (!signed)
      return /<ceb:appStatus>\s*2\s*</.test(xml) ? '1001 declaration (appStatus 2) without a signature' : null;
    const keyName = signatureKeyName(xml);
    if (keyName === null) return '1002 signature unreadable';
    const key = this.#keys.get(keyName);
    if (!key) return `1003 unknown signing key ${keyName.slice(0, 64)}`;
    return verifySm2Practice(xml, key)
      ? null
      : '1004 signature does not verify (message changed after signing, or another key)';
  }

  receiveSixItems(exports: ReadonlyArray<{ key: string; items: unknown }>): SendOutcome[] {
    this.#deliveries += exports.length;
    return exports.map(({ key, items }) => {
      if (this.#sixItems.has(key)) {
        this.#duplicates++;
        return { key, outcome: 'duplicate' };
      }
      const missing = missingSixItems(items);
      if (missing.length > 0)
        return { key, outcome: 'rejected', reason: `six items incomplete: ${missing.join(', ')}` };
      this.#sixItems.set(key, items);
      return { key, outcome: 'accepted' };
    });
  }

  #accept(msg: ParsedMessage): void {
    const now = this.#now();
    const byStatus = new Map<string, { type: ReceiptType; at: number; receipts: ReceiptInput[] }>();
    const add = (type: ReceiptType, at: number, r: ReceiptInput) => {
      const k = `${type}|${at}|${r.status}`;
      const group = byStatus.get(k) ?? { type, at, receipts: [] };
      group.receipts.push(r);
      byStatus.set(k, group);
    };
    for (const doc of msg.docs) {
      const identity = docIdentity(doc);
      const known = this.#documents.has(identity);
      const change = doc.head.appType === '2';
      if (change) {
        for (const step of this.#answerChange(doc, now, known)) add(step.type, step.at, step.receipt);
        continue;
      }
      const seen = (this.#documents.get(identity) ?? 0) + 1;
      this.#documents.set(identity, seen);
      for (const step of this.#answer(doc, now, seen > 1)) add(step.type, step.at, step.receipt);
    }
    for (const g of byStatus.values()) {
      for (let i = 0; i < g.receipts.length; i += 100) {
        this.#pending.push({ dueAt: g.at, order: this.#order++, type: g.type, receipts: g.receipts.slice(i, i + 100) });
      }
    }
  }

  /** A pre-entry number (preNo) the platform hands out at `now`. */
  #preNo(now: number): string {
    return `B${returnTime(now).slice(0, 8)}${String(++this.#serial).padStart(9, '0')}`;
  }

  #number(prefix: string, customsCode: string, at: number): string {
    const year = new Date(at).getUTCFullYear();
    return `${customsCode.padEnd(4, '0').slice(0, 4)}${year}${prefix}${String(++this.#serial).padStart(9, '0')}`;
  }

  /** The receipts one document gets, each with the time it becomes visible. */
  #answer(doc: CebDoc, now: number, repeated: boolean): Answer[] {
    const h = doc.head;
    const t0 = now,
      t1 = now + this.#step,
      t2 = now + 2 * this.#step;
    const steps = (
      type: ReceiptType,
      r: Omit<ReceiptInput, 'status' | 'returnTime' | 'returnInfo' | 'guid'>,
      final: Array<[string, string, number]>,
    ) => {
      const step = answerSteps(type, { guid: h.guid ?? '', ...r });
      return [['2', '电子口岸申报中', t0] as [string, string, number], ...final].map(([status, info, at]) =>
        step(status, info, at),
      );
    };
    const dup: Array<[string, string, number]> = [
      ['-301010', '业务编号已存在，不能重复新增（变更请以 appType 2 发送）', t1],
    ];
    switch (doc.type) {
      case 'CEB303':
        if (!repeated) this.#docs.orders.set(`${h.ebpCode}|${h.orderNo}`, doc);
        return steps(
          'CEB304',
          { businessKey: h.orderNo ?? '', ...headTexts(h, 'orderNo', 'ebpCode', 'ebcCode') },
          repeated ? dup : [['120', '海关入库成功', t1]],
        );
      case 'CEB403':
        if (!repeated) this.#docs.payments.set(`${h.ebpCode}|${h.orderNo}`, doc);
        return steps(
          'CEB404',
          { businessKey: h.orderNo ?? '', ...headTexts(h, 'orderNo', 'ebcCode') },
          repeated ? dup : [['120', '海关入库成功', t1]],
        );
      case 'CEB505':
        if (!repeated) this.#docs.waybills.set(`${h.logisticsCode}|${h.logisticsNo}`, doc);
        return steps(
          'CEB506',
          { businessKey: h.logisticsNo ?? '', logisticsCode: h.logisticsCode ?? '' },
          repeated ? dup : [['120', '海关入库成功', t1]],
        );
      case 'CEB603': {
        const mismatch = repeated
          ? '业务编号已存在，不能重复新增（变更请以 appType 2 发送）'
          : (checkThreeDocs(doc, this.#docs, this.#cnyRates) ??
            (Object.hasOwn(this.#refuseLists, h.orderNo ?? '') ? this.#refuseLists[h.orderNo ?? '']! : null));
        const preNo = this.#preNo(now);
        const invtNo = mismatch ? '' : this.#number('E', h.customsCode ?? '0000', now);
        if (!mismatch) this.#docs.lists.set(invtNo, { doc, acceptedAt: t1 });
        return steps(
          'CEB604',
          {
            businessKey: h.copNo ?? '',
            ...headTexts(h, 'copNo', 'agentCode', 'ebcCode', 'ebpCode', 'orderNo'),
            preNo,
            invtNo,
            statisticsFlag: h.statisticsFlag ?? 'A',
          },
          mismatch
            ? [[repeated ? '-301011' : '100', mismatch.slice(0, 1000), t1]]
            : // B lists (summary declaration) are concluded (899 结关) a step after release; A lists end at 800
              [
                ['120', '海关入库成功', t1],
                ['800', '放行', t2],
                ...(h.statisticsFlag === 'B' ? [['899', '结关', t2 + this.#step] as [string, string, number]] : []),
              ],
        );
      }
      case 'CEB701':
        return this.#answerSummary(doc, now, repeated);
      case 'CEB605':
        return this.#answerCancel(doc, now, repeated);
      case 'CEB213':
        return this.#answerReturn(doc, now, repeated);
    }
  }

  /**
   * CEB605 撤销申请单: a list the platform holds (accepted, not withdrawn) is withdrawn — CEB606 2,
   * then 399 撤销成功 — and leaves the platform's lists (no summary, no return takes it any more).
   * A list it does not hold, or another consignor's, is refused (100) with the reason.
   */
  #answerCancel(doc: CebDoc, now: number, repeated: boolean): Answer[] {
    const h = doc.head;
    const invtNo = h.invtNo ?? '';
    const list = this.#docs.lists.get(invtNo);
    const refusal = repeated
      ? '业务编号已存在，不能重复新增'
      : !list
        ? `撤销失败：清单 ${invtNo} 不存在、未通过或已撤销`
        : list.doc.head.ebcCode !== h.ebcCode
          ? `撤销失败：清单 ${invtNo} 的电商企业是 ${list.doc.head.ebcCode ?? ''}，不是 ${h.ebcCode ?? ''}`
          : !(h.reason ?? '').trim()
            ? '撤销失败：未填写撤销原因'
            : null;
    if (!refusal) this.#docs.lists.delete(invtNo);
    const preNo = this.#preNo(now);
    const r = answerSteps('CEB606', {
      ...headTexts(h, 'guid', 'copNo', 'agentCode'),
      businessKey: h.copNo ?? '',
      preNo,
      invtNo,
    });
    return [
      r('2', '电子口岸申报中', now),
      refusal
        ? r(repeated ? '-301010' : '100', refusal, now + this.#step)
        : r('399', '撤销成功，清单已撤销', now + this.#step),
    ];
  }

  /**
   * CEB213 退货申请单 (退运): against a list the platform released, with the return trade mode of its
   * export mode (9661; 1261 for 1210), the same consignor, lines the list has, quantities (with the
   * earlier returns of the list) not above the list's, and declared within 6 months of export —
   * CEB214 2, 120, then 800 放行; else 100 with the reason.
   */
  #answerReturn(doc: CebDoc, now: number, repeated: boolean): Answer[] {
    const h = doc.head;
    const invtNo = h.invtNo ?? '';
    const list = this.#docs.lists.get(invtNo);
    const refusal = repeated ? '业务编号已存在，不能重复新增' : this.#returnProblem(doc, list?.doc);
    if (!refusal) {
      for (const l of doc.lines) {
        const k = `${invtNo}#${l.gnum}`;
        this.#returned.set(k, (this.#returned.get(k) ?? 0n) + (scaled(l.qty) ?? 0n));
      }
    }
    const r = answerSteps('CEB214', {
      ...headTexts(h, 'guid', 'coElNo', 'ebpCode', 'ebcCode', 'agentCode'),
      businessKey: h.coElNo ?? '',
      invtNo,
    });
    const t1 = now + this.#step;
    if (refusal) return [r('2', '电子口岸申报中', now), r(repeated ? '-301010' : '100', refusal, t1)];
    return [r('2', '电子口岸申报中', now), r('120', '海关入库成功', t1), r('800', '放行', t1 + this.#step)];
  }

  #returnProblem(doc: CebDoc, list: CebDoc | undefined): string | null {
    const h = doc.head;
    if (!list) return `退货申请失败：原清单 ${h.invtNo ?? ''} 不存在、未放行或已撤销`;
    const lh = list.head;
    if (lh.ebcCode !== h.ebcCode)
      return `退货申请失败：电商企业 ${h.ebcCode ?? ''} 与原清单 ${lh.ebcCode ?? ''} 不一致`;
    const expected = lh.tradeMode === '1210' ? '1261' : '9661';
    if (h.tradeMode !== expected)
      return `退货申请失败：原清单监管方式 ${lh.tradeMode ?? ''} 的退货应以 ${expected} 申报，不是 ${h.tradeMode ?? ''}`;
    const ie = lh.ieDate ?? '';
    const app = (h.appTime ?? '').slice(0, 8);
    const limit = `${Number(ie.slice(0, 4)) + (Number(ie.slice(4, 6)) > 6 ? 1 : 0)}${String(((Number(ie.slice(4, 6)) + 5) % 12) + 1).padStart(2, '0')}${ie.slice(6, 8)}`;
    if (app > limit) return `退货申请失败：货物 ${ie} 出口，超过 6 个月的退货期限`;
    for (const l of doc.lines) {
      const o = list.lines.find((x) => x.gnum === l.gnum);
      if (!o) return `退货申请失败：原清单 ${h.invtNo ?? ''} 没有第 ${l.gnum} 项`;
      if (o.gcode !== l.gcode) return `退货申请失败：第 ${l.gnum} 项商品编码 ${l.gcode} 与原清单 ${o.gcode} 不一致`;
      const before = this.#returned.get(`${h.invtNo ?? ''}#${l.gnum}`) ?? 0n;
      if ((scaled(l.qty) ?? 0n) + before > (scaled(o.qty) ?? 0n))
        return `退货申请失败：第 ${l.gnum} 项退货数量 ${l.qty}（此前已退 ${Number(before) / 100_000}）超过原申报数量 ${o.qty}`;
    }
    return null;
  }

  /**
   * appType 2 (变更): a change to a document the platform holds replaces it (120 变更); a change to
   * one it never accepted is refused (100). A changed list is matched again against its order.
   */
  #answerChange(doc: CebDoc, now: number, known: boolean): Answer[] {
    const h = doc.head;
    const t1 = now + this.#step;
    const receiptType = (
      {
        CEB303: 'CEB304',
        CEB403: 'CEB404',
        CEB505: 'CEB506',
        CEB603: 'CEB604',
        CEB701: 'CEB702',
        CEB605: 'CEB606',
        CEB213: 'CEB214',
      } as const
    )[doc.type];
    const number =
      doc.type === 'CEB505'
        ? h.logisticsNo
        : doc.type === 'CEB213'
          ? h.coElNo
          : doc.type === 'CEB603' || doc.type === 'CEB701' || doc.type === 'CEB605'
            ? h.copNo
            : h.orderNo;
    let refusal: string | null = known ? null : `变更的单据 ${number ?? ''} 不存在`;
    if (!refusal && doc.type === 'CEB603') refusal = checkThreeDocs(doc, this.#docs, this.#cnyRates);
    if (!refusal) {
      if (doc.type === 'CEB303') this.#docs.orders.set(`${h.ebpCode}|${h.orderNo}`, doc);
      if (doc.type === 'CEB403') this.#docs.payments.set(`${h.ebpCode}|${h.orderNo}`, doc);
      if (doc.type === 'CEB505') this.#docs.waybills.set(`${h.logisticsCode}|${h.logisticsNo}`, doc);
      if (doc.type === 'CEB603') {
        for (const [invtNo, l] of this.#docs.lists)
          if (l.doc.head.copNo === h.copNo && l.doc.head.agentCode === h.agentCode)
            this.#docs.lists.set(invtNo, { doc, acceptedAt: l.acceptedAt });
      }
    }
    const step = answerSteps(receiptType, {
      ...headTexts(h, 'guid', 'orderNo', 'ebpCode', 'ebcCode', 'logisticsCode', 'copNo', 'agentCode', 'invtNo'),
      businessKey: number ?? '',
      statisticsFlag: h.statisticsFlag ?? 'A',
      preNo: this.#preNo(now),
      msgSeqNo: 1,
    });
    return [step('2', '电子口岸申报中', now), step(refusal ? '100' : '120', refusal ?? '海关入库成功（变更）', t1)];
  }

  #answerSummary(doc: CebDoc, now: number, repeated: boolean): Answer[] {
    const h = doc.head;
    const t1 = now + this.#step,
      t2 = now + 2 * this.#step;
    const preNo = this.#preNo(now);
    const results = repeated
      ? { error: '业务编号已存在，不能重复新增' as string, forms: [] }
      : summaryResults(doc, this.#docs, (p) => this.#number(p, h.customsCode ?? '0000', now));
    const sumNo = results.error ? undefined : this.#number('S', h.customsCode ?? '0000', now);
    const ret = answerSteps('CEB702', {
      ...headTexts(h, 'guid', 'copNo', 'agentCode', 'ebcCode'),
      businessKey: h.copNo ?? '',
      preNo,
      msgSeqNo: Number(h.msgSeqNo ?? 1),
    });
    if (results.error) return [ret('2', '电子口岸申报中', now), ret('100', results.error, t1)];
    return [
      ret('2', '电子口岸申报中', now),
      ret('120', '海关入库成功', t1, sumNo ? { sumNo } : undefined),
      ...results.forms.map((f, i) => ({
        type: 'CEB792' as const,
        at: t2,
        receipt: {
          guid: randomUUID().toUpperCase(),
          businessKey: sumNo!,
          sumNo: sumNo!,
          customsCode: h.customsCode ?? '0000',
          ...f,
          status: '800',
          returnTime: returnTime(t2),
          returnInfo: '',
          agentCode: h.agentCode ?? '',
          agentName: h.agentName ?? '',
          ebcCode: h.ebcCode ?? '',
          ebcName: h.ebcName ?? '',
          declAgentCode: h.declAgentCode ?? h.agentCode ?? '',
          declAgentName: h.declAgentName ?? h.agentName ?? '',
          msgCount: results.forms.length,
          msgSeqNo: i + 1,
        } as ReceiptInput,
      })),
    ];
  }

  /** Moves receipts that are due into the visible log (due order). */
  #release(): void {
    const now = this.#now();
    const due = this.#pending.filter((p) => p.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt || a.order - b.order);
    if (due.length === 0) return;
    this.#pending = this.#pending.filter((p) => p.dueAt > now);
    for (const p of due) {
      const seq = this.#log.length + 1;
      this.#log.push({ seq, id: `R${String(seq).padStart(9, '0')}`, type: p.type, receipts: p.receipts });
    }
  }

  /** Visible receipts after `since` (a seq), at most `limit`. */
  receipts(since: number, limit: number): { receipts: ReceiptLogEntry[]; cursor: number; more: boolean } {
    this.#release();
    const from = Math.max(0, Math.min(since, this.#log.length));
    const page = this.#log.slice(from, from + limit).map((slot) => ({
      seq: slot.seq,
      id: slot.id,
      type: slot.type,
      xml: (slot.xml ??= buildReceiptMessage(slot.type, randomUUID().toUpperCase(), slot.receipts)),
    }));
    return { receipts: page, cursor: from + page.length, more: from + page.length < this.#log.length };
  }

  stats(): PlatformStats {
    this.#release();
    return {
      deliveries: this.#deliveries,
      duplicateDeliveries: this.#duplicates,
      keys: this.#outcomes.size,
      rejectedKeys: [...this.#outcomes.values()].filter((o) => o.outcome === 'rejected').length,
      documents: Object.fromEntries(this.#documents),
      sixItems: this.#sixItems.size,
      receiptsVisible: this.#log.length,
      receiptsPending: this.#pending.length,
    };
  }

  /** Outcome of a key, if the platform has it. */
  outcome(key: string): SendOutcome | undefined {
    return this.#outcomes.get(key);
  }
}
