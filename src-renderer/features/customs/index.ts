/**
 * Customs feature: the customs page.
 * Other modules import only from this file.
 */
export { CustomsPage } from './CustomsPage.tsx';
