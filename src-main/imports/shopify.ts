/**
 * Shopify orders CSV → orders. Rows repeat `Name`; order-level columns (Financial Status,
 * Currency, Shipping, Taxes, Discount Amount, Refunded Amount, Created at…) are read from the
 * order's first row only. Line amount = Lineitem quantity × Lineitem price; Lineitem discount
 * stays on its line and the order keeps only the rest of `Discount Amount` (shipping or order
 * discounts not allocated to lines), so nothing is counted twice. `Taxes` is on top when
 * Subtotal + Shipping + Taxes = Total, and included in prices when Subtotal + Shipping = Total
 * (a shop set to "All prices include tax", as EU and UK shops are): then `Taxes` is the VAT inside
 * the goods and the shipping, split for the declaration (issue 15) into each taxable line's
 * `includedTax` (`Lineitem taxable` false: none) and the shipping's `includedShippingTax` (on the
 * first line with a quantity, as the shipping is the order's): with one rate named in `Tax 1..5 Name` ('DE MwSt
 * 19%') the goods' part is the VAT inside what the buyer paid for the taxable goods at that rate and
 * the shipping takes the rest of the stated Taxes (at most the shipping); with several rates or none
 * named, Taxes is split by amount between goods and shipping. The file's own Taxes total is kept
 * exactly either way.
 * Financial Status is the platform status (voided = cancelled); a Cancelled at date does not
 * change it — a paid order cancelled later shows as refunded, as Shopify reports it. Lineitem
 * quantity 0 (an item removed by an order edit) is accepted. Extra item rows leave Currency
 * blank and take the order's; when the order's own currency cannot be read, they are
 * `import.row.orderHasErrors`, not a missing value of their own. `Total` is kept as the order's
 * stated total, which the import compares with its parts (`import.order.totalMismatch`).
 */
import { type Currency, type Minor, multiplyByQuantity } from '../core/money/index.ts';
import type { ImportedOrder } from '../core/orders/order.ts';
import { currencyFromText } from './currency-from-text.ts';
import { allocateMinor, percentIn, taxInside } from './allocate-minor.ts';
import { type Column, type FieldReader, RowFailure, checkSameCurrency, ZERO, goodsLines } from './field-reader.ts';
import { findColumns } from './find-columns.ts';
import type { FormatOptions, FormatResult } from './format-parser.ts';
import { groupOrders, type OrderRows } from './group-orders.ts';
import { lineKeys } from './line-keys.ts';
import { detectDayFirst } from './parse-dates.ts';
import type { Table } from './read-table.ts';
import { sumMinor } from './sum-minor.ts';

const REQUIRED = {
  name: ['name'],
  financialStatus: ['financial status'],
  createdAt: ['created at'],
  quantity: ['lineitem quantity'],
  price: ['lineitem price'],
};
const OPTIONAL = {
  currency: ['currency'],
  subtotal: ['subtotal'],
  shipping: ['shipping'],
  taxes: ['taxes'],
  total: ['total'],
  discountAmount: ['discount amount'],
  itemName: ['lineitem name'],
  sku: ['lineitem sku'],
  lineDiscount: ['lineitem discount'],
  refunded: ['refunded amount'],
  shippingCountry: ['shipping country'],
  billingCountry: ['billing country'],
  source: ['source'],
  lineTaxable: ['lineitem taxable'],
  tax1Name: ['tax 1 name'],
  tax2Name: ['tax 2 name'],
  tax3Name: ['tax 3 name'],
  tax4Name: ['tax 4 name'],
  tax5Name: ['tax 5 name'],
};

interface ShopifyRow {
  readonly status: string | null;
  readonly createdAt: string | null;
  readonly currency: Currency;
  readonly subtotal: Minor | null;
  readonly total: Minor | null;
  readonly shipping: Minor;
  readonly taxes: Minor;
  readonly discountAmount: Minor;
  readonly refunded: Minor;
  readonly country: string | null;
  readonly source: string | null;
  readonly sku: string;
  readonly itemName: string;
  readonly quantity: number;
  readonly unitPrice: Minor;
  readonly lineTotal: Minor;
  readonly lineDiscount: Minor;
  /** False only where the file says `Lineitem taxable` false. */
  readonly taxable: boolean;
  /** The tax names the order states (Tax 1..5 Name), on its first row. */
  readonly taxNames: readonly string[];
}

