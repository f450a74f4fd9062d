/**
 * The company form's editable values, their conversion to the `company.save` input, and the
 * few instant checks the form makes before sending. The server is the authority (it also
 * checks the USCC check digit and the character sets); these checks only catch empty and
 * wrong-length fields early, with exactly the codes the core would return.
 */
import type { CommandInput, CompanyRecord } from '../../../src-main/api/contract.ts';
import type { PilotZone } from './pilot-zones.ts';

export interface CompanyFormValues {
  readonly name: string;
  readonly uscc: string;
  readonly customsCode: string;
  readonly dxpId: string;
  readonly pilotZone: PilotZone | '';
}

export type CompanyField = keyof CompanyFormValues | 'baseCurrency';
export const COMPANY_FIELDS: readonly CompanyField[] = [
  'name',
  'uscc',
  'customsCode',
  'dxpId',
  'pilotZone',
  'baseCurrency',
];
export type CompanyFieldErrors = Partial<Record<CompanyField, string>>;

const USCC_LENGTH = 18;
const CUSTOMS_CODE_LENGTH = 10;

export function valuesFrom(record: CompanyRecord | null): CompanyFormValues {
  return {
    name: record?.name ?? '',
    uscc: record?.uscc ?? '',
    customsCode: record?.customsCode ?? '',
    dxpId: record?.dxpId ?? '',
    pilotZone: record?.pilotZone ?? '',
  };
}

export function isCompanyField(key: string): key is CompanyField {
  return (COMPANY_FIELDS as readonly string[]).includes(key);
}

/** Check of one field as the user leaves it: only a non-empty value of the wrong length. */
export function checkFieldOnBlur(field: CompanyField, values: CompanyFormValues): string | null {
  if (field === 'uscc') {
    const v = values.uscc.trim();
    return v.length > 0 && v.length !== USCC_LENGTH ? 'company.uscc.length' : null;
  }
  if (field === 'customsCode') {
    const v = values.customsCode.trim();
    return v.length > 0 && v.length !== CUSTOMS_CODE_LENGTH ? 'company.customsCode.length' : null;
  }
  return null;
}

/** Checks before sending; an empty result means "send it and let the server decide". */
export function precheckCompany(values: CompanyFormValues): CompanyFieldErrors {
  const errors: CompanyFieldErrors = {};
  if (values.name.trim().length === 0) errors.name = 'company.name.required';
  if (values.uscc.trim().length === 0) errors.uscc = 'company.uscc.required';
  else if (values.uscc.trim().length !== USCC_LENGTH) errors.uscc = 'company.uscc.length';
  if (values.customsCode.trim().length === 0) errors.customsCode = 'company.customsCode.required';
  else if (values.customsCode.trim().length !== CUSTOMS_CODE_LENGTH) errors.customsCode = 'company.customsCode.length';
  if (values.pilotZone === '') errors.pilotZone = 'company.pilotZone.unknown';
  return errors;
}

/** The `company.save` input; only valid after `precheckCompany` found nothing. */
export function toSaveInput(values: CompanyFormValues, pilotZone: PilotZone): CommandInput<'company.save'> {
  const dxpId = values.dxpId.trim();
  return {
    name: values.name,
    uscc: values.uscc,
    customsCode: values.customsCode,
    dxpId: dxpId.length > 0 ? dxpId : null,
    pilotZone,
    baseCurrency: 'CNY',
  };
}
