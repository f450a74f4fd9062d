/**
 * The `BaseTransfer` block of every sent CEB message, from the company profile: copCode = the
 * 10-character customs code, copName, dxpMode DXP, dxpId (issued by the e-port data centre;
 * required here, `customs.field.required` {field: 'dxpId'} when the profile has none).
 */
import type { CompanyProfile } from '../company/company-profile.ts';
import { requiredText } from './ceb-fields.ts';
import type { CebElement } from './ceb-xml.ts';

export function baseTransfer(company: CompanyProfile): CebElement {
  return [
    'BaseTransfer',
    [
      ['copCode', requiredText('copCode', company.customsCode, 18)],
      ['copName', requiredText('copName', company.name, 100)],
      ['dxpMode', 'DXP'],
      ['dxpId', requiredText('dxpId', company.dxpId, 30)],
    ],
  ];
}
