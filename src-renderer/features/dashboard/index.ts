/**
 * Dashboard feature (issue 17 point 4): the first screen after setup.
 * Other modules import only from this file.
 */
export { DashboardPage } from './DashboardPage.tsx';
