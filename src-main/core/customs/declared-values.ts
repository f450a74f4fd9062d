/**
 * What a list declares, by the 2022 spec and the rules of issue 15: the platform of the order's
 * shop (ebpCode/ebpName), the destination port per country, statisticsFlag per list by mode and
 * the user's choice, legal quantities converted from the sales unit, and the declared value as
 * the transaction price (商品实际成交价: after seller-funded promotions, without taxes collected
 * for the destination). Exact integer arithmetic throughout.
 */
import { DomainError } from '../domain-error.ts';
import type { Minor } from '../money/minor.ts';
import type { CustomsMode } from '../orders/order.ts';
import type { Sku } from '../stock/sku.ts';
import { scaledDecimal } from './ceb-fields.ts';
import type { CebOrderInput, CebSettings } from './ceb-input.ts';
import { defaultPortFor } from './code-tables.ts';

/** ebpCode/ebpName of an order: its shop's platform, else the workspace setting. */
export function platformOf(
  order: Pick<CebOrderInput, 'platform'>,
  settings: Pick<CebSettings, 'ebpCode' | 'ebpName'>,
): { ebpCode: string; ebpName: string } {
  return order.platform ?? { ebpCode: settings.ebpCode, ebpName: settings.ebpName };
}

/** POD: the list's (or shop's) port, else the workspace port for the country, else the country's own port code. */
export function podOf(
  order: Pick<CebOrderInput, 'pod' | 'destinationCountry'>,
  settings: Pick<CebSettings, 'podByCountry'>,
): string {
  if (order.pod) return order.pod;
  const byCountry = settings.podByCountry;
  if (byCountry && Object.hasOwn(byCountry, order.destinationCountry)) return byCountry[order.destinationCountry]!;
  return defaultPortFor(order.destinationCountry) ?? '';
}

/** A SKU needing a licence/inspection (监管条件) or bearing export duty (涉证/涉检/涉税). */
export function isRestricted(sku: Pick<Sku, 'supervisionConditions' | 'exportDutyRate'>): boolean {
  return (sku.supervisionConditions ?? '') !== '' || /[1-9]/.test(sku.exportDutyRate ?? '');
}

/**
 * statisticsFlag of a list: A (summary statistics, HS checked on its first 4 digits) only for
 * 9610 goods without licence, inspection or export duty, and only when the user does not choose B
 * (B for goods that will claim an export refund); 9710, 9810 and 1210 lists are B (declared in
 * the summary declaration, refunds use the declaration). An explicit A on restricted goods is refused.
 */
export function statisticsFlagFor(
  mode: CustomsMode,
  choice: 'A' | 'B' | null | undefined,
  workspaceDefault: 'A' | 'B',
  skus: ReadonlyArray<Pick<Sku, 'itemNo' | 'supervisionConditions' | 'exportDutyRate'>>,
): 'A' | 'B' {
  if (mode !== '9610') return 'B';
  const restricted = skus.find(isRestricted);
  if (choice === 'A' && restricted)
    throw new DomainError('customs.statisticsFlag.notAllowed', { mode, itemNo: restricted.itemNo });
  if (restricted) return 'B';
  return choice ?? workspaceDefault;
}

const SCALE = 100_000n;

/** decimal text (≤ 5 decimals) → integer at scale 10^5. */
export function toScaled(text: string): bigint {
  const [i = '0', f = ''] = text.split('.');
  return BigInt(i) * SCALE + BigInt(f.padEnd(5, '0').slice(0, 5));
}

/** quantity × per-unit legal quantity, as decimal(19,5) text; null when the SKU states no conversion. */
export function convertedLegalQuantity(
  field: string,
  quantity: number,
  perUnit: string | null | undefined,
): string | null {
  if (perUnit == null || perUnit === '') return null;
  return scaledDecimal(field, BigInt(quantity) * toScaled(perUnit), 5);
}

export interface MarketplaceLine {
  readonly quantity: number;
  /** Line goods amount as the file states it (Amazon item-price: the line total). */
  readonly lineTotal: Minor;
  /** Seller-funded promotion on the line (positive). */
  readonly discount: Minor;
  /** Destination tax inside lineTotal (UK/EU VAT: the file's item-tax); 0 when taxes are on top (US sales tax). */
  readonly includedTax: Minor;
}

/**
 * Declared per-line values: lineTotal − included tax − line promotion − the line's share of the
 * order-level seller discount (by net value, largest remainder, exact to the minor unit). The unit
 * price is stated to 5 decimals when the total divides by the quantity at that scale, else null
 * (the pre-check asks for it: qty × price must equal totalPrice).
 */
export function declaredLineValues(
  lines: readonly MarketplaceLine[],
  orderDiscount: Minor,
  minorDigits = 2,
): Array<{ total: Minor; unitPrice: string | null }> {
  const nets = lines.map((l) => BigInt(l.lineTotal) - BigInt(l.includedTax) - BigInt(l.discount));
  const base = nets.reduce((s, n) => s + (n > 0n ? n : 0n), 0n);
  const discount = BigInt(orderDiscount);
  const shares = nets.map((n) => (base === 0n || n <= 0n ? 0n : (discount * n) / base));
  let rest = discount - shares.reduce((s, x) => s + x, 0n);
  const order = nets
    .map((n, i) => ({ i, rem: base === 0n || n <= 0n ? -1n : (discount * n) % base }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const o of order) {
    if (rest <= 0n || o.rem < 0n) break;
    shares[o.i]! += 1n;
    rest -= 1n;
  }
  return lines.map((l, i) => {
    const total = nets[i]! - shares[i]!;
    if (total < 0n) throw new DomainError('customs.amount.negative', { field: 'totalPrice' });
    const q = BigInt(l.quantity);
    const scaled = total * 10n ** BigInt(5 - minorDigits);
    const unitPrice = q > 0n && scaled % q === 0n ? scaledDecimal('price', scaled / q, 5) : null;
    return { total: Number(total) as Minor, unitPrice };
  });
}
