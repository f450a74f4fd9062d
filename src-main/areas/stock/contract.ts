/**
 * Commands of the stock area: SKUs, warehouses, moves, head-haul shipments, on hand,
 * valuation, ageing, sales from orders, stock file imports.
 */
import { z } from 'zod';
import { CURRENCIES } from '../../core/money/currency.ts';
import type { Minor } from '../../core/money/index.ts';
import { PLATFORMS, type RowError } from '../../core/orders/order.ts';
import {
  ALLOCATION_BASES,
  WAREHOUSE_KINDS,
  type AgeingRow,
  type ReorderHint,
  type Shipment,
  type SkuRecord,
  type StockDifference,
  type StockMove,
  type StockPosition,
  type Warehouse,
} from '../../core/stock/stock-views.ts';
import { MAX_IMPORT_BASE64 } from '../imports/contract.ts';
import type { Page } from '../paging.ts';
import { asOfInput, decimalText, empty, fileFields, id, isoDay, pageFields, result } from '../contract-kit.ts';

export const POSTABLE_MOVE_TYPES = ['purchase', 'transfer', 'sale', 'return', 'count', 'writeoff'] as const;
export const LANDED_COST_KINDS = ['freight', 'insurance', 'duty', 'inboundFee'] as const;
export const PLATFORM_SKU_KINDS = ['asin', 'fnsku', 'sellerSku', 'shopifySku', 'other'] as const;

export interface StockImportSummary {
  readonly source: 'stock-moves' | 'fba-inventory' | 'stock-count';
  /** Data rows read = posted + unchanged + rejected rows (stock-moves). */
  readonly rows: number;
  readonly posted: number;
  /** Rows imported before (same natural key): not posted again. FBA reports: every accepted row. */
  readonly unchanged: number;
  /** False when nothing was written: a dry run, or rejected rows without `acceptValidRows`. */
  readonly committed: boolean;
  readonly created: { readonly skus: number; readonly warehouses: number; readonly shipments: number };
  readonly rejected: readonly RowError[];
  /** fba-inventory: differences against the ledger (nothing is posted). */
  readonly differences: readonly StockDifference[];
}

import type { SkuImportResult } from './sku-import-service.ts';
export type { SkuImportResult } from './sku-import-service.ts';
import type { WarehouseImportResult } from './warehouse-import-service.ts';
export type { WarehouseImportResult } from './warehouse-import-service.ts';

const skuInput = z
  .object({
    id: id.optional(),
    itemNo: z.string().max(60),
    goodsName: z.string().max(400),
    gmodel: z.string().max(400),
    hsCode: z.string().max(20),
    unit: z.string().max(3),
    legalUnit: z.string().max(3),
    secondLegalUnit: z.string().max(3).nullable().optional(),
    barcode: z.string().max(60).nullable().optional(),
    origin: z.string().max(2).nullable().optional(),
    weightGrams: z.number().int().nullable().optional(),
    volumeCm3: z.number().int().nullable().optional(),
    legalQty1PerUnit: z.string().max(20).nullable().optional(),
    legalQty2PerUnit: z.string().max(20).nullable().optional(),
    supervisionConditions: z.string().max(20).nullable().optional(),
    exportDutyRate: z.string().max(10).nullable().optional(),
    itemRecordNo: z.string().max(30).nullable().optional(),
  })
  .strict();

/** A master-data file (SKUs, warehouses): CSV/XLSX as base64, all or nothing, previewed with `dryRun`. */
const masterDataFile = z
  .object({
    ...fileFields(MAX_IMPORT_BASE64),
    dryRun: z.boolean().optional(),
  })
  .strict();

