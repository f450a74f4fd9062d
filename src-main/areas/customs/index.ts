/** The customs area: CEB messages, pre-check, receipts, summary declarations. Other areas, api/ and cli/ import it only through this file (or its contract.ts). */
export { createCustomsHandlers } from './handlers.ts';
export { markMessagesSent, recordReceipts } from './customs-store.ts';
export { runCustomsBuild, validateCebMany } from './customs-cli-service.ts';
export { orderIdsByNumber } from './order-numbers.ts';
export { buildHeadHaul, headHaulLinks, type HeadHaulLinks, type HeadHaulResult } from './customs-head-haul.ts';
export { declarationFormJson, declarationFormXlsx } from './declaration-form-file.ts';
