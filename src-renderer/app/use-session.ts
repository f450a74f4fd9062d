/**
 * useSession: the start of a session, from two queries — `settings.get` (its language is applied
 * before the first screen shows, and again when another window changes it), then `company.get`
 * (none yet → the first-run screen). The phase is derived, never stored: booting → bootFailed
 * (with the reason and a retry) | firstRun | ready; saving the company (here or in another
 * window) moves first run on, since `ledger.changed` reads the company again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CompanyRecord, ErrorInfo } from '../../src-main/api/contract.ts';
import { applyLanguage } from '../i18n/index.ts';
import { useQuery } from './use-query.ts';

export type Phase = 'booting' | 'bootFailed' | 'firstRun' | 'ready';

export interface Session {
  readonly phase: Phase;
  readonly bootError: ErrorInfo | null;
  readonly retry: () => void;
}

/** The company the ledger belongs to (null before first run ends); shared with the session's own read. */
export function useCompany(): CompanyRecord | null {
  return useQuery('company.get', {}).data ?? null;
}

export function useSession(): Session {
  const settings = useQuery('settings.get', {});
  // Asked only once the settings arrived, as before: a ledger that cannot be opened says so once.
  const company = useQuery('company.get', settings.data ? {} : null);
  const language = settings.data?.language;
  const [languageApplied, setLanguageApplied] = useState(false);

  useEffect(() => {
    if (language === undefined) return undefined;
    let live = true;
    void applyLanguage(language).then(() => {
      if (live) setLanguageApplied(true);
    });
    return () => {
      live = false;
    };
  }, [language]);

  const retry = useCallback(() => {
    settings.refetch();
    company.refetch();
  }, [settings.refetch, company.refetch]);

  let phase: Phase = 'booting';
  let bootError: ErrorInfo | null = null;
  if (settings.data === undefined) {
    if (settings.error && !settings.loading) [phase, bootError] = ['bootFailed', settings.error];
  } else if (company.data === undefined) {
    if (company.error && !company.loading) [phase, bootError] = ['bootFailed', company.error];
  } else if (languageApplied) {
    phase = company.data === null ? 'firstRun' : 'ready';
  }
  return { phase, bootError, retry };
}
