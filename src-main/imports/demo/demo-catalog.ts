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

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  {
    sku: 'PH-CASE-15C',
    asin: 'B0CK3L9QZ1',
    zh: 'iPhone 15 透明手机壳',
    en: 'Clear Phone Case for iPhone 15',
    usdCents: 1299,
    fbaCents: 322,
    variations: ['Clear', 'Black', 'Pink'],
  },
  {
    sku: 'LED-RING-12',
    asin: 'B0BX7T2M4P',
    zh: '12寸LED补光灯',
    en: '12" LED Ring Light with Tripod Stand',
    usdCents: 2999,
    fbaCents: 598,
    variations: ['12 inch', '10 inch'],
  },
  {
    sku: 'MIRROR-LED-3',
    asin: 'B0C1N8W6KD',
    zh: 'LED化妆镜 三色光',
    en: 'LED Makeup Mirror, 3 Colour Modes',
    usdCents: 2499,
    fbaCents: 488,
    variations: ['White', 'Pink'],
  },
  {
    sku: 'YOGA-MAT-6',
    asin: 'B09ZQ4R8VB',
    zh: '加厚瑜伽垫 6mm',
    en: 'Yoga Mat 6mm Non-Slip',
    usdCents: 2299,
    fbaCents: 547,
    variations: ['Purple', 'Blue', 'Grey'],
  },
  {
    sku: 'BT-EAR-X2',
    asin: 'B0CJ2P5H7S',
    zh: '蓝牙耳机 X2 降噪',
    en: 'Wireless Earbuds X2, Noise Cancelling',
    usdCents: 3599,
    fbaCents: 341,
    variations: ['Black', 'White'],
  },
  {
    sku: 'USBC-CBL-2M',
    asin: 'B0B8D3K1QF',
    zh: 'USB-C 快充数据线 2米',
    en: 'USB-C Fast Charging Cable 2m (2-Pack)',
    usdCents: 999,
    fbaCents: 306,
    variations: ['2m', '1m'],
  },
  {
    sku: 'PET-BRUSH-S',
    asin: 'B0BQ6V2Z8N',
    zh: '宠物除毛梳',
    en: 'Pet Grooming Brush for Cats & Dogs',
    usdCents: 1199,
    fbaCents: 322,
    variations: ['S', 'L'],
  },
  {
    sku: 'KIT-SPAT-5',
    asin: 'B0C5W1Y7RM',
    zh: '硅胶锅铲套装 5件',
    en: 'Silicone Spatula Set, 5 pcs',
    usdCents: 1599,
    fbaCents: 415,
    variations: ['Grey', 'Green'],
  },
  {
    sku: 'BAMBOO-TB-4',
    asin: 'B09T4F6G2J',
    zh: '竹制牙刷 4支装',
    en: 'Bamboo "Eco" Toothbrush, 4 Pack',
    usdCents: 699,
    fbaCents: 306,
    variations: ['Soft', 'Medium'],
  },
  {
    sku: 'CAR-MNT-MAG',
    asin: 'B0BN5K8D3W',
    zh: '磁吸车载手机支架',
    en: 'Magnetic Car Phone Mount',
    usdCents: 1499,
    fbaCents: 322,
    variations: ['Vent', 'Dashboard'],
  },
  {
    sku: 'HAIR-CLIP-12',
    asin: 'B0C8R2T5LX',
    zh: '韩版抓夹 12件套',
    en: 'Claw Hair Clips, 12 pcs',
    usdCents: 899,
    fbaCents: 322,
    variations: ['Neutral', 'Bright'],
  },
  {
    sku: 'BOTTLE-1L',
    asin: 'B0B2H9M4CE',
    zh: '运动水杯 1升 大容量',
    en: 'Sports Water Bottle 1L',
    usdCents: 1899,
    fbaCents: 415,
    variations: ['Black', 'Mint', 'Lilac'],
  },
  {
    sku: 'LAMP-DESK-T',
    asin: 'B0CC7X3N1V',
    zh: '护眼台灯 触控调光',
    en: 'LED Desk Lamp, Touch Control',
    usdCents: 3299,
    fbaCents: 598,
    variations: ['White', 'Black'],
  },
  {
    sku: 'SOCKS-CTN-5',
    asin: 'B0BK1E4W9A',
    zh: '纯棉中筒袜 5双装',
    en: 'Cotton Crew Socks, 5 Pairs',
    usdCents: 1299,
    fbaCents: 322,
    variations: ['M', 'L'],
  },
  {
    sku: 'STAND-FOLD',
    asin: 'B0B6Q7Z2PH',
    zh: '折叠手机支架',
    en: 'Foldable Phone Stand',
    usdCents: 799,
    fbaCents: 306,
    variations: ['Silver', 'Black'],
  },
  {
    sku: 'BIB-BABY-3',
    asin: 'B0C3J5K7MN',
    zh: '婴儿防水围兜 3条',
    en: 'Waterproof Baby Bibs (3)',
    usdCents: 1099,
    fbaCents: 322,
    variations: ['Animals', 'Stars'],
  },
  {
    sku: 'GLOVE-GDN-M',
    asin: 'B09Y8U2I4O',
    zh: '园艺手套 防刺',
    en: 'Gardening Gloves, Thorn Proof, Size M',
    usdCents: 999,
    fbaCents: 322,
    variations: ['M', 'L'],
  },
  {
    sku: 'STICKER-100',
    asin: 'B0B3P6L8KJ',
    zh: '防水贴纸 100张',
    en: 'Vinyl Stickers, 100 pcs',
    usdCents: 599,
    fbaCents: 306,
    variations: ['Cute', 'Travel'],
  },
  {
    sku: 'TEA-SET-GC',
    asin: 'B0C9F2D4SA',
    zh: '功夫茶具套装 青瓷',
    en: 'Kung Fu Tea Set, Celadon',
    usdCents: 4599,
    fbaCents: 712,
    variations: ['Celadon', 'White'],
  },
  {
    sku: 'SCARF-SILK-90',
    asin: 'B0CB5N7Q1Z',
    zh: '真丝方巾 90厘米',
    en: 'Silk Square Scarf 90cm',
    usdCents: 3899,
    fbaCents: 322,
    variations: ['Peony', 'Crane'],
  },
  {
    sku: 'FAN-USB-MINI',
    asin: 'B0BS4D6F8G',
    zh: 'USB 迷你风扇',
    en: 'Mini USB Fan, 3 Speeds',
    usdCents: 1099,
    fbaCents: 341,
    variations: ['White', 'Pink'],
  },
  {
    sku: 'NAIL-KIT-18',
    asin: 'B0C2H4J6KL',
    zh: '美甲工具 18件套',
    en: 'Manicure Set 18 in 1',
    usdCents: 1699,
    fbaCents: 322,
    variations: ['Black', 'Rose'],
  },
  {
    sku: 'KEYB-MECH-87',
    asin: 'B0BV1C3X5Z',
    zh: '87键机械键盘 青轴',
    en: 'Mechanical Keyboard 87 Keys, Blue Switch',
    usdCents: 4999,
    fbaCents: 712,
    variations: ['Blue Switch', 'Red Switch'],
  },
  {
    sku: 'PUZZLE-1000',
    asin: 'B0C6M8N0BV',
    zh: '1000片拼图 山水画',
    en: 'Jigsaw Puzzle 1000 pcs, Chinese Landscape',
    usdCents: 1899,
    fbaCents: 415,
    variations: ['Landscape'],
  },
  {
    sku: 'LUNCH-BOX-3',
    asin: 'B0BD9F1H3J',
    zh: '三层保温饭盒',
    en: 'Insulated Lunch Box, 3 Tier',
    usdCents: 2599,
    fbaCents: 547,
    variations: ['Blue', 'Beige'],
  },
  {
    sku: 'UMBRELLA-AUTO',
    asin: 'B0C4K6L8ZX',
    zh: '全自动折叠雨伞',
    en: 'Automatic Folding Umbrella, Windproof',
    usdCents: 1999,
    fbaCents: 415,
    variations: ['Black', 'Navy'],
  },
];

