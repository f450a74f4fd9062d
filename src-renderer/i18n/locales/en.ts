/**
 * English (en), kept as the i18next resource `en.json`. Typed against the zh-CN shape here: a
 * missing key fails to compile, an extra one fails the locales test. Chinese official identifiers
 * keep their Chinese name in brackets so users can match them to their business licence and
 * customs registration.
 */
import type { Translation } from '../translation.ts';
import resource from './en.json' with { type: 'json' };

export const en: Translation = resource;
