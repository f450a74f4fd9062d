/**
 * Simplified Chinese (zh-CN): the source of truth for every string the user sees, kept as the
 * i18next resource `zh-CN.json` (one nested object per screen or area: `orders`, `stockScreen`,
 * `customsDesk` …; error texts under `errors`). Its shape types the other locales and the i18next
 * `t()` keys. `errors.<code>` mirrors the stable error codes of the core, split on dots
 * (`company.uscc.checkDigit` → errors.company.uscc.checkDigit).
 */
import resource from './zh-CN.json' with { type: 'json' };

export const zhCN = resource;
