/** CEB message validation against the official XSDs, offered to hosts and the CLI through the api layer. */
export { validateCeb, validateCebMany, type CebValidationError, type CebValidationResult } from '../sync/validate-ceb.ts';
