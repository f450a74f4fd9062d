/** Customs entry points offered to hosts and the CLI through the api layer: XSD validation and the build. */
export {
  validateCeb,
  validateCebMany,
  type CebValidationError,
  type CebValidationResult,
} from '../../sync/validate-ceb.ts';
export { runCustomsBuild, type BuildOutcome } from './customs-build.ts';
