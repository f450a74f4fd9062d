/**
 * Traditional Chinese (zh-TW), in Taiwan usage (設定, 儲存, 檔案, 連線, 資料, 帳), kept as the
 * i18next resource `zh-TW.json`. Typed against the zh-CN shape here: a missing key fails to
 * compile, an extra one fails the locales test. PRC-specific terms (統一社會信用代碼, 海關註冊編碼,
 * 綜試區) keep their official names in Traditional script.
 */
import type { Translation } from '../translation.ts';
import resource from './zh-TW.json' with { type: 'json' };

export const zhTW: Translation = resource;
