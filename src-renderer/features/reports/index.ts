/**
 * Reports feature: the reports page.
 * Other modules import only from this file.
 */
export { ReportsPage } from './ReportsPage.tsx';
