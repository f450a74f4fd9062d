/**
 * Commands of the customs area, spread into `contract` (contract.ts). Same rules as there:
 * zod input, phantom result type, `mutates`; the renderer only `import type`s these types.
 *
 * The Customs screen: settings (platform, offices, carrier, agent…), per-order shipping data the
 * lists need (logisticsNo, export date…), the 三单 pre-check with coded findings, the build
 * (CEB303/403/505/603 → XSD validation → documents + outbox), the documents list with status
 * history and receipts, the summary application (CEB701) and the editable risk list.
 */
import { z } from 'zod';
import { type Base64File, decimalText, fileFields, id, isoDay, pageFields, result, empty } from '../contract-kit.ts';
import {
  CEB_DOCUMENT_TYPES,
  type CebDocumentType,
  type CustomsDocumentDetail,
  type CustomsDocumentsPage,
  type CustomsSettings,
  type CustomsShipping,
  type CustomsStatusCounts,
} from '../../core/customs/customs-views.ts';
import type { RowError } from '../../core/orders/order.ts';
import type { SummaryPlan } from '../../core/customs/summary-plan.ts';
import type { DeclarationFormData } from '../../core/customs/head-haul.ts';
export type { DeclarationFormData } from '../../core/customs/head-haul.ts';
export type { SummaryGroup, SummaryPlan } from '../../core/customs/summary-plan.ts';
import type { Finding as CustomsFinding, RiskRules as RiskList } from '../../core/customs/precheck.ts';
export { CEB_DOCUMENT_TYPES, CUSTOMS_LOCAL_STATUSES } from '../../core/customs/customs-views.ts';
export type {
  CebDocumentType,
  CustomsDocument,
  CustomsDocumentDetail,
  CustomsDocumentsPage,
  CustomsDocumentStatus,
  CustomsReceiptView,
  CustomsSettings,
  CustomsShipping,
  CustomsStatusChange,
  CustomsStatusCounts,
} from '../../core/customs/customs-views.ts';
export type { Finding as CustomsFinding, RiskRules as RiskList } from '../../core/customs/precheck.ts';

export type { CustomsShop } from './customs-shops.ts';
export type { WithdrawalResult } from './customs-withdrawals.ts';
export type { ShopImportResult } from './customs-shops-import.ts';
import type { ShopImportResult } from './customs-shops-import.ts';
export type { PerSale9810Withdrawal, WithdrawnDocument } from './customs-per-sale-9810.ts';
import type { PerSale9810Withdrawal } from './customs-per-sale-9810.ts';
import type { WithdrawalResult } from './customs-withdrawals.ts';
export type { HeadHaulEntry, HeadHaulLinks, HeadHaulResult } from './customs-head-haul.ts';
import type { HeadHaulEntry, HeadHaulLinks, HeadHaulResult } from './customs-head-haul.ts';
import type { CustomsShop } from './customs-shops.ts';
export type { CorrectionDocument, HeadHaulShipmentView, ListCorrections } from './customs-desk.ts';
import type { HeadHaulShipmentView, ListCorrections } from './customs-desk.ts';

export const CUSTOMS_MODES_FOR_BUILD = ['9610', '9710', '9810', '1210'] as const;

export interface CebValidationIssue {
  readonly messageType: CebDocumentType;
  readonly messageGuid: string;
  readonly line: number;
  readonly message: string;
}

export interface CustomsBuildResult {
  /** Orders considered / blocked by findings / built. */
  readonly orders: number;
  readonly blocked: number;
  readonly built: number;
  /** Documents (business blocks) stored per message type. */
  readonly documents: Readonly<Partial<Record<CebDocumentType, number>>>;
  readonly messages: number;
  /** Outbox rows added (ceb.message + tax.sixItems). */
  readonly queued: number;
  readonly findings: readonly CustomsFinding[];
  readonly validationErrors: readonly CebValidationIssue[];
  /** true when nothing was stored (dryRun, or validation failed). */
  readonly dryRun: boolean;
  /** 9710 orders above CNY 5,000 or with restricted goods: no list, the 报关单 data instead (issue 15). */
  readonly declarationForms?: ReadonlyArray<{ readonly order: string; readonly data: DeclarationFormData }>;
}

