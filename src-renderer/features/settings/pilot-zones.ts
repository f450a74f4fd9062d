/**
 * The pilot zones (跨境电商综合试验区) the company form offers, in the core's order. A copy of
 * PILOT_ZONES in src-main/core/company/company-profile.ts: the renderer may only `import type`
 * from the contract, so the type comes through `CompanyRecord`; `satisfies` and the check
 * below fail to compile if the lists drift.
 */
import type { CompanyRecord } from '../../../src-main/api/contract.ts';

export type PilotZone = CompanyRecord['pilotZone'];

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
] as const satisfies readonly PilotZone[];

type MissingZone = Exclude<PilotZone, (typeof PILOT_ZONES)[number]>;
const everyZoneListed: [MissingZone] extends [never] ? true : never = true;
void everyZoneListed;

export function isPilotZone(value: string): value is PilotZone {
  return (PILOT_ZONES as readonly string[]).includes(value);
}
