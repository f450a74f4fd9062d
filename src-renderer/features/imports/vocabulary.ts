/**
 * The master-data sources the import wizard offers besides order files (issue 15, point 8), as on
 * the CLI's `kuajing import FILE --source skus|warehouses|shops`.
 */
export const CATALOG_SOURCES = ['skus', 'warehouses', 'shops'] as const;
export type CatalogSource = (typeof CATALOG_SOURCES)[number];

export function isCatalogSource(value: string): value is CatalogSource {
  return (CATALOG_SOURCES as readonly string[]).includes(value);
}
