/**
 * Stock feature: the stock page.
 * Other modules import only from this file.
 */
export { StockPage } from './StockPage.tsx';
