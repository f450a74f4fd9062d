/** The company area: profile, settings, shops. Other areas, api/ and cli/ import it only through this file (or its contract.ts). */
export { createCompanyHandlers, canonicalTimeZone, readSettings } from './handlers.ts';
export { appendCompany, latestCompany, type StoredCompany } from './company-store.ts';
/** The shop store whole: list, get, find, insert, update, the default shop of an import and its time zone. */
export * from './shop-store.ts';
/** Period close (issue 17 point 1g): write paths refuse changes dated in a closed month. */
export {
  assertMonthOpen,
  checkMonth,
  closedMonths,
  isMonthClosed,
  periodStates,
  recordPeriodEvent,
  type PeriodEvent,
  type PeriodState,
} from './period-store.ts';