export function parseShopify(table: Table, options: FormatOptions): FormatResult {
  const cols = findColumns(table, 'shopify', REQUIRED, OPTIONAL);
  const dayFirst = detectDayFirst(table.rows.map((r) => r[cols.createdAt.index] ?? ''));
  const currencyColumn: Column = cols.currency ?? { index: -1, header: 'Currency' };
  // continuation rows leave Currency blank: take it from the order's first row that has one
  const orderCurrency = new Map<string, Currency | null>();
  if (cols.currency !== null) {
    for (const r of table.rows) {
      const name = (r[cols.name.index] ?? '').trim();
      const text = (r[cols.currency.index] ?? '').trim();
      // the first Currency the order states decides; an unreadable one (null) makes its item rows orderHasErrors
      if (text !== '' && !orderCurrency.has(name)) orderCurrency.set(name, currencyFromText(text));
    }
  }
  const optionalAmount = (f: FieldReader, col: Column | null, currency: Currency): Minor | null =>
    f.text(col) === '' ? null : f.amount(col, currency);

  const readRow = (f: FieldReader, orderNo: string): ShopifyRow => {
    const stated = f.currency(cols.currency);
    if (stated === null && orderCurrency.get(orderNo) === null) f.fail(null, 'import.row.orderHasErrors', { orderNo });
    const currency =
      stated ??
      orderCurrency.get(orderNo) ??
      options.defaultCurrency ??
      f.fail(currencyColumn, 'import.row.missingValue');
    const quantity = f.quantity(cols.quantity, true);
    const unitPrice = f.amount(cols.price, currency);
    return {
      status: f.text(cols.financialStatus) === '' ? null : f.status(cols.financialStatus),
      createdAt: f.text(cols.createdAt) === '' ? null : f.date(cols.createdAt, dayFirst),
      currency,
      subtotal: optionalAmount(f, cols.subtotal, currency),
      total: optionalAmount(f, cols.total, currency),
      shipping: f.amount(cols.shipping, currency),
      taxes: f.amount(cols.taxes, currency),
      discountAmount: f.magnitude(cols.discountAmount, currency),
      refunded: f.magnitude(cols.refunded, currency),
      country: f.country(cols.shippingCountry) ?? f.country(cols.billingCountry),
      source: f.text(cols.source) || null,
      sku: f.text(cols.sku),
      itemName: f.text(cols.itemName),
      quantity,
      unitPrice,
      lineTotal: multiplyByQuantity({ amount: unitPrice, currency }, quantity).amount,
      lineDiscount: f.magnitude(cols.lineDiscount, currency),
      taxable: f.text(cols.lineTaxable).toLowerCase() !== 'false',
      taxNames: [cols.tax1Name, cols.tax2Name, cols.tax3Name, cols.tax4Name, cols.tax5Name]
        .map((c) => f.text(c))
        .filter((t) => t !== ''),
    };
  };

  const buildOrder = (orderNo: string, rows: OrderRows<ShopifyRow>): ImportedOrder => {
    const head = rows[0].value;
    const headRow = rows[0].row;
    const missing = (col: Column): never => {
      throw new RowFailure({
        row: headRow,
        column: col.header,
        code: 'import.row.missingValue',
        params: { column: col.header },
      });
    };
    const status = head.status ?? missing(cols.financialStatus);
    const createdAt = head.createdAt ?? missing(cols.createdAt);
    const currency = head.currency;
    checkSameCurrency(rows, currencyColumn, currency);
    const lineDiscounts = sumMinor(
      rows.map((r) => r.value.lineDiscount),
      currency,
    );
    const orderDiscount =
      head.discountAmount > lineDiscounts ? sumMinor([head.discountAmount, -lineDiscounts as Minor], currency) : ZERO;
    let taxOnTop = head.taxes;
    if (head.subtotal !== null && head.total !== null && head.taxes !== 0) {
      const withoutTax = sumMinor([head.subtotal, head.shipping], currency);
      if (withoutTax === head.total && sumMinor([withoutTax, head.taxes], currency) !== head.total) taxOnTop = ZERO;
    }
    const inside = taxOnTop === ZERO && head.taxes > 0 ? includedTaxes(rows, head, orderDiscount, currency) : null;
    // the shipping VAT rides on the first line that is still there (an edited-out line has quantity 0)
    const shippingLine = Math.max(
      0,
      rows.findIndex((r) => r.value.quantity > 0),
    );
    const keys = lineKeys(rows.map((r) => r.value.sku || r.value.itemName));
    return {
      platform: 'shopify',
      orderNo,
      platformStatus: status,
      salesChannel: head.source,
      orderedAt: createdAt,
      buyerCountry: head.country,
      currency,
      fulfilment: null,
      shipping: head.shipping,
      discount: orderDiscount,
      taxOnTop,
      refunded: head.refunded,
      lines: goodsLines(rows, keys, (v) => ({ discount: v.lineDiscount })).map((l, i) =>
        inside === null
          ? l
          : {
              ...l,
              ...(inside.lines[i] ? { includedTax: inside.lines[i] } : {}),
              ...(i === shippingLine && inside.shipping ? { includedShippingTax: inside.shipping } : {}),
            },
      ),
      fees: [],
      sourceRows: rows.map((r) => r.row),
      shopName: null,
      statedTotal: head.total,
    };
  };

  return groupOrders(table, { orderNo: cols.name, readRow, buildOrder }, options);
}

/**
 * The stated Taxes of a tax-inclusive order split into the VAT inside each taxable line and inside
 * the shipping: by the one rate the tax names state, else by amount; exact, adding up to Taxes.
 */
function includedTaxes(
  rows: OrderRows<ShopifyRow>,
  head: ShopifyRow,
  orderDiscount: Minor,
  currency: Currency,
): { lines: Minor[]; shipping: Minor } {
  const paid = rows.map((r) =>
    r.value.taxable ? Math.max(0, sumMinor([r.value.lineTotal, -r.value.lineDiscount as Minor], currency)) : 0,
  );
  const goodsPaid = Math.max(0, paid.reduce((t, x) => t + x, 0) - orderDiscount) as Minor;
  const rates = new Map<string, NonNullable<ReturnType<typeof percentIn>>>();
  for (const name of head.taxNames) {
    const rate = percentIn(name);
    if (rate !== null) rates.set(`${rate.points}/${rate.scale}`, rate);
  }
  const rate = rates.size === 1 ? [...rates.values()][0]! : null;
  let shipping: Minor;
  if (head.shipping <= 0) shipping = ZERO;
  else if (rate !== null)
    shipping = Math.min(head.shipping, Math.max(0, head.taxes - taxInside(goodsPaid, rate))) as Minor;
  else shipping = allocateMinor(head.taxes, [goodsPaid, head.shipping])[1]!;
  const goods = sumMinor([head.taxes, -shipping as Minor], currency);
  return { lines: allocateMinor(goods, paid), shipping };
}
