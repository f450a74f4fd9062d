/**
 * Customs feature: the customs desk page, and the build tab's hash path for orders picked on
 * the Orders page. Other modules import only from this file.
 */
export { CustomsPage } from './CustomsPage.tsx';
export { buildHashPath } from './order-selection.ts';
