/**
 * English (en). Typed against the zh-CN shape: a missing or extra key fails to compile.
 * Chinese official identifiers keep their Chinese name in brackets so users can match
 * them to their business licence and customs registration.
 */
import type { Translation } from '../translation.ts';

export const en = {
  app: {
    name: 'Kuajing Ledger',
    tagline: 'An offline ledger for cross-border e-commerce exporters',
    loading: 'Opening the ledger…',
    bootFailedTitle: 'Kuajing Ledger could not open the ledger',
    bootFailedBody: 'The reason is shown below. Fix it, then try again.',
    retry: 'Try again',
  },
  nav: {
    label: 'Features',
    orders: 'Orders',
    stock: 'Stock',
    settlement: 'Settlement',
    customs: 'Customs',
    sync: 'Sync',
    reports: 'Reports',
    training: 'Training',
    settings: 'Settings',
  },
  topBar: {
    company: 'Company',
    language: 'Language',
  },
  common: {
    dismiss: 'Dismiss',
    refresh: 'Refresh',
    optional: 'optional',
    notAvailableYet: 'Not available yet',
  },
  sync: {
    indicator: {
      label: 'Sync status',
      unknown: 'Sync status unknown',
      offline: 'Not connected to a platform',
      offlineQueued: 'Not connected · {{count}} waiting to sync',
      idle: 'All synced',
      idleQueued: '{{count}} waiting to sync',
      sending: 'Syncing · {{count}} left',
      error: 'Sync error · {{count}} failed',
    },
    page: {
      title: 'Sync',
      description: 'Documents that must be reported to a platform wait in a queue and are sent in order once a platform is connected. Sending can be retried safely.',
      queued: 'Waiting to sync',
      failed: 'Failed',
      state: 'Connection',
      states: {
        offline: 'Not connected',
        idle: 'Idle',
        sending: 'Sending',
        error: 'Error',
      },
      unknown: 'The sync status has not been received yet.',
      emptyTitle: 'Platform connections are not available yet',
      emptyBody: 'Connecting to e-commerce platforms and the Single Window is still being built. Until then, documents stay in the ledger on this computer; the numbers above show how many are waiting to be sent.',
    },
  },
  firstRun: {
    title: 'Welcome to Kuajing Ledger',
    intro: 'Kuajing Ledger keeps orders, stock, forex settlement and customs declarations in one ledger on this computer, and works without an internet connection. First, enter your company details: they appear on every customs message and printout.',
    privacy: 'All data stays on this computer.',
    formTitle: 'Company details',
  },
  company: {
    fields: {
      name: {
        label: 'Company name',
        help: 'As on the business licence, up to 100 characters.',
      },
      uscc: {
        label: 'Unified Social Credit Code (统一社会信用代码)',
        help: '18 characters, printed on the business licence. Letters are saved in upper case.',
      },
      customsCode: {
        label: 'Customs registration code (海关注册编码)',
        help: '10 characters, the code the company received when registering with customs.',
      },
      dxpId: {
        label: 'China E-Port DXP ID',
        help: 'The access ID for the China E-Port data exchange platform, up to 16 letters or digits. Leave empty if you do not have one yet.',
      },
      pilotZone: {
        label: 'Cross-border e-commerce pilot zone',
        help: 'The comprehensive pilot zone the company is registered in; choose “Other” if it is not listed.',
        placeholder: 'Choose…',
      },
      baseCurrency: {
        label: 'Base currency',
        help: 'Fixed to Chinese yuan for now.',
      },
    },
    currencies: {
      CNY: 'Chinese yuan (CNY)',
    },
    pilotZones: {
      zhuzhou: 'Zhuzhou',
      zhengzhou: 'Zhengzhou',
      chongqing: 'Chongqing',
      longyan: 'Longyan',
      honghe: 'Honghe',
      hangzhou: 'Hangzhou',
      shenzhen: 'Shenzhen',
      guangzhou: 'Guangzhou',
      ningbo: 'Ningbo',
      xiamen: 'Xiamen',
      other: 'Other',
    },
    save: 'Save company details',
    saving: 'Saving…',
    saved: 'Saved: version {{version}}, {{savedAt}}',
    fixFields: 'Correct the marked fields, then save again.',
  },
  settings: {
    title: 'Settings',
    description: 'Company details and display language. Every save of the company details creates a new version; older versions stay in the ledger file.',
    companySection: 'Company details',
    languageSection: 'Display language',
    languageHelp: 'The language is saved in the ledger and used the next time you open it.',
    aboutSection: 'About',
    version: 'Program version',
    schemaVersion: 'Ledger format version',
    dataFile: 'Ledger file',
  },
  pages: {
    orders: {
      title: 'Order ledger',
      description: 'Every export order, by platform and shop.',
      emptyTitle: 'Orders are not available yet',
      emptyBody: 'The order ledger will appear here once order import is finished: you will be able to import the order sheets your platforms export and check amounts and status order by order. Orders cannot be entered yet.',
    },
    stock: {
      title: 'Stock',
      description: 'Stock movements and balances in domestic and overseas warehouses.',
      emptyTitle: 'Stock is not available yet',
      emptyBody: 'Stock movements and balances will appear here once orders and purchases can be booked. There are no stock records yet.',
    },
    settlement: {
      title: 'Settlement',
      description: 'Platform payouts, forex settlement amounts and exchange rates.',
      emptyTitle: 'Settlement is not available yet',
      emptyBody: 'Platform payouts and forex settlements will be reconciled here, with the date and source of every rate. This feature is still being built; there is no data yet.',
    },
    customs: {
      title: 'Customs',
      description: 'Cross-border e-commerce export lists and messages (9610 / 9710 / 9810).',
      emptyTitle: 'Customs is not available yet',
      emptyBody: 'Export declaration lists will be built from orders and checked and exported here. Until orders are available there are no customs documents.',
    },
    reports: {
      title: 'Reports',
      description: 'Business, tax and settlement reports summarised from the ledger.',
      emptyTitle: 'Reports are not available yet',
      emptyBody: 'Reports only read what the ledger has recorded. Once orders, stock and settlement are available, summary reports and exports will be offered here.',
    },
    training: {
      title: 'Training',
      description: 'Practise real workflows in a separate practice ledger that never touches your real books.',
      emptyTitle: 'Training is not available yet',
      emptyBody: 'Training scenarios (simulated orders, customs and settlement workflows) will be offered here. No practice scenarios are available yet.',
    },
  },
  errors: {
    unknown: 'Something went wrong (code: {{code}}).',
    internal: 'An internal error occurred. Please contact support and quote incident {{incidentId}}.',
    company: {
      name: {
        required: 'Enter the company name.',
        tooLong: 'The company name can be at most 100 characters.',
      },
      uscc: {
        required: 'Enter the Unified Social Credit Code.',
        length: 'The Unified Social Credit Code has 18 characters.',
        charset: 'The Unified Social Credit Code may only contain digits and upper-case letters (not I, O, S, V or Z).',
        checkDigit: 'The check character of the Unified Social Credit Code does not match. Compare it with the business licence character by character.',
      },
      customsCode: {
        required: 'Enter the customs registration code.',
        length: 'The customs registration code has 10 characters.',
        charset: 'The customs registration code may only contain digits and letters.',
      },
      dxpId: {
        format: 'The DXP ID may only contain digits and letters, at most 16.',
      },
      pilotZone: {
        unknown: 'Choose a pilot zone from the list.',
      },
      baseCurrency: {
        unsupported: 'Only Chinese yuan (CNY) is supported as the base currency for now.',
      },
    },
    validation: {
      failed: 'Some entries did not pass the checks. Correct them as shown, then save again.',
      required: 'This field is required.',
      tooLong: 'This is too long.',
      notAllowed: 'This value is not one of the allowed choices.',
      unknownField: 'Contains a field that is not recognised.',
      invalid: 'The format is not valid.',
    },
    request: {
      invalid: 'What was sent is incomplete or malformed. Check the marked fields.',
      forbidden: 'Access denied: this page’s access token is invalid or has expired. Open the web version again from Kuajing Ledger.',
      badJson: 'The data sent could not be read (malformed JSON).',
      tooLarge: 'The data sent is too large.',
      unknownCommand: 'The program does not know this operation ({{command}}). The window and the background service may be different versions; restart the program.',
    },
    db: {
      alreadyOpen: 'The ledger file is already open in another Kuajing Ledger window or process. Close it, then try again.',
    },
    network: {
      unreachable: 'Cannot reach the Kuajing Ledger service. Check that the program is still running, then try again.',
    },
  },
} satisfies Translation;
