/**
 * Buyer country text → ISO 3166-1 alpha-2: the code itself (any case), common aliases (UK),
 * alpha-3 codes of the main markets, and the Chinese and English names sellers' files use.
 * Unknown text → null (the importer rejects the row with `import.row.badCountry`).
 */
import { normaliseHeader } from './normalise-header.ts';

const ISO2 = new Set((
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
  'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
  'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
  'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' '));

/** Keys are `normaliseHeader`-normalised (lower-case, NFKC, single spaces). */
const NAMES: Readonly<Record<string, string>> = {
  uk: 'GB', usa: 'US', gbr: 'GB', deu: 'DE', fra: 'FR', ita: 'IT', esp: 'ES', nld: 'NL', jpn: 'JP', can: 'CA',
  mex: 'MX', aus: 'AU', bra: 'BR', pol: 'PL', swe: 'SE', bel: 'BE', sgp: 'SG', mys: 'MY', tha: 'TH', vnm: 'VN',
  phl: 'PH', idn: 'ID', kor: 'KR', are: 'AE', sau: 'SA', tur: 'TR', chn: 'CN', hkg: 'HK', twn: 'TW', nzl: 'NZ',
  irl: 'IE', aut: 'AT', che: 'CH', prt: 'PT', dnk: 'DK', nor: 'NO', fin: 'FI', cze: 'CZ', rus: 'RU', ind: 'IN',
  '美国': 'US', '美國': 'US', '英国': 'GB', '英國': 'GB', '德国': 'DE', '德國': 'DE', '法国': 'FR', '法國': 'FR',
  '意大利': 'IT', '义大利': 'IT', '西班牙': 'ES', '荷兰': 'NL', '比利时': 'BE', '瑞典': 'SE', '波兰': 'PL',
  '日本': 'JP', '韩国': 'KR', '韓國': 'KR', '加拿大': 'CA', '墨西哥': 'MX', '巴西': 'BR', '澳大利亚': 'AU', '澳洲': 'AU',
  '新西兰': 'NZ', '新加坡': 'SG', '马来西亚': 'MY', '泰国': 'TH', '越南': 'VN', '菲律宾': 'PH', '印度尼西亚': 'ID',
  '印尼': 'ID', '印度': 'IN', '阿联酋': 'AE', '阿拉伯联合酋长国': 'AE', '沙特阿拉伯': 'SA', '沙特': 'SA',
  '土耳其': 'TR', '俄罗斯': 'RU', '乌克兰': 'UA', '瑞士': 'CH', '奥地利': 'AT', '爱尔兰': 'IE', '葡萄牙': 'PT',
  '丹麦': 'DK', '挪威': 'NO', '芬兰': 'FI', '捷克': 'CZ', '匈牙利': 'HU', '罗马尼亚': 'RO', '希腊': 'GR',
  '以色列': 'IL', '南非': 'ZA', '埃及': 'EG', '尼日利亚': 'NG', '智利': 'CL', '阿根廷': 'AR', '哥伦比亚': 'CO',
  '秘鲁': 'PE', '中国': 'CN', '中国大陆': 'CN', '香港': 'HK', '中国香港': 'HK', '澳门': 'MO', '中国澳门': 'MO',
  '台湾': 'TW', '中国台湾': 'TW', '卢森堡': 'LU', '斯洛伐克': 'SK', '斯洛文尼亚': 'SI', '克罗地亚': 'HR',
  '保加利亚': 'BG', '立陶宛': 'LT', '拉脱维亚': 'LV', '爱沙尼亚': 'EE', '冰岛': 'IS', '卡塔尔': 'QA', '科威特': 'KW',
  '巴基斯坦': 'PK', '孟加拉国': 'BD', '哈萨克斯坦': 'KZ', '波多黎各': 'PR',
  'united states': 'US', 'united states of america': 'US', 'u.s.': 'US', 'u.s.a.': 'US', america: 'US',
  'united kingdom': 'GB', 'great britain': 'GB', england: 'GB', germany: 'DE', deutschland: 'DE', france: 'FR',
  italy: 'IT', italia: 'IT', spain: 'ES', españa: 'ES', netherlands: 'NL', 'the netherlands': 'NL', belgium: 'BE',
  sweden: 'SE', poland: 'PL', japan: 'JP', 'south korea': 'KR', korea: 'KR', 'republic of korea': 'KR',
  canada: 'CA', mexico: 'MX', brazil: 'BR', australia: 'AU', 'new zealand': 'NZ', singapore: 'SG',
  malaysia: 'MY', thailand: 'TH', vietnam: 'VN', 'viet nam': 'VN', philippines: 'PH', indonesia: 'ID',
  india: 'IN', 'united arab emirates': 'AE', uae: 'AE', 'saudi arabia': 'SA', turkey: 'TR', türkiye: 'TR',
  russia: 'RU', 'russian federation': 'RU', ukraine: 'UA', switzerland: 'CH', austria: 'AT', ireland: 'IE',
  portugal: 'PT', denmark: 'DK', norway: 'NO', finland: 'FI', 'czech republic': 'CZ', czechia: 'CZ',
  hungary: 'HU', romania: 'RO', greece: 'GR', israel: 'IL', 'south africa': 'ZA', china: 'CN',
  'hong kong': 'HK', taiwan: 'TW', luxembourg: 'LU', chile: 'CL', argentina: 'AR', colombia: 'CO', peru: 'PE',
};

export function countryToIso2(text: string): string | null {
  const t = text.trim();
  const upper = t.toUpperCase();
  if (ISO2.has(upper)) return upper;
  return NAMES[normaliseHeader(t)] ?? NAMES[t] ?? null;
}
