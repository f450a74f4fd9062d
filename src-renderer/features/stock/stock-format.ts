/**
 * Formatting shared by the stock views: CNY fen through the one money formatter, quantities
 * with the display language's grouping, calendar days (YYYY-MM-DD) as dates, and the names of
 * SKUs and warehouses the host refers to by code.
 */
import { useTranslation } from 'react-i18next';
import type { SkuRecord, Warehouse } from '../../../src-main/api/contract.ts';
import { formatDay } from '../../ui/format-date-time.ts';
import { formatMoney } from '../../ui/format-money.ts';
import { formatNumber } from '../../ui/format-number.ts';

export interface StockFormatters {
  /** CNY fen → '¥1,234.56'. */
  readonly money: (fen: number) => string;
  readonly quantity: (n: number) => string;
  /** '2026-03-05' → the date in the display language (local noon, so no zone shifts the day). */
  readonly day: (iso: string) => string;
}

export function useStockFormatters(): StockFormatters {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    money: (fen) => formatMoney(fen, 'CNY', locale),
    quantity: (n) => formatNumber(n, locale, 0),
    day: (iso) => formatDay(iso, locale),
  };
}

/** The warehouse a position or move names (by code, or by name for older answers). */
export function findWarehouse(warehouses: readonly Warehouse[] | null, ref: string): Warehouse | undefined {
  return warehouses?.find((w) => w.code === ref) ?? warehouses?.find((w) => w.name === ref);
}

export function warehouseLabel(w: Warehouse): string {
  return w.name === w.code ? w.code : `${w.name} (${w.code})`;
}

export function findSku(skus: readonly SkuRecord[] | null, itemNo: string): SkuRecord | undefined {
  return skus?.find((s) => s.itemNo === itemNo);
}
