/**
 * Settlement feature: the forex / settlement page — payouts and their import, the netting
 * statement with the evidence pack export, rates, receivables ageing, FX gain/loss, bank
 * receipts and conversion, 代垫 advances, the USD 200k threshold and the trial balance.
 * Other modules import only from this file.
 */
export { SettlementPage } from './SettlementPage.tsx';
/** Saving a host-built file (base64) as a download; also used by the reports screen. */
export { base64ToBytes, downloadBase64 } from './download-base64.ts';
