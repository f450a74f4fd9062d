/**
 * Amazon marketplaces by sales-channel / marketplace-name: their currency (Pending rows leave
 * the currency column empty) and whether tax is listed on top of prices. Only the US and Canada
 * add sales tax / GST on top; UK, EU, JP, AU, MX, BR… prices include VAT, so there item-tax is
 * the VAT inside item-price, not an amount on top.
 */
import type { Currency } from '../core/money/index.ts';

export interface AmazonMarketplace {
  readonly currency: Currency;
  readonly taxOnTop: boolean;
}

const MARKETPLACES: Readonly<Record<string, AmazonMarketplace>> = {
  'amazon.com': { currency: 'USD', taxOnTop: true },
  'amazon.ca': { currency: 'CAD', taxOnTop: true },
  'amazon.com.mx': { currency: 'MXN', taxOnTop: false },
  'amazon.com.br': { currency: 'BRL', taxOnTop: false },
  'amazon.co.uk': { currency: 'GBP', taxOnTop: false },
  'amazon.de': { currency: 'EUR', taxOnTop: false },
  'amazon.fr': { currency: 'EUR', taxOnTop: false },
  'amazon.it': { currency: 'EUR', taxOnTop: false },
  'amazon.es': { currency: 'EUR', taxOnTop: false },
  'amazon.nl': { currency: 'EUR', taxOnTop: false },
  'amazon.com.be': { currency: 'EUR', taxOnTop: false },
  'amazon.ie': { currency: 'EUR', taxOnTop: false },
  'amazon.se': { currency: 'SEK', taxOnTop: false },
  'amazon.pl': { currency: 'PLN', taxOnTop: false },
  'amazon.co.jp': { currency: 'JPY', taxOnTop: false },
  'amazon.com.au': { currency: 'AUD', taxOnTop: false },
  'amazon.sg': { currency: 'SGD', taxOnTop: false },
  'amazon.ae': { currency: 'AED', taxOnTop: false },
  'amazon.sa': { currency: 'SAR', taxOnTop: false },
};

export function amazonMarketplace(salesChannel: string): AmazonMarketplace | null {
  return MARKETPLACES[salesChannel.trim().toLowerCase()] ?? null;
}

/** Tax on top for a row: by marketplace; for Non-Amazon or unknown channels, by currency (USD, CAD). */
export function amazonTaxOnTop(salesChannel: string, currency: Currency): boolean {
  return amazonMarketplace(salesChannel)?.taxOnTop ?? (currency === 'USD' || currency === 'CAD');
}
