/**
 * One-off generator of the customs code tables in resources/customs-codes/ (run by hand:
 * `node build/scripts/gen-customs-codes.ts`, then review the diff). Sources: the collected
 * parameter tables (test/fixtures/ceb-params/, copies of shared/ceb/params/), ICU region and
 * currency names for the ISO link (alpha-2) and the ISO currencies the collected list lacks, and
 * the hand fixes below for names the two lists spell differently. It then writes
 * src-main/core/customs/codes/tables.generated.ts from the resources CSVs, which the pure core
 * reads (the core reads no files); test/unit/core/customs/code-tables.test.ts checks both agree.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

const root = path.resolve(import.meta.dirname, '../..');
const params = path.join(root, 'test/fixtures/ceb-params');
const out = path.join(root, 'resources/customs-codes');

type Row = Record<string, string>;
function read(file: string): Row[] {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true, transform: (v) => v.trim() });
  return parsed.data;
}
function csv(rows: string[][]): string {
  return Papa.unparse(rows, { newline: '\n' }) + '\n';
}
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/\(the\)/g, '')
    .replace(/[^a-z]/g, '');

/** Not current ISO 3166-1 countries: groupings and withdrawn codes ICU still names. */
const WITHDRAWN = new Set([
  'EU',
  'EZ',
  'UN',
  'QO',
  'XA',
  'XB',
  'ZZ',
  'DD',
  'BU',
  'CS',
  'VD',
  'NH',
  'YD',
  'RH',
  'AN',
  'FX',
  'UK',
  'SU',
  'YU',
  'ZR',
  'TP',
  'DY',
  'HV',
  'NT',
  'QU',
  'CT',
  'JT',
  'MI',
  'NQ',
  'PC',
  'PU',
  'PZ',
  'WK',
  'BQ_',
]);
const en = new Intl.DisplayNames(['en'], { type: 'region' });
const zh = new Intl.DisplayNames(['zh-Hans'], { type: 'region' });
const iso2: Array<{ code: string; en: string; zh: string }> = [];
for (let i = 65; i < 91; i++)
  for (let j = 65; j < 91; j++) {
    const c = String.fromCharCode(i, j);
    const n = en.of(c);
    if (n && n !== c && !WITHDRAWN.has(c)) iso2.push({ code: c, en: n, zh: zh.of(c) ?? '' });
  }
// First code wins: ICU also names withdrawn aliases (UK for GB, FX, …) that come later in A–Z.
const iso2ByEn = new Map<string, string>();
const iso2ByZh = new Map<string, string>();
for (const r of iso2) {
  if (!iso2ByEn.has(norm(r.en))) iso2ByEn.set(norm(r.en), r.code);
  if (!iso2ByZh.has(r.zh)) iso2ByZh.set(r.zh, r.code);
}

/** alpha-3 customs codes the ICU names do not match; null = no ISO alpha-2 (customs-only region). */
const ALPHA3_TO_ISO2: Record<string, string | null> = {
  ARE: 'AE',
  BES: 'BQ',
  BLM: 'BL',
  CAF: 'CF',
  CEU: null,
  DOM: 'DO',
  FSM: 'FM',
  GAM: null,
  HKG: 'HK',
  HMD: 'HM',
  MAC: 'MO',
  MAF: 'MF',
  MAI: null,
  MEL: null,
  MKD: 'MK',
  MNP: 'MP',
  PCN: 'PN',
  PSE: 'PS',
  RUS: 'RU',
  SGS: 'GS',
  SJM: 'SJ',
  SOC: null,
  SPM: 'PM',
  SXM: 'SX',
  TUA: null,
  TUB: null,
  ZAS: null,
  ZEU: null,
  ZNA: null,
  ZOC: null,
  ZSA: null,
  ZUN: null,
  ZZZ: null,
};
/** old 3-digit codes whose Chinese name differs from the alpha-3 list; null = no alpha-3 (obsolete or catch-all). */
const OLD_TO_ALPHA3: Record<string, string | null> = {
  103: 'BGD',
  110: 'HKG',
  121: 'MAC',
  139: 'YEM',
  143: 'TWN',
  204: 'BWA',
  209: 'CAF',
  210: 'CEU',
  213: 'COG',
  222: 'GNB',
  252: 'COD',
  259: 'MYT',
  299: null,
  349: null,
  352: 'CZE',
  355: 'BIH',
  356: 'VAT',
  358: 'SRB',
  359: 'MNE',
  403: 'ABW',
  409: 'BES',
  414: 'DMA',
  418: 'DOM',
  436: null,
  438: null,
  447: 'KNA',
  449: null,
  620: 'FSM',
  622: 'PLW',
  625: 'WLF',
  701: 'ZZZ',
  999: null,
};

