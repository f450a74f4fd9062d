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
export { COUNTRY_CUSTOMS_CODES, countryFromCustomsCode, countryToCustomsCode } from './country-codes.ts';
export { CEB_MAX_LINES, CEB_MAX_PER_MESSAGE, splitIntoMessages } from './split-into-messages.ts';
export { splitOrderLines, type CebOrderPart } from './split-order-lines.ts';
export { CEB_NAMESPACE, CEB_VERSION } from './ceb-xml.ts';