/** Event 'customs.progress': phase of a build and how far it is (orders, then messages). */
export interface CustomsProgressEvent {
  readonly phase: 'precheck' | 'build' | 'validate' | 'store' | 'done';
  readonly done: number;
  readonly total: number;
}

export interface CustomsPrecheckResult {
  readonly orders: number;
  readonly clean: number;
  readonly findings: readonly CustomsFinding[];
}

/** customs.shipping.import: what the waybill file holds and what was saved (0 unless all rows are good and every order is known). */
export interface WaybillImportResult {
  /** Data rows in the file. */
  readonly rows: number;
  /** Good rows whose order number names an order. */
  readonly matched: number;
  readonly saved: number;
  /** Matched rows whose order already holds exactly these values (a re-import): not written again. */
  readonly unchanged: number;
  /** Order numbers of good rows that name no order (or more than one). */
  readonly unknownOrders: readonly string[];
  readonly rejected: readonly RowError[];
}

export interface SummaryApplyResult {
  readonly copNo: string;
  readonly lists: number;
  readonly messages: number;
  readonly documentId: number;
}

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => z.string().max(max).nullable();

export const customsSettingsInput = z
  .object({
    ebpCode: text(18),
    ebpName: text(100),
    customsCode: text(4),
    portCode: text(4),
    pod: text(4),
    trafMode: text(1),
    wrapType: text(1),
    statisticsFlag: z.enum(['A', 'B']),
    logisticsCode: text(18),
    logisticsName: text(100),
    agentCode: nullableText(18),
    agentName: nullableText(100),
    ownerCode: nullableText(18),
    ownerName: nullableText(100),
    declAgentCode: nullableText(18),
    declAgentName: nullableText(100),
    iacCode: nullableText(18),
    iacName: nullableText(100),
    emsNo: nullableText(30),
    loctNo: nullableText(10),
    appStatus: z.enum(['1', '2']),
    declaresWaybills: z.boolean(),
    sendsPaymentReceipts: z.boolean(),
    payCode: nullableText(18),
    payName: nullableText(100),
  })
  .strict();

const shippingInput = z
  .object({
    orderId: id,
    logisticsNo: nullableText(32),
    logisticsCode: nullableText(18),
    logisticsName: nullableText(100),
    exportDate: isoDay.nullable(),
    grossWeightGrams: z.number().int().min(0).nullable(),
    packNo: z.number().int().min(1).nullable(),
    copNo: nullableText(30),
    /** Issue 15: this list's destination port (else the shop's, else the country's) and statisticsFlag choice (else the settings'). */
    pod: z
      .string()
      .regex(/^[0-9A-Z]{3,4}$/)
      .nullable()
      .optional(),
    statisticsFlag: z.enum(['A', 'B']).nullable().optional(),
  })
  .strict();

const orderSelection = {
  orderIds: z.array(id).min(1).max(100_000).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  modes: z.array(z.enum(CUSTOMS_MODES_FOR_BUILD)).min(1).optional(),
};

