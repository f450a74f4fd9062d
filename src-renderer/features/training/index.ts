/**
 * Training feature: the training page.
 * Other modules import only from this file.
 */
export { TrainingPage } from './TrainingPage.tsx';
