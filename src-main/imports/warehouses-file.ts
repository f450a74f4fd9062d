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
import type { TableRows } from './field-reader.ts';
import { readFileRows } from './file-rows.ts';
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
  return readFileRows(bytes, { source: 'warehouses', required: REQUIRED, optional: OPTIONAL }, (r, cols, once) => {
    const code = r.atMost(cols.code, r.required(cols.code), 30, 'stock.warehouse.codeTooLong');
    once(cols.code, code, 'stock.warehouse.duplicate', { warehouse: code });
    const kindText = r.required(cols.kind);
    const kind =
      KIND_NAMES[kindText.toLowerCase().replace(/[\s-]+/g, '_')] ??
      KIND_NAMES[kindText.toLowerCase()] ??
      r.fail(cols.kind, 'stock.row.badWarehouseKind', { value: kindText });
    const country = r.lookup(cols.country, countryToIso2, 'stock.row.badCountry');
    if (kind === 'transit') r.fail(cols.kind, 'stock.warehouse.transitFixed', { warehouse: code });
    if (country === null && (kind === 'overseasOwn' || kind === 'overseasPublic' || kind === 'platform'))
      r.fail(cols.country, 'stock.warehouse.countryRequired', { warehouse: code });
    const address = r.atMost(cols.address, r.text(cols.address), 300, 'stock.warehouse.addressTooLong');
    return { row: r.row, code, name: r.required(cols.name), kind, country, address: address === '' ? null : address };
  });
}
