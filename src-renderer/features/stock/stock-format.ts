/**
 * Formatting shared by the stock views: CNY fen through the one money formatter, quantities
 * with the display language's grouping, calendar days (YYYY-MM-DD) as dates, and the names of
 * SKUs and warehouses the host refers to by code.
 */
import type { SkuRecord, Warehouse } from '../../../src-main/api/contract.ts';
import type { TableColumn, TKey } from '../../ui/ColumnTable.tsx';
import { useLocaleFormat } from '../../ui/use-locale-format.ts';

export interface StockFormatters {
  /** CNY fen → '¥1,234.56'. */
  readonly money: (fen: number) => string;
  readonly quantity: (n: number) => string;
  /** '2026-03-05' → the date in the display language (local noon, so no zone shifts the day). */
  readonly day: (iso: string) => string;
}

export function useStockFormatters(): StockFormatters {
  const { money, count, day } = useLocaleFormat();
  return { money: (fen) => money(fen, 'CNY'), quantity: count, day };
}

/** The warehouse a position or move names (by code, or by name for older answers). */
export function findWarehouse(warehouses: readonly Warehouse[] | null, ref: string): Warehouse | undefined {
  return warehouses?.find((w) => w.code === ref) ?? warehouses?.find((w) => w.name === ref);
}

export function warehouseLabel(w: Warehouse): string {
  return w.name === w.code ? w.code : `${w.name} (${w.code})`;
}

/** A warehouse reference as shown: the warehouse's label, or the reference when it is unknown. */
export function warehouseText(warehouses: readonly Warehouse[] | null, ref: string): string {
  const w = findWarehouse(warehouses, ref);
  return w ? warehouseLabel(w) : ref;
}

/** The SKU column of a stock table. */
export function skuColumn<T extends { readonly sku: string }>(): TableColumn<T> {
  return { head: 'stock.columns.sku', mono: true, cell: (r) => r.sku };
}

/** A column naming the warehouse in the row's field `key`. */
export function warehouseColumn<K extends string>(
  warehouses: readonly Warehouse[] | null,
  key: K,
  head: TKey = 'stock.columns.warehouse',
): TableColumn<{ readonly [k in K]: string }> {
  return { head, cell: (r) => warehouseText(warehouses, r[key]) };
}

export function findSku(skus: readonly SkuRecord[] | null, itemNo: string): SkuRecord | undefined {
  return skus?.find((s) => s.itemNo === itemNo);
}
