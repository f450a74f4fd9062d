/** The reports area (issue 17): tax and bank printouts, read-only. Other areas, api/ and cli/ import it only through this file (or its contract.ts). */
export { createReportsHandlers } from './handlers.ts';
export { buildReport, reportFile, TAX_RULES } from './report-service.ts';
