/**
 * Commands of the company area: the profile (every save kept), settings and the shops.
 * Spread into the aggregate contract (api/contract.ts); the renderer only `import type`s these.
 */
import { z } from 'zod';
import { PILOT_ZONES, type CompanyProfile } from '../../core/company/company-profile.ts';
import { CURRENCIES } from '../../core/money/currency.ts';
import { PLATFORMS, type Platform } from '../../core/orders/order.ts';
import { empty, id, result } from '../contract-kit.ts';

export const LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Settings {
  readonly language: Language;
}

export interface CompanyRecord extends CompanyProfile {
  /** Increments on each save; older versions stay in the file (nothing is overwritten). */
  readonly version: number;
  readonly savedAt: string;
}

export interface Shop {
  readonly id: number;
  readonly platform: Platform;
  readonly name: string;
  /** Marketplace / site, e.g. 'Amazon.com', 'amazon.co.jp', 'shopee.com.my'. */
  readonly site: string | null;
  readonly currency: string;
  /** IANA zone the platform's local times are read in, e.g. 'America/Los_Angeles'. */
  readonly timeZone: string;
}

const text = (max: number) => z.string().max(max);

export const companySaveInput = z
  .object({
    name: text(400),
    uscc: text(64),
    customsCode: text(64),
    dxpId: text(64).nullable().optional(),
    pilotZone: z.enum(PILOT_ZONES),
    baseCurrency: z.literal('CNY'),
  })
  .strict();

export const companyContract = {
  'company.get': { input: empty, result: result<CompanyRecord | null>(), mutates: false },
  'company.save': { input: companySaveInput, result: result<CompanyRecord>(), mutates: true },
  'settings.get': { input: empty, result: result<Settings>(), mutates: false },
  'settings.setLanguage': {
    input: z.object({ language: z.enum(LANGUAGES) }).strict(),
    result: result<Settings>(),
    mutates: true,
  },
  'shops.list': { input: empty, result: result<readonly Shop[]>(), mutates: false },
  'shops.save': {
    input: z
      .object({
        id: id.optional(),
        platform: z.enum(PLATFORMS),
        name: z.string().min(1).max(100),
        site: z.string().max(100).nullable(),
        currency: z.enum(CURRENCIES),
        timeZone: z.string().min(1).max(64),
      })
      .strict(),
    result: result<Shop>(),
    mutates: true,
  },
} as const;
