/**
 * dispatch(name, input): the whole boundary in one function, usable without Electron.
 * Unknown command → `request.unknownCommand`; bad input → `request.invalid` with field codes;
 * DomainError → its code; a fault of the machine (disk full, read-only folder, file moved; see
 * db/open-ledger.ts `environmentError`) → its coded error, the transaction already rolled back;
 * anything else is a bug: logged with its stack under an incident id and returned as `internal`.
 * Never throws.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { isDomainError } from '../core/domain-error.ts';
import { contract, isCommandName, type ErrorInfo, type Result } from './contract.ts';
import type { Handlers } from './handlers.ts';
import type { Incident } from './workspace.ts';
import { environmentError } from '../db/open-ledger.ts';

export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>;

/**
 * `dataFile`: the workspace's ledger file, named in environment errors (disk full, read-only …);
 * `readOnly`: refuse every command whose contract says `mutates`, before any work.
 */
export function createDispatch(
  handlers: Handlers,
  logIncident: (i: Incident) => void,
  dataFile = '',
  readOnly = false,
): Dispatch {
  return async (name, input) => {
    if (!isCommandName(name)) return fail({ code: 'request.unknownCommand', params: { command: name } });
    // a workspace opened for reading only (read-only folder, a backup opened for a look): no mutation starts
    if (readOnly && contract[name].mutates)
      return fail({ code: 'db.readOnly', params: { file: dataFile, command: name } });
    const parsed = contract[name].input.safeParse(input ?? {});
    if (!parsed.success) return fail(zodToError(parsed.error));
    try {
      const handler = handlers[name] as (i: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (e) {
      const coded = isDomainError(e) ? e : environmentError(e, dataFile);
      if (coded) {
        return fail({ code: coded.code, params: coded.params, ...(coded.fields ? { fields: coded.fields } : {}) });
      }
      const incidentId = randomUUID();
      const err = e instanceof Error ? e : new Error(String(e));
      logIncident({ incidentId, command: name, message: err.message, stack: err.stack });
      return fail({ code: 'internal', params: { incidentId }, incidentId });
    }
  };
}

function fail(error: ErrorInfo): Result<never> {
  return { ok: false, error };
}

/** Maps zod issues to per-field validation codes (`validation.required`, `validation.tooLong`, …). */
export function zodToError(error: z.ZodError): ErrorInfo {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    if (fields[key]) continue;
    fields[key] =
      issue.code === 'too_big'
        ? 'validation.tooLong'
        : issue.code === 'invalid_type' && issue.input === undefined
          ? 'validation.required'
          : issue.code === 'invalid_value'
            ? 'validation.notAllowed'
            : issue.code === 'unrecognized_keys'
              ? 'validation.unknownField'
              : 'validation.invalid';
  }
  return { code: 'request.invalid', params: {}, fields };
}
