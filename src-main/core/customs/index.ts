/**
 * Public API of core/customs: pure CEB message builders (CEB303 order, CEB603 list), their
 * inputs, splitting (≤ 100 lines per document, ≤ 100 documents per message) and code tables.
 * No I/O, no clock, no randomness: time and ids come in as parameters.
 */
export { buildCeb303Messages, orderTypeFor, ORDER_TYPE_BY_MODE } from './build-ceb303.ts';
export { buildCeb603Messages } from './build-ceb603.ts';
export type { CebBuildContext, CebLineInput, CebOrderInput, CebSettings } from './ceb-input.ts';
export type { CebDocumentRef, CebMessage, CebMessageType } from './ceb-message.ts';
export { CEB_GUID_PATTERN, cebGuid, type IdSource } from './ceb-guid.ts';
export { formatAppTime, type Clock } from './app-time.ts';
export {
  convertedLegalQuantity,
  declaredLineValues,
  isRestricted,
  platformOf,
  podOf,
  statisticsFlagFor,
  toScaled,
  type MarketplaceLine,
} from './declared-values.ts';
export {
  isWorkingDay,
  planSummary,
  summaryDueDate,
  type SummaryGroup,
  type SummaryGroupKey,
  type SummaryListFacts,
  type SummaryPlan,
  type WorkCalendar,
} from './summary-plan.ts';
export { listFactsFromXml } from './list-facts.ts';
export {
  linkSalesToDeclarations,
  type DeclarationLinks,
  type DeclaredLine,
  type WarehouseSale,
} from './declaration-links.ts';
export {
  buildCeb213Message,
  buildCeb605Message,
  returnOriginalFromXml,
  returnWindowEnd,
  returnWindowOpen,
  type CebWithdrawalMessage,
  type ListCancellation,
  type ReturnApplication,
} from './build-cancel-return.ts';
export {
  B2B_LIST_LIMIT_FEN,
  declarationFormData,
  headHaulOrderInput,
  headHaulRoute,
  type DeclarationFormData,
  type HeadHaulReason,
  type HeadHaulShipment,
} from './head-haul.ts';
export { decimalToScaled, scaledToDecimal, sumDecimalTexts } from './decimal-text.ts';
export { defaultPortFor, isKnownCustomsOffice, lookupCode, type CodeKind } from './code-tables.ts';
export { COUNTRY_CUSTOMS_CODES, countryFromCustomsCode, countryToCustomsCode } from './country-codes.ts';
export { CEB_MAX_LINES, CEB_MAX_PER_MESSAGE, splitIntoMessages } from './split-into-messages.ts';
export { splitOrderLines, type CebOrderPart } from './split-order-lines.ts';
export { CEB_NAMESPACE, CEB_VERSION } from './ceb-xml.ts';
export {
  ANSWERS,
  isErrorStatus,
  parseReceipt,
  RECEIPT_TYPES,
  type ParsedReceipt,
  type ReceiptLineMapping,
  type ReceiptType,
} from './parse-receipt.ts';
export { buildReceiptMessage, type ReceiptExtras, type ReceiptInput } from './build-receipts.ts';
export { advances, isRebuildable, statusOfCode, statusRank } from './document-status.ts';
export { buildCeb403Messages } from './build-ceb403.ts';
export { buildCeb505Messages } from './build-ceb505.ts';
export { buildCeb701Message, type SummaryApplication } from './build-ceb701.ts';
export { lineNetGrams, orderFreight, orderGoodsValue, orderGrossGrams } from './order-totals.ts';
export { lineAmounts, type LineAmounts } from './line-amounts.ts';
export {
  documentFacts,
  EMPTY_RISK_RULES,
  matchDocuments,
  precheckOrders,
  type DocumentFacts,
  type Finding,
  type PrecheckLine,
  type PrecheckOrder,
  type PrecheckOutcome,
  type RiskRules,
} from './precheck.ts';
export { baseTransfer } from './base-transfer.ts';
export {
  assertContext,
  CEB_BUILDERS,
  CEB_ID_COUNT,
  contextFindings,
  findingOfError,
  orderBuildFindings,
  precheckForBuild,
  type BuiltType,
} from './build-rules.ts';
