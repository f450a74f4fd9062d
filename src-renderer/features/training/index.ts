/**
 * Training feature: the training-mode page (practice platform hookup).
 * Other modules import only from this file.
 */
export { TrainingPage } from './TrainingPage.tsx';
export { SandboxBanner, useSandbox } from './SandboxBanner.tsx';
export { LessonPanel } from './LessonPanel.tsx';