export const customsContract = {
  'customs.settings.get': { input: empty, result: result<CustomsSettings | null>(), mutates: false },
  'customs.settings.save': { input: customsSettingsInput, result: result<CustomsSettings>(), mutates: true },
  'customs.shipping.get': {
    input: z.object({ orderId: id }).strict(),
    result: result<CustomsShipping>(),
    mutates: false,
  },
  'customs.shipping.save': { input: shippingInput, result: result<CustomsShipping>(), mutates: true },
  /** Many orders at once (e.g. waybill numbers from the carrier's file); all or nothing. */
  'customs.shipping.saveMany': {
    input: z.object({ items: z.array(shippingInput).min(1).max(100_000) }).strict(),
    result: result<{ readonly saved: number }>(),
    mutates: true,
  },
  /**
   * A carrier's waybill file (CSV/XLSX): orders matched by number; saved only when no row is rejected and no order unknown,
   * unless `acceptValidRows` (the user chose "import the valid rows"); never with dryRun.
   */
  'customs.shipping.import': {
    input: z
      .object({
        ...fileFields(200 * 1024 * 1024),
        dryRun: z.boolean().optional(),
        acceptValidRows: z.boolean().optional(),
      })
      .strict(),
    result: result<WaybillImportResult>(),
    mutates: true,
  },
  'customs.precheck': {
    input: z.object(orderSelection).strict(),
    result: result<CustomsPrecheckResult>(),
    mutates: false,
  },
  /** Builds, validates against the XSDs, pre-checks; stores + queues only clean, valid documents (not with dryRun). */
  'customs.build': {
    /** corrections: documents already sent whose order changed go again as appType 2 (a change), not as new (issue 15). */
    input: z
      .object({ ...orderSelection, dryRun: z.boolean().optional(), corrections: z.boolean().optional() })
      .strict(),
    result: result<CustomsBuildResult>(),
    mutates: true,
  },
  'customs.documents.list': {
    input: z
      .object({
        type: z.enum(CEB_DOCUMENT_TYPES).optional(),
        status: z.string().max(20).optional(),
        q: z.string().max(60).optional(),
        ...pageFields(100),
      })
      .strict(),
    result: result<CustomsDocumentsPage>(),
    mutates: false,
  },
  'customs.documents.get': {
    input: z.object({ id }).strict(),
    result: result<CustomsDocumentDetail>(),
    mutates: false,
  },
  'customs.status': { input: empty, result: result<CustomsStatusCounts>(), mutates: false },
  'customs.summary.apply': {
    input: z
      .object({
        invtNos: z.array(z.string().min(1).max(20)).min(1).max(100_000).optional(),
        startDate: isoDay.optional(),
        endDate: isoDay.optional(),
        summaryFlag: z.enum(['1', '2']),
        itemNameFlag: z.enum(['0', '1']),
      })
      .strict(),
    result: result<SummaryApplyResult>(),
    mutates: true,
  },
  /** Each shop's platform for customs (ebpCode/ebpName, '无' + name abroad) and its default port (issue 15). */
  'customs.shops.list': { input: empty, result: result<readonly CustomsShop[]>(), mutates: false },
  'customs.shops.save': {
    input: z.object({ shopId: id, ebpCode: text(18), ebpName: text(100), pod: z.string().max(4).nullable() }).strict(),
    result: result<readonly CustomsShop[]>(),
    mutates: true,
  },
  /** A shop file (shop, platform, site, currency, time_zone, ebp_code, ebp_name): shops and their platform codes, all or nothing (issue 15). */
  'customs.shops.import': {
    input: z
      .object({
        ...fileFields(50 * 1024 * 1024),
        dryRun: z.boolean().optional(),
      })
      .strict(),
    result: result<ShopImportResult>(),
    mutates: true,
  },
  /** A 9810 head-haul shipment (booking note): CEB303 W, plus a 9810 list when ≤ CNY 5,000 and unrestricted, else the 报关单 data (issue 15). */
  'customs.headHaul.build': {
    input: z
      .object({
        bookingNoteNo: z.string().min(1).max(60),
        markupPercent: z.number().int().min(0).max(1000).optional(),
        dryRun: z.boolean().optional(),
      })
      .strict(),
    result: result<HeadHaulResult>(),
    mutates: true,
  },
  /** The 报关单 number (entryId) and line numbers the broker got back for a head-haul shipment (issue 15). */
  'customs.headHaul.recordEntry': {
    input: z
      .object({
        bookingNoteNo: z.string().min(1).max(60),
        entryId: z.string().regex(/^[0-9A-Z]{18}$/),
        lines: z
          .array(z.object({ gnum: z.number().int().min(1), gseqno: z.number().int().min(1).max(999) }).strict())
          .min(1)
          .max(100)
          .optional(),
      })
      .strict(),
    result: result<HeadHaulEntry>(),
    mutates: true,
  },
  /** Sales from overseas warehouses → the 9810 declaration lines their goods left under (quantity FIFO), sold / unsold per line. */
  'customs.headHaul.links': { input: empty, result: result<HeadHaulLinks>(), mutates: false },
  /** 194号 plan: statistics-only (A) lists, pending (released, not concluded) lists, groups to apply for with due dates. */
  'customs.summary.plan': {
    input: z.object({ today: isoDay.optional() }).strict(),
    result: result<SummaryPlan>(),
    mutates: false,
  },
  /** A list customs numbered is withdrawn with a CEB605 and its reason (never re-sent as new); idempotent (issue 15). */
  'customs.lists.cancel': {
    input: z
      .object({
        invtNo: z.string().min(1).max(20),
        reason: z.string().trim().min(1).max(1000),
        note: z.string().max(1000).optional(),
        dryRun: z.boolean().optional(),
      })
      .strict(),
    result: result<WithdrawalResult>(),
    mutates: true,
  },
  /** Goods of an exported list come back (退运): CEB213 9661/1261 against its invtNo, within the return window; idempotent by coElNo. */
  'customs.returns.apply': {
    input: z
      .object({
        invtNo: z.string().min(1).max(20),
        coElNo: z.string().min(1).max(20),
        returnDate: isoDay,
        reason: z.string().trim().min(1).max(500),
        country: z
          .string()
          .regex(/^[A-Z]{2}$/)
          .optional(),
        logisticsNo: z.string().min(1).max(80),
        billNo: z.string().min(1).max(37),
        trafMode: z.string().length(1),
        trafName: z.string().min(1).max(100),
        voyageNo: z.string().min(1).max(32),
        lines: z
          .array(z.object({ gnum: z.number().int().min(1).max(100), qty: z.number().int().min(1) }).strict())
          .min(1)
          .max(100),
        dryRun: z.boolean().optional(),
      })
      .strict(),
    result: result<WithdrawalResult>(),
    mutates: true,
  },
  /** One list for the corrections screen: lines as sent, returned so far, return window, its CEB605 / CEB213 documents (issue 15). */
  'customs.lists.corrections': {
    input: z.object({ invtNo: z.string().min(1).max(20) }).strict(),
    result: result<ListCorrections>(),
    mutates: false,
  },
  /** Head-haul shipments to overseas warehouses: lines, cost and declared unit values, route (list / 报关单), what was declared, entryId. */
  'customs.headHaul.list': { input: empty, result: result<readonly HeadHaulShipmentView[]>(), mutates: false },
  /** Declared unit values (CNY) of a shipment not declared yet: typed per line, the others from cost plus markupPercent; one transaction. */
  'customs.headHaul.declaredValues.save': {
    input: z
      .object({
        bookingNoteNo: z.string().min(1).max(60),
        markupPercent: z.number().int().min(0).max(1000).optional(),
        lines: z
          .array(z.object({ gnum: z.number().int().min(1), value: decimalText.nullable() }).strict())
          .max(100)
          .optional(),
      })
      .strict(),
    result: result<HeadHaulShipmentView>(),
    mutates: true,
  },
  /** The 报关单 data of a head-haul shipment as the XLSX or JSON file for the customs broker. */
  'customs.headHaul.formFile': {
    input: z.object({ bookingNoteNo: z.string().min(1).max(60), format: z.enum(['xlsx', 'json']) }).strict(),
    result: result<Base64File>(),
    mutates: false,
  },
  /** Unsent per-sale 9810 documents earlier versions built are taken back (never sent), in one transaction, and reported (issue 15). */
  'customs.perSale9810.withdraw': {
    input: z.object({ dryRun: z.boolean().optional() }).strict(),
    result: result<PerSale9810Withdrawal>(),
    mutates: true,
  },
  'customs.riskList.get': { input: empty, result: result<RiskList>(), mutates: false },
  'customs.riskList.save': {
    input: z
      .object({
        licenceHsPrefixes: z
          .array(z.object({ prefix: z.string().regex(/^\d{2,10}$/), note: text(200) }).strict())
          .max(2000),
        valueThresholds: z.array(z.object({ currency: z.string().length(3), max: decimalText }).strict()).max(50),
      })
      .strict(),
    result: result<RiskList>(),
    mutates: true,
  },
} as const;
