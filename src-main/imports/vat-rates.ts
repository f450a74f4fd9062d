/**
 * Standard VAT / GST / consumption-tax rates (percent, as of 2026) of the destinations whose
 * marketplaces collect the tax inside the prices (issue 15, point 3). Used only where an export
 * states no tax for such an order: the tax inside its prices is then computed at this rate and
 * the order is marked (`computedTax`, warning `import.order.taxComputed`). Reduced rates (food,
 * books, children's clothes) are not known from an order file: a computed tax is an estimate.
 */
export const STANDARD_TAX_PERCENT: Readonly<Record<string, string>> = {
  GB: '20',
  IE: '23',
  DE: '19',
  FR: '20',
  IT: '22',
  ES: '21',
  NL: '21',
  BE: '21',
  AT: '20',
  PL: '23',
  SE: '25',
  JP: '10',
  AU: '10',
  SG: '9',
  AE: '5',
  SA: '15',
  MX: '16',
};

/** The country of an Amazon sales channel ('Amazon.co.uk' → GB, 'Amazon.com.mx' → MX); null for amazon.com and Non-Amazon. */
export function amazonChannelCountry(salesChannel: string): string | null {
  const m = /^amazon\.(?:com?\.)?([a-z]{2})$/.exec(salesChannel.trim().toLowerCase());
  if (m === null) return null;
  return m[1] === 'uk' ? 'GB' : m[1]!.toUpperCase();
}
