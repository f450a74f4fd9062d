/**
 * The company profile: who the workspace belongs to. Its identifiers end up in every
 * customs message (BaseTransfer) and on every printout, so they are validated here,
 * field by field, and an invalid profile is never returned. Errors are codes per field.
 */
import { DomainError, type FieldErrors } from '../domain-error.ts';
import { validateUscc } from './uscc.ts';

/** Pilot zones (跨境电商综合试验区) the product knows; `other` for any zone not listed yet. */
export const PILOT_ZONES = [
  'zhuzhou',
  'zhengzhou',
  'chongqing',
  'longyan',
  'honghe',
  'hangzhou',
  'shenzhen',
  'guangzhou',
  'ningbo',
  'xiamen',
  'other',
] as const;
export type PilotZone = (typeof PILOT_ZONES)[number];

export interface CompanyProfileInput {
  readonly name: string;
  readonly uscc: string;
  readonly customsCode: string;
  readonly dxpId?: string | null | undefined;
  readonly pilotZone: string;
  readonly baseCurrency: string;
}

export interface CompanyProfile {
  readonly name: string;
  readonly uscc: string;
  readonly customsCode: string;
  readonly dxpId: string | null;
  readonly pilotZone: PilotZone;
  readonly baseCurrency: 'CNY';
}

export const COMPANY_NAME_MAX = 100;

/** Normalises (trim, upper-case codes) and validates; throws `validation.failed` with per-field codes. */
export function validateCompanyProfile(input: CompanyProfileInput): CompanyProfile {
  const fields: FieldErrors = {};
  const name = input.name.trim();
  const uscc = input.uscc.trim().toUpperCase();
  const customsCode = input.customsCode.trim().toUpperCase();
  const dxpRaw = (input.dxpId ?? '').trim().toUpperCase();

  if (name.length === 0) fields.name = 'company.name.required';
  else if ([...name].length > COMPANY_NAME_MAX) fields.name = 'company.name.tooLong';

  if (uscc.length === 0) fields.uscc = 'company.uscc.required';
  else {
    const usccError = validateUscc(uscc);
    if (usccError) fields.uscc = usccError;
  }

  if (customsCode.length === 0) fields.customsCode = 'company.customsCode.required';
  else if (customsCode.length !== 10) fields.customsCode = 'company.customsCode.length';
  else if (!/^[0-9A-Z]{10}$/.test(customsCode)) fields.customsCode = 'company.customsCode.charset';

  if (dxpRaw.length > 0 && !/^[0-9A-Z]{1,16}$/.test(dxpRaw)) fields.dxpId = 'company.dxpId.format';

  if (!(PILOT_ZONES as readonly string[]).includes(input.pilotZone)) fields.pilotZone = 'company.pilotZone.unknown';
  if (input.baseCurrency !== 'CNY') fields.baseCurrency = 'company.baseCurrency.unsupported';

  if (Object.keys(fields).length > 0) throw new DomainError('validation.failed', {}, fields);
  return {
    name,
    uscc,
    customsCode,
    dxpId: dxpRaw.length > 0 ? dxpRaw : null,
    pilotZone: input.pilotZone as PilotZone,
    baseCurrency: 'CNY',
  };
}
