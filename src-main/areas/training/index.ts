/** The training area: the in-app practice platform. Other areas, api/ and cli/ import it only through this file (or its contract.ts). */
export { createTrainingHandlers, type WorkspaceSwitch } from './handlers.ts';
export { LESSONS, SCENARIOS, scenarioNamed, type Lesson, type Scenario } from './catalog.ts';
export {
  businessDigest,
  loadScenario,
  sandboxOf,
  SANDBOXES_DIR,
  SANDBOX_NAME,
  TRAINEE_FILES_DIR,
  type Call,
} from './sandbox-service.ts';
export { checkLessons, type StepCheck } from './lesson-checks.ts';
export { readProgress, writeProgress, PROGRESS_FILE } from './progress.ts';
export { renderProgressReport } from './training-report.ts';
export { checkSandboxName, createSandbox, folderKind, resetSandbox, type SandboxOpener } from './sandbox-lifecycle.ts';
export { sandboxesDir } from './training-service.ts';
