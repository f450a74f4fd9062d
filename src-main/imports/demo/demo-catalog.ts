/**
 * The fixed tables the demo generator draws from: products (SKU, Chinese and English names,
 * a base price in US cents, an FBA fee), buyer places per country, ERP shops and the Chinese
 * country names an ERP export uses. Chinese names stay within GBK so the ERP file can be
 * encoded; English names include commas and inch quotes on purpose (CSV/TSV edge cases).
 */

export interface DemoProduct {
  readonly sku: string;
  readonly asin: string;
  readonly zh: string;
  readonly en: string;
  /** Base price in US cents, before per-order variation and currency conversion. */
  readonly usdCents: number;
  /** FBA per-unit fulfilment fee in US cents. */
  readonly fbaCents: number;
  readonly variations: readonly string[];
}

/** sku, asin, Chinese name, English name, base price and FBA fee in US cents, variations. */
type ProductRow = readonly [
  sku: string,
  asin: string,
  zh: string,
  en: string,
  usdCents: number,
  fbaCents: number,
  variations: readonly string[],
];

// prettier-ignore
const PRODUCT_ROWS: readonly ProductRow[] = [
  ['PH-CASE-15C', 'B0CK3L9QZ1', 'iPhone 15 透明手机壳', 'Clear Phone Case for iPhone 15', 1299, 322, ['Clear', 'Black', 'Pink']],
  ['LED-RING-12', 'B0BX7T2M4P', '12寸LED补光灯', '12" LED Ring Light with Tripod Stand', 2999, 598, ['12 inch', '10 inch']],
  ['MIRROR-LED-3', 'B0C1N8W6KD', 'LED化妆镜 三色光', 'LED Makeup Mirror, 3 Colour Modes', 2499, 488, ['White', 'Pink']],
  ['YOGA-MAT-6', 'B09ZQ4R8VB', '加厚瑜伽垫 6mm', 'Yoga Mat 6mm Non-Slip', 2299, 547, ['Purple', 'Blue', 'Grey']],
  ['BT-EAR-X2', 'B0CJ2P5H7S', '蓝牙耳机 X2 降噪', 'Wireless Earbuds X2, Noise Cancelling', 3599, 341, ['Black', 'White']],
  ['USBC-CBL-2M', 'B0B8D3K1QF', 'USB-C 快充数据线 2米', 'USB-C Fast Charging Cable 2m (2-Pack)', 999, 306, ['2m', '1m']],
  ['PET-BRUSH-S', 'B0BQ6V2Z8N', '宠物除毛梳', 'Pet Grooming Brush for Cats & Dogs', 1199, 322, ['S', 'L']],
  ['KIT-SPAT-5', 'B0C5W1Y7RM', '硅胶锅铲套装 5件', 'Silicone Spatula Set, 5 pcs', 1599, 415, ['Grey', 'Green']],
  ['BAMBOO-TB-4', 'B09T4F6G2J', '竹制牙刷 4支装', 'Bamboo "Eco" Toothbrush, 4 Pack', 699, 306, ['Soft', 'Medium']],
  ['CAR-MNT-MAG', 'B0BN5K8D3W', '磁吸车载手机支架', 'Magnetic Car Phone Mount', 1499, 322, ['Vent', 'Dashboard']],
  ['HAIR-CLIP-12', 'B0C8R2T5LX', '韩版抓夹 12件套', 'Claw Hair Clips, 12 pcs', 899, 322, ['Neutral', 'Bright']],
  ['BOTTLE-1L', 'B0B2H9M4CE', '运动水杯 1升 大容量', 'Sports Water Bottle 1L', 1899, 415, ['Black', 'Mint', 'Lilac']],
  ['LAMP-DESK-T', 'B0CC7X3N1V', '护眼台灯 触控调光', 'LED Desk Lamp, Touch Control', 3299, 598, ['White', 'Black']],
  ['SOCKS-CTN-5', 'B0BK1E4W9A', '纯棉中筒袜 5双装', 'Cotton Crew Socks, 5 Pairs', 1299, 322, ['M', 'L']],
  ['STAND-FOLD', 'B0B6Q7Z2PH', '折叠手机支架', 'Foldable Phone Stand', 799, 306, ['Silver', 'Black']],
  ['BIB-BABY-3', 'B0C3J5K7MN', '婴儿防水围兜 3条', 'Waterproof Baby Bibs (3)', 1099, 322, ['Animals', 'Stars']],
  ['GLOVE-GDN-M', 'B09Y8U2I4O', '园艺手套 防刺', 'Gardening Gloves, Thorn Proof, Size M', 999, 322, ['M', 'L']],
  ['STICKER-100', 'B0B3P6L8KJ', '防水贴纸 100张', 'Vinyl Stickers, 100 pcs', 599, 306, ['Cute', 'Travel']],
  ['TEA-SET-GC', 'B0C9F2D4SA', '功夫茶具套装 青瓷', 'Kung Fu Tea Set, Celadon', 4599, 712, ['Celadon', 'White']],
  ['SCARF-SILK-90', 'B0CB5N7Q1Z', '真丝方巾 90厘米', 'Silk Square Scarf 90cm', 3899, 322, ['Peony', 'Crane']],
  ['FAN-USB-MINI', 'B0BS4D6F8G', 'USB 迷你风扇', 'Mini USB Fan, 3 Speeds', 1099, 341, ['White', 'Pink']],
  ['NAIL-KIT-18', 'B0C2H4J6KL', '美甲工具 18件套', 'Manicure Set 18 in 1', 1699, 322, ['Black', 'Rose']],
  ['KEYB-MECH-87', 'B0BV1C3X5Z', '87键机械键盘 青轴', 'Mechanical Keyboard 87 Keys, Blue Switch', 4999, 712, ['Blue Switch', 'Red Switch']],
  ['PUZZLE-1000', 'B0C6M8N0BV', '1000片拼图 山水画', 'Jigsaw Puzzle 1000 pcs, Chinese Landscape', 1899, 415, ['Landscape']],
  ['LUNCH-BOX-3', 'B0BD9F1H3J', '三层保温饭盒', 'Insulated Lunch Box, 3 Tier', 2599, 547, ['Blue', 'Beige']],
  ['UMBRELLA-AUTO', 'B0C4K6L8ZX', '全自动折叠雨伞', 'Automatic Folding Umbrella, Windproof', 1999, 415, ['Black', 'Navy']],
];

