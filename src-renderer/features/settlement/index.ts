/**
 * Settlement feature: the settlement page.
 * Other modules import only from this file.
 */
export { SettlementPage } from './SettlementPage.tsx';
