/**
 * useHostQuery: runs one read command through the core client whenever its input (compared as
 * JSON) or the settlement revision changes, and keeps the latest answer or error. Answers that
 * arrive after the input changed again are dropped.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CommandInput, CommandName, CommandResult, ErrorInfo } from '../../../src-main/api/contract.ts';
import { call } from '../../app/core-client.ts';

export interface HostQuery<T> {
  readonly value: T | null;
  readonly error: ErrorInfo | null;
  readonly loading: boolean;
  readonly clearError: () => void;
}

export function useHostQuery<K extends CommandName>(name: K, input: CommandInput<K> | null, revision: number): HostQuery<CommandResult<K>> {
  const [value, setValue] = useState<CommandResult<K> | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [loading, setLoading] = useState(false);
  const key = input === null ? null : JSON.stringify(input);

  useEffect(() => {
    if (key === null) {
      setValue(null);
      return undefined;
    }
    let live = true;
    setLoading(true);
    void call(name, JSON.parse(key) as CommandInput<K>).then((r) => {
      if (!live) return;
      setLoading(false);
      if (r.ok) {
        setValue(r.value);
        setError(null);
      } else {
        setValue(null);
        setError(r.error);
      }
    });
    return () => {
      live = false;
    };
  }, [name, key, revision]);

  const clearError = useCallback(() => setError(null), []);
  return { value, error, loading, clearError };
}