export const DEMO_PRODUCTS: readonly DemoProduct[] = PRODUCT_ROWS.map(
  ([sku, asin, zh, en, usdCents, fbaCents, variations]) => ({ sku, asin, zh, en, usdCents, fbaCents, variations }),
);

export interface DemoPlace {
  readonly city: string;
  readonly state: string;
  readonly postalCode: string;
}

/** A few real-looking places per buyer country (postal codes kept as text: '02108' has a leading zero). */
const PLACE_ROWS: Readonly<Record<string, readonly (readonly [city: string, state: string, postalCode: string])[]>> = {
  US: [
    ['Seattle', 'WA', '98101'],
    ['Austin', 'TX', '78701'],
    ['Brooklyn', 'NY', '11201'],
    ['San Jose', 'CA', '95112'],
    ['Boston', 'MA', '02108'],
    ['Miami', 'FL', '33101'],
    ['Denver', 'CO', '80202'],
    ['Newark', 'NJ', '07102'],
  ],
  CA: [
    ['Toronto', 'ON', 'M5V 2T6'],
    ['Vancouver', 'BC', 'V6B 1A1'],
  ],
  GB: [
    ['London', 'Greater London', 'SW1A 1AA'],
    ['Manchester', 'Lancashire', 'M1 1AE'],
  ],
  DE: [
    ['Berlin', 'Berlin', '10115'],
    ['München', 'Bayern', '80331'],
  ],
  FR: [
    ['Paris', 'Île-de-France', '75001'],
    ['Lyon', 'Rhône', '69001'],
  ],
  JP: [
    ['千代田区', '東京都', '100-0001'],
    ['大阪市北区', '大阪府', '530-0001'],
  ],
  AU: [
    ['Sydney', 'NSW', '2000'],
    ['Melbourne', 'VIC', '3000'],
  ],
  MY: [
    ['Kuala Lumpur', 'Wilayah Persekutuan', '50450'],
    ['Johor Bahru', 'Johor', '80000'],
  ],
  SG: [['Singapore', '', '018956']],
  MX: [['Ciudad de México', 'CDMX', '06000']],
};
export const DEMO_PLACES: Readonly<Record<string, readonly DemoPlace[]>> = Object.fromEntries(
  Object.entries(PLACE_ROWS).map(([country, rows]) => [
    country,
    rows.map(([city, state, postalCode]) => ({ city, state, postalCode })),
  ]),
);

