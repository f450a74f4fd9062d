/**
 * Public API of the money module: currencies (ISO 4217 + customs codes) and exact
 * integer minor-unit Money arithmetic. Import from here, not from the files below.
 */
export {
  CURRENCIES,
  CURRENCY_TABLE,
  ISO_4217_PUBLISHED,
  type Currency,
  type CurrencyInfo,
  isCurrency,
  parseCurrency,
  minorDigits,
  currencyToCustomsCode,
  currencyFromCustomsCode,
} from './currency.ts';
export {
  type Minor,
  type Money,
  minor,
  money,
  parseDecimal,
  formatDecimal,
  addMoney,
  subtractMoney,
  negate,
  sumMoney,
  sumMinor,
  addMinor,
  multiplyByQuantity,
  allocate,
  allocateEvenly,
  convert,
  compareMoney,
  isZero,
} from './minor.ts';