export interface DemoPlace {
  readonly city: string;
  readonly state: string;
  readonly postalCode: string;
}

/** A few real-looking places per buyer country (postal codes kept as text: '02108' has a leading zero). */
export const DEMO_PLACES: Readonly<Record<string, readonly DemoPlace[]>> = {
  US: [
    { city: 'Seattle', state: 'WA', postalCode: '98101' },
    { city: 'Austin', state: 'TX', postalCode: '78701' },
    { city: 'Brooklyn', state: 'NY', postalCode: '11201' },
    { city: 'San Jose', state: 'CA', postalCode: '95112' },
    { city: 'Boston', state: 'MA', postalCode: '02108' },
    { city: 'Miami', state: 'FL', postalCode: '33101' },
    { city: 'Denver', state: 'CO', postalCode: '80202' },
    { city: 'Newark', state: 'NJ', postalCode: '07102' },
  ],
  CA: [
    { city: 'Toronto', state: 'ON', postalCode: 'M5V 2T6' },
    { city: 'Vancouver', state: 'BC', postalCode: 'V6B 1A1' },
  ],
  GB: [
    { city: 'London', state: 'Greater London', postalCode: 'SW1A 1AA' },
    { city: 'Manchester', state: 'Lancashire', postalCode: 'M1 1AE' },
  ],
  DE: [
    { city: 'Berlin', state: 'Berlin', postalCode: '10115' },
    { city: 'München', state: 'Bayern', postalCode: '80331' },
  ],
  FR: [
    { city: 'Paris', state: 'Île-de-France', postalCode: '75001' },
    { city: 'Lyon', state: 'Rhône', postalCode: '69001' },
  ],
  JP: [
    { city: '千代田区', state: '東京都', postalCode: '100-0001' },
    { city: '大阪市北区', state: '大阪府', postalCode: '530-0001' },
  ],
  AU: [
    { city: 'Sydney', state: 'NSW', postalCode: '2000' },
    { city: 'Melbourne', state: 'VIC', postalCode: '3000' },
  ],
  MY: [
    { city: 'Kuala Lumpur', state: 'Wilayah Persekutuan', postalCode: '50450' },
    { city: 'Johor Bahru', state: 'Johor', postalCode: '80000' },
  ],
  SG: [{ city: 'Singapore', state: '', postalCode: '018956' }],
  MX: [{ city: 'Ciudad de México', state: 'CDMX', postalCode: '06000' }],
};

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
