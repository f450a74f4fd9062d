/** The settlement area: journal, rates, payouts, netting, forex. Other areas, api/ and cli/ import it only through this file (or its contract.ts). */
export { createSettlementHandlers } from './handlers.ts';
/** Read by the reports area (issue 17 point 1f: the netting statement and the bank evidence pack). */
export { nettingStatement } from './settlement-netting.ts';
export { buildEvidencePack } from './evidence-pack.ts';
/** Read by the dashboard area (issue 17 point 4): receivables by age in CNY as booked, from the day totals. */
export { receivablesAgeingBooked, type BookedAgeingRow } from './receivables-booked.ts';
