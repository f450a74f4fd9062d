/**
 * useCommand: reads one query command through the core client, again whenever its input
 * (compared as JSON) or `revision` changes; keeps the last answer and the last error. Answers
 * that arrive after the input changed again are dropped. Shared by the customs, sync and
 * training screens (exported through the customs index).
 */
import { useCallback, useEffect, useState } from 'react';
import type { CommandInput, CommandName, CommandResult, ErrorInfo } from '../../../src-main/api/contract.ts';
import { call } from '../../app/core-client.ts';

export interface CommandState<T> {
  readonly data: T | null;
  readonly failure: ErrorInfo | null;
  readonly pending: boolean;
  readonly dismiss: () => void;
}

export function useCommand<K extends CommandName>(name: K, input: CommandInput<K>, revision = 0): CommandState<CommandResult<K>> {
  const [data, setData] = useState<CommandResult<K> | null>(null);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [pending, setPending] = useState(true);
  const json = JSON.stringify(input);

  useEffect(() => {
    let current = true;
    setPending(true);
    void call(name, JSON.parse(json) as CommandInput<K>).then((answer) => {
      if (!current) return;
      setPending(false);
      if (answer.ok) setData(answer.value);
      setFailure(answer.ok ? null : answer.error);
    });
    return () => {
      current = false;
    };
  }, [name, json, revision]);

  const dismiss = useCallback(() => setFailure(null), []);
  return { data, failure, pending, dismiss };
}
