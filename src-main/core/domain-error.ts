/**
 * DomainError: an expected failure, carried as data. `code` is a stable dotted key
 * (`company.uscc.checkDigit`, `db.alreadyOpen`) that the renderer translates as
 * `errors.<code>`; `params` fill the message. The core never produces sentences.
 */
export type ErrorParams = Record<string, string | number>;

/** Per-field error codes for form validation, e.g. `{ uscc: 'company.uscc.checkDigit' }`. */
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  readonly code: string;
  readonly params: ErrorParams;
  readonly fields: FieldErrors | undefined;
  constructor(code: string, params: ErrorParams = {}, fields?: FieldErrors) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
    this.fields = fields;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
