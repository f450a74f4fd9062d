/** Calling commands in tests: the value of a command that must succeed, the error of one that must fail. */
import type { Dispatch } from '../../src-main/api/dispatch.ts';

type Answer = { ok: boolean; value?: unknown; error?: unknown };

/** The value of a dispatched command; a failure throws with the command's name and error. */
export async function ok<T>(dispatch: Dispatch, name: string, input: unknown): Promise<T> {
  const r = await dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** The error of a dispatched command; a success throws. */
export async function errorOf(dispatch: Dispatch, name: string, input: unknown) {
  const r = await dispatch(name, input);
  if (r.ok) throw new Error(`${name} succeeded`);
  return r.error;
}

/** The value of an already started command (`valueOf(dispatch('x', {}))`); a failure throws with its error. */
export async function valueOf<T = unknown>(p: Promise<Answer>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}
