/**
 * Imports feature: the master-data sources of the import wizard (SKU customs data, warehouses,
 * shops) with their preview → confirm flow. Other modules import only from this file.
 */
export { CatalogImport } from './CatalogImport.tsx';
export { CATALOG_SOURCES, isCatalogSource, type CatalogSource } from './vocabulary.ts';
