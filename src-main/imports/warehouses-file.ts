/**
 * A warehouse file (issue 15, point 8: batch set-up for park service centres): CSV in any encoding
 * `readTable` knows, or XLSX; columns `code, name, kind, country, address` (Chinese headers too:
 * 仓库代码, 仓库名称, 仓库类型, 国家, 地址). `kind` is one of domestic, transit, overseasOwn,
 * overseasPublic, platform, returns or its Chinese name (国内仓, 海外仓, 公共海外仓, 平台仓, 退货仓…);
 * `country` an ISO alpha-2 code or a country name `countryToIso2` knows (required for overseas and
 * platform warehouses); `address` optional. Transit warehouses belong to their shipments and cannot
 * be listed. A code listed twice rejects the later row; every rejection names its column.
 */
import type { WarehouseKind } from '../core/stock/stock-views.ts';
import { countryToIso2 } from './country-codes.ts';
import { FieldReader, readTableRows, type TableRows } from './field-reader.ts';
import { findColumns } from './find-columns.ts';
import { readTable } from './read-table.ts';
import { KIND_NAMES } from './stock-moves.ts';

export interface WarehouseFileRow {
  readonly row: number;
  readonly code: string;
  readonly name: string;
  readonly kind: WarehouseKind;
  readonly country: string | null;
  readonly address: string | null;
}

const REQUIRED = {
  code: ['code', 'warehouse', 'warehouse code', 'warehouse_code', '仓库代码', '仓库编码', '仓库'],
  name: ['name', 'warehouse name', 'warehouse_name', '仓库名称', '名称'],
  kind: ['kind', 'type', 'warehouse_kind', 'warehouse kind', '仓库类型', '类型'],
} as const;
const OPTIONAL = {
  country: ['country', 'warehouse_country', '国家', '国家(地区)', '所在国家'],
  address: ['address', '地址', '仓库地址'],
} as const;

export async function parseWarehouseFile(bytes: Uint8Array): Promise<TableRows<WarehouseFileRow>> {
  const table = await readTable(bytes);
  const cols = findColumns(table, 'warehouses', REQUIRED, OPTIONAL);
  const seen = new Set<string>();
  return readTableRows(table, (cells, row): WarehouseFileRow => {
    const r = new FieldReader(cells, row, 'UTC');
    const code = r.required(cols.code);
    if (code.length > 30) r.fail(cols.code, 'stock.warehouse.codeTooLong', { value: code.slice(0, 20) });
    if (seen.has(code)) r.fail(cols.code, 'stock.warehouse.duplicate', { warehouse: code });
    seen.add(code);
    const kindText = r.required(cols.kind);
    const kind =
      KIND_NAMES[kindText.toLowerCase().replace(/[\s-]+/g, '_')] ??
      KIND_NAMES[kindText.toLowerCase()] ??
      r.fail(cols.kind, 'stock.row.badWarehouseKind', { value: kindText });
    const countryText = r.text(cols.country);
    const country =
      countryText === ''
        ? null
        : (countryToIso2(countryText) ?? r.fail(cols.country, 'stock.row.badCountry', { value: countryText }));
    if (kind === 'transit') r.fail(cols.kind, 'stock.warehouse.transitFixed', { warehouse: code });
    if (country === null && (kind === 'overseasOwn' || kind === 'overseasPublic' || kind === 'platform'))
      r.fail(cols.country, 'stock.warehouse.countryRequired', { warehouse: code });
    const address = r.text(cols.address);
    if (address.length > 300) r.fail(cols.address, 'stock.warehouse.addressTooLong', { value: address.slice(0, 20) });
    return { row: r.row, code, name: r.required(cols.name), kind, country, address: address === '' ? null : address };
  });
}