const alpha3 = read(path.join(params, 'countries-alpha3.csv'));
const old = read(path.join(params, 'countries.csv'));
const alpha3Iso2 = new Map<string, string>();
for (const r of alpha3) {
  const fix = Object.hasOwn(ALPHA3_TO_ISO2, r.code!) ? ALPHA3_TO_ISO2[r.code!] : undefined;
  const m = fix !== undefined ? fix : (iso2ByEn.get(norm(r.english_name!)) ?? iso2ByZh.get(r.name!) ?? null);
  if (m === undefined) throw new Error(`no alpha-2 for ${r.code}`);
  if (m) alpha3Iso2.set(r.code!, m);
}
const alpha3ByZh = new Map(alpha3.map((r) => [r.name!, r.code!]));
const alpha3ByEn = new Map(alpha3.map((r) => [norm(r.english_name!), r.code!]));
const oldRows: string[][] = [['code', 'name', 'english_name', 'alpha3', 'iso2']];
const oldByAlpha3 = new Map<string, string>();
for (const r of old) {
  const fix = Object.hasOwn(OLD_TO_ALPHA3, r.code!) ? OLD_TO_ALPHA3[r.code!] : undefined;
  const a3 = fix !== undefined ? fix : (alpha3ByZh.get(r.name!) ?? alpha3ByEn.get(norm(r.english_name!)));
  if (a3 === undefined) throw new Error(`no alpha-3 for old ${r.code} ${r.name}`);
  if (a3 && !oldByAlpha3.has(a3)) oldByAlpha3.set(a3, r.code!);
  oldRows.push([r.code!, r.name!, r.english_name!, a3 ?? '', a3 ? (alpha3Iso2.get(a3) ?? '') : '']);
}
const alpha3Rows: string[][] = [['code', 'name', 'english_name', 'iso2', 'customs_code']];
for (const r of alpha3)
  alpha3Rows.push([r.code!, r.name!, r.english_name!, alpha3Iso2.get(r.code!) ?? '', oldByAlpha3.get(r.code!) ?? '']);

// Currencies, old 3-digit set: the collected 23 plus the legacy European codes the customs list
// kept (README of the params) and the Korean won used by the app before (133 = Korea's country code).
const OLD_CURRENCY_EXTRA: string[][] = [
  ['133', '韩国圆', 'KRW'],
  ['301', '比利时法郎', 'BEF'],
  ['304', '德国马克', 'DEM'],
  ['305', '法国法郎', 'FRF'],
  ['307', '意大利里拉', 'ITL'],
  ['309', '荷兰盾', 'NLG'],
  ['312', '西班牙比塞塔', 'ESP'],
  ['315', '奥地利先令', 'ATS'],
  ['318', '芬兰马克', 'FIM'],
  ['344', '俄罗斯卢布', 'RUB'],
];
const OLD_CURRENCY_ISO: Record<string, string> = {
  110: 'HKD',
  113: 'IRR',
  116: 'JPY',
  118: 'KWD',
  121: 'MOP',
  122: 'MYR',
  127: 'PKR',
  129: 'PHP',
  132: 'SGD',
  136: 'THB',
  142: 'CNY',
  143: 'TWD',
  300: 'EUR',
  302: 'DKK',
  303: 'GBP',
  326: 'NOK',
  330: 'SEK',
  331: 'CHF',
  398: '',
  501: 'CAD',
  502: 'USD',
  601: 'AUD',
  609: 'NZD',
};
const curOld = read(path.join(params, 'currencies.csv'));
const curOldRows: string[][] = [['code', 'name', 'alpha3']];
for (const r of curOld) curOldRows.push([r.code!, r.name!, OLD_CURRENCY_ISO[r.code!] ?? '']);
for (const e of OLD_CURRENCY_EXTRA) if (!curOld.some((r) => r.code === e[0])) curOldRows.push(e);
curOldRows.splice(1, curOldRows.length - 1, ...curOldRows.slice(1).sort((a, b) => a[0]!.localeCompare(b[0]!)));

const curA3 = read(path.join(params, 'currencies-alpha3.csv'));
const curEn = new Intl.DisplayNames(['en'], { type: 'currency' });
const curZh = new Intl.DisplayNames(['zh-Hans'], { type: 'currency' });
const given = new Map(curA3.map((r) => [r.code!, r]));
const curA3Rows: string[][] = [['code', 'name', 'english_name']];
const allIso = new Set([...Intl.supportedValuesOf('currency'), ...given.keys()]);
for (const c of [...allIso].sort()) {
  const g = given.get(c);
  curA3Rows.push([c, g?.name ?? curZh.of(c) ?? c, g?.english_name ?? curEn.of(c) ?? c]);
}

fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'countries.csv'), csv(oldRows));
fs.writeFileSync(path.join(out, 'countries-alpha3.csv'), csv(alpha3Rows));
fs.writeFileSync(path.join(out, 'currencies.csv'), csv(curOldRows));
fs.writeFileSync(path.join(out, 'currencies-alpha3.csv'), csv(curA3Rows));
for (const f of ['units.csv', 'transport-modes.csv'])
  fs.writeFileSync(
    path.join(out, f),
    csv([['code', 'name'], ...read(path.join(params, f)).map((r) => [r.code!, r.name!])]),
  );
const packing = read(path.join(params, 'packing-types.csv')).map((r) => [r.code!, r.name!]);
if (!packing.some((r) => r[0] === '98')) packing.push(['98', '植物性铺垫材料']);
packing.sort((a, b) => a[0]!.localeCompare(b[0]!));
fs.writeFileSync(path.join(out, 'packing-types.csv'), csv([['code', 'name'], ...packing]));
console.log(
  `countries ${oldRows.length - 1}, alpha3 ${alpha3Rows.length - 1}, currencies ${curOldRows.length - 1}, currencies-alpha3 ${curA3Rows.length - 1}`,
);

// Ports (POD 指运港): the spec gives no port list; in practice a list names the destination
// country's code as its port when no port is agreed (domain.md §3.11, a seller uses "110").
// One default port per country with an ISO link; shops and lists may name another code.
const portRows: string[][] = [['country', 'code', 'name']];
for (const r of oldRows.slice(1)) if (r[4]) portRows.push([r[4], r[0]!, `${r[1]}（未列明口岸）`]);
fs.writeFileSync(path.join(out, 'ports.csv'), csv(portRows));

// The core reads no files: the same tables as a generated module.
function table(file: string): Row[] {
  return read(path.join(out, file));
}
const tsOut = path.join(root, 'src-main/core/customs/codes/tables.generated.ts');
const pick = (rows: Row[], cols: string[]) => rows.map((r) => cols.map((c) => r[c] ?? ''));
const body = [
  '/* Generated by build/scripts/gen-customs-codes.ts from resources/customs-codes/*.csv — do not edit; edit the CSV and re-run. */',
  `export const COUNTRIES: ReadonlyArray<readonly [code: string, name: string, englishName: string, alpha3: string, iso2: string]> = ${JSON.stringify(pick(table('countries.csv'), ['code', 'name', 'english_name', 'alpha3', 'iso2']))};`,
  `export const COUNTRIES_ALPHA3: ReadonlyArray<readonly [code: string, name: string, englishName: string, iso2: string, customsCode: string]> = ${JSON.stringify(pick(table('countries-alpha3.csv'), ['code', 'name', 'english_name', 'iso2', 'customs_code']))};`,
  `export const CURRENCIES_OLD: ReadonlyArray<readonly [code: string, name: string, alpha3: string]> = ${JSON.stringify(pick(table('currencies.csv'), ['code', 'name', 'alpha3']))};`,
  `export const CURRENCIES_ALPHA3: ReadonlyArray<readonly [code: string, name: string, englishName: string]> = ${JSON.stringify(pick(table('currencies-alpha3.csv'), ['code', 'name', 'english_name']))};`,
  `export const UNITS: ReadonlyArray<readonly [code: string, name: string]> = ${JSON.stringify(pick(table('units.csv'), ['code', 'name']))};`,
  `export const TRANSPORT_MODES: ReadonlyArray<readonly [code: string, name: string]> = ${JSON.stringify(pick(table('transport-modes.csv'), ['code', 'name']))};`,
  `export const PACKING_TYPES: ReadonlyArray<readonly [code: string, name: string]> = ${JSON.stringify(pick(table('packing-types.csv'), ['code', 'name']))};`,
  `export const CEB_WRAP_TYPES: ReadonlyArray<readonly [code: string, name: string]> = ${JSON.stringify(pick(table('ceb-wrap-types.csv'), ['code', 'name']))};`,
  `export const CUSTOMS_OFFICES: ReadonlyArray<readonly [code: string, name: string]> = ${JSON.stringify(pick(table('customs-offices.csv'), ['code', 'name']))};`,
  `export const PORTS: ReadonlyArray<readonly [country: string, code: string, name: string]> = ${JSON.stringify(pick(table('ports.csv'), ['country', 'code', 'name']))};`,
  '',
].join('\n');
fs.mkdirSync(path.dirname(tsOut), { recursive: true });
fs.writeFileSync(tsOut, body);