export const stockContract = {
  'stock.skus.list': {
    input: z.object({ q: z.string().max(100).optional() }).strict(),
    result: result<readonly SkuRecord[]>(),
    mutates: false,
  },
  'stock.skus.save': { input: skuInput, result: result<SkuRecord>(), mutates: true },
  /** A SKU customs-data file (CSV/XLSX, issue 15): created/updated by item no, nothing saved when a row is rejected. */
  'stock.skus.import': {
    input: masterDataFile,
    result: result<SkuImportResult>(),
    mutates: true,
  },
  'stock.skus.mapPlatform': {
    input: z
      .object({
        skuId: id,
        platform: z.enum(PLATFORMS),
        kind: z.enum(PLATFORM_SKU_KINDS),
        code: z.string().min(1).max(60),
      })
      .strict(),
    result: result<SkuRecord>(),
    mutates: true,
  },
  'stock.warehouses.list': { input: empty, result: result<readonly Warehouse[]>(), mutates: false },
  /** A warehouse file (code, name, kind, country, address): created or updated by code, all or nothing (issue 15). */
  'stock.warehouses.import': {
    input: masterDataFile,
    result: result<WarehouseImportResult>(),
    mutates: true,
  },
  'stock.warehouses.save': {
    input: z
      .object({
        id: id.optional(),
        code: z.string().min(1).max(30),
        name: z.string().min(1).max(100),
        kind: z.enum(WAREHOUSE_KINDS),
        country: z.string().length(2).nullable(),
        emsNo: z.string().max(30).nullable().optional(),
      })
      .strict(),
    result: result<Warehouse>(),
    mutates: true,
  },
  'stock.moves.post': {
    input: z
      .object({
        date: isoDay,
        type: z.enum(POSTABLE_MOVE_TYPES),
        skuId: id,
        warehouseId: id,
        toWarehouseId: id.nullable().optional(),
        quantity: z.number().int(),
        unitCost: decimalText.nullable().optional(),
        currency: z.enum(CURRENCIES).nullable().optional(),
        rate: decimalText.nullable().optional(),
        reference: z.string().max(60).nullable().optional(),
        reason: z.string().max(200).nullable().optional(),
        supplierInvoiceNo: z.string().max(60).nullable().optional(),
        supplierInvoiceAmount: decimalText.nullable().optional(),
        exportDate: isoDay.nullable().optional(),
      })
      .strict(),
    result: result<readonly StockMove[]>(),
    mutates: true,
  },
  'stock.moves.reverse': {
    input: z.object({ moveId: id, reason: z.string().min(1).max(200) }).strict(),
    result: result<readonly StockMove[]>(),
    mutates: true,
  },
  'stock.moves.list': {
    input: z
      .object({
        skuId: id.optional(),
        warehouseId: id.optional(),
        ...pageFields(200),
      })
      .strict(),
    result: result<Page<StockMove>>(),
    mutates: false,
  },
  'stock.shipments.create': {
    input: z
      .object({
        bookingNoteNo: z.string().min(1).max(60),
        carrier: z.string().max(100),
        cartons: z.number().int().min(0),
        shipDate: isoDay,
        eta: isoDay.nullable(),
        fromWarehouseId: id,
        toWarehouseId: id,
        allocationBasis: z.enum(ALLOCATION_BASES),
        lines: z
          .array(z.object({ skuId: id, quantity: z.number().int().min(1) }).strict())
          .min(1)
          .max(100),
      })
      .strict(),
    result: result<Shipment>(),
    mutates: true,
  },
  'stock.shipments.receive': {
    input: z
      .object({
        shipmentId: id,
        date: isoDay,
        lines: z
          .array(
            z
              .object({
                skuId: id,
                received: z.number().int().min(0),
                discrepancyReason: z.string().max(200).nullable().optional(),
              })
              .strict(),
          )
          .min(1),
      })
      .strict(),
    result: result<Shipment>(),
    mutates: true,
  },
  'stock.shipments.addCost': {
    input: z
      .object({
        shipmentId: id,
        kind: z.enum(LANDED_COST_KINDS),
        date: isoDay,
        amount: decimalText,
        currency: z.enum(CURRENCIES),
        rate: decimalText.nullable().optional(),
      })
      .strict(),
    result: result<Shipment>(),
    mutates: true,
  },
  'stock.shipments.list': {
    input: z.object({ status: z.enum(['inTransit', 'received']).optional() }).strict(),
    result: result<readonly Shipment[]>(),
    mutates: false,
  },
  'stock.onHand': {
    // limit/cursor (optional): keyset pages in (sku, warehouse) order; without limit every position is returned.
    input: z
      .object({
        asOf: isoDay.optional(),
        skuId: id.optional(),
        warehouseId: id.optional(),
        ...pageFields(200, 5000),
      })
      .strict(),
    result: result<{
      readonly asOf: string;
      readonly items: readonly StockPosition[];
      readonly nextCursor?: string | null;
    }>(),
    mutates: false,
  },
  'stock.valuation': {
    input: asOfInput,
    result: result<{
      readonly asOf: string;
      readonly method: 'fifo' | 'movingAverage';
      readonly items: readonly StockPosition[];
      readonly total: { readonly quantity: number; readonly value: Minor };
    }>(),
    mutates: false,
  },
  'stock.ageing': {
    input: asOfInput,
    result: result<readonly AgeingRow[]>(),
    mutates: false,
  },
  'stock.reorderHints': {
    input: asOfInput,
    result: result<readonly ReorderHint[]>(),
    mutates: false,
  },
  'stock.postSales': {
    input: z.object({ from: isoDay.optional(), to: isoDay.optional() }).strict(),
    result: result<{
      readonly posted: number;
      readonly skipped: ReadonlyArray<{ readonly orderNo: string; readonly sku: string; readonly code: string }>;
    }>(),
    mutates: true,
  },
  'stock.import': {
    input: z
      .object({
        ...fileFields(MAX_IMPORT_BASE64),
        source: z.enum(['stock-moves', 'fba-inventory', 'stock-count']),
        warehouseId: id.nullable().optional(),
        createMissing: z.boolean().optional(),
        dryRun: z.boolean().optional(),
        // rejected rows make the whole file write nothing unless the user chose "import the valid rows"
        acceptValidRows: z.boolean().optional(),
        // --create-missing: the kind and country the user gave for warehouse codes the file does not describe
        warehouseKinds: z
          .record(
            z.string().min(1).max(60),
            z.object({ kind: z.enum(WAREHOUSE_KINDS), country: z.string().length(2).nullable().optional() }).strict(),
          )
          .optional(),
      })
      .strict(),
    result: result<StockImportSummary>(),
    mutates: true,
    maxBodyBytes: MAX_IMPORT_BASE64 + 64 * 1024,
  },
  'settings.setValuationMethod': {
    input: z.object({ method: z.enum(['fifo', 'movingAverage']) }).strict(),
    result: result<{ readonly method: 'fifo' | 'movingAverage' }>(),
    mutates: true,
  },
} as const;