/** Street names for buyer addresses; one has a comma on purpose. */
export const DEMO_STREETS: readonly string[] = [
  'Main St',
  'Oak Avenue',
  'Maple Rd',
  'High Street',
  'Baker Street, Flat 3',
  'Harbour Lane',
  'Rue de Rivoli',
  'Jalan Ampang',
];

/** Chinese names of buyer countries as Chinese ERPs print them. */
export const COUNTRY_ZH: Readonly<Record<string, string>> = {
  US: '美国',
  GB: '英国',
  DE: '德国',
  FR: '法国',
  JP: '日本',
  CA: '加拿大',
  AU: '澳大利亚',
  MY: '马来西亚',
  SG: '新加坡',
  MX: '墨西哥',
};

export interface DemoErpShop {
  readonly name: string;
  readonly currency: 'USD' | 'GBP' | 'EUR' | 'JPY' | 'MYR';
  readonly countries: readonly (readonly [string, number])[];
  readonly weight: number;
}

/** Shops a seller runs, as a Chinese ERP names them; each sells in one currency. */
export const DEMO_ERP_SHOPS: readonly DemoErpShop[] = [
  {
    name: 'Amazon美国站',
    currency: 'USD',
    countries: [
      ['US', 95],
      ['CA', 3],
      ['MX', 2],
    ],
    weight: 40,
  },
  { name: 'Amazon英国站', currency: 'GBP', countries: [['GB', 100]], weight: 15 },
  {
    name: 'Amazon德国站',
    currency: 'EUR',
    countries: [
      ['DE', 85],
      ['FR', 15],
    ],
    weight: 15,
  },
  { name: 'Amazon日本站', currency: 'JPY', countries: [['JP', 100]], weight: 10 },
  {
    name: '速卖通店铺',
    currency: 'USD',
    countries: [
      ['US', 40],
      ['FR', 20],
      ['AU', 20],
      ['SG', 20],
    ],
    weight: 10,
  },
  { name: 'Shopee马来站', currency: 'MYR', countries: [['MY', 100]], weight: 10 },
];

/** Indicative rates from USD used only to make prices look local (1 USD = rate units). */
export const DEMO_USD_RATES: Readonly<Record<string, string>> = {
  USD: '1',
  CAD: '1.36',
  GBP: '0.79',
  EUR: '0.92',
  JPY: '150',
  MYR: '4.7',
  SGD: '1.34',
  AUD: '1.52',
  CNY: '7.2',
};

export const DEMO_BUYER_NAMES: readonly string[] = [
  'Emily Carter',
  'James Miller',
  'Olivia Brown',
  'Noah Wilson',
  'Sophia Martin',
  'Liam Davis',
  'Chen Wei',
  "Sarah O'Neil",
  'Lucas Schmidt',
  'Chloé Dubois',
  'Hannah Müller',
  'Aiko Tanaka',
  'Nur Aisyah',
  'Jack Thompson',
  'Mia Rossi',
  'Daniel Lee',
];

/** The one product name per file that looks like a spreadsheet formula (CSV-injection tests). */
export const INJECTION_NAME = '=HYPERLINK("http://example.com","x")';
