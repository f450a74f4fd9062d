/**
 * Traditional Chinese (zh-TW), in Taiwan usage (設定, 儲存, 檔案, 連線, 資料, 帳).
 * Typed against the zh-CN shape: a missing or extra key fails to compile. PRC-specific
 * terms (統一社會信用代碼, 海關註冊編碼, 綜試區) keep their official names in Traditional script.
 */
import type { Translation } from '../translation.ts';

export const zhTW = {
  app: {
    name: '跨境台帳',
    tagline: '跨境電商出口賣家的離線帳簿',
    loading: '正在開啟帳簿…',
    bootFailedTitle: '跨境台帳無法開啟帳簿',
    bootFailedBody: '以下是錯誤原因，處理後可以再試一次。',
    retry: '再試一次',
  },
  nav: {
    label: '功能選單',
    orders: '訂單',
    stock: '庫存',
    settlement: '結匯',
    customs: '報關',
    sync: '同步',
    reports: '報表',
    training: '實作練習',
    settings: '設定',
  },
  topBar: {
    company: '目前公司',
    language: '介面語言',
  },
  common: {
    dismiss: '關閉',
    refresh: '重新整理',
    optional: '選填',
    notAvailableYet: '尚未開放',
  },
  sync: {
    indicator: {
      label: '同步狀態',
      unknown: '同步狀態不明',
      offline: '未連線平台',
      offlineQueued: '未連線平台 · {{count}} 筆待同步',
      idle: '已全部同步',
      idleQueued: '{{count}} 筆待同步',
      sending: '同步中 · 剩餘 {{count}} 筆',
      error: '同步發生錯誤 · {{count}} 筆失敗',
    },
    page: {
      title: '同步',
      description: '帳簿中需要傳送給平台的單據會先放進待同步佇列，連線平台後依序傳送，可安全重試。',
      queued: '待同步',
      failed: '傳送失敗',
      state: '連線狀態',
      states: {
        offline: '未連線平台',
        idle: '閒置',
        sending: '傳送中',
        error: '發生錯誤',
      },
      unknown: '尚未取得同步狀態。',
      emptyTitle: '平台連線尚未開放',
      emptyBody: '連線跨境電商平台和單一窗口的功能仍在開發中。在此之前，單據只儲存在本機帳簿裡，上方的數字會顯示有幾筆正在等待傳送。',
    },
  },
  firstRun: {
    title: '歡迎使用跨境台帳',
    intro: '跨境台帳把訂單、庫存、結匯和報關記在本機的同一本帳裡，沒有網路也能使用。開始之前，請先填寫公司的基本資料：這些資料會出現在每一份報關電文和列印文件上。',
    privacy: '所有資料只儲存在這台電腦上。',
    formTitle: '公司資料',
  },
  company: {
    fields: {
      name: {
        label: '公司名稱',
        help: '與營業執照上的名稱相同，最多 100 個字。',
      },
      uscc: {
        label: '統一社會信用代碼',
        help: '18 碼，請見營業執照。英文字母不分大小寫，儲存時會一律轉成大寫。',
      },
      customsCode: {
        label: '海關註冊編碼',
        help: '10 碼，向海關備案時取得的企業編碼。',
      },
      dxpId: {
        label: '電子口岸 DXP ID',
        help: '中國電子口岸資料交換平台的介接編號，最多 16 碼數字或英文字母。目前沒有可以留白。',
      },
      pilotZone: {
        label: '跨境電商綜合試驗區',
        help: '公司所在的綜試區；清單中沒有的請選「其他」。',
        placeholder: '請選擇…',
      },
      baseCurrency: {
        label: '記帳本位幣',
        help: '目前固定為人民幣。',
      },
    },
    currencies: {
      CNY: '人民幣（CNY）',
    },
    pilotZones: {
      zhuzhou: '株洲',
      zhengzhou: '鄭州',
      chongqing: '重慶',
      longyan: '龍巖',
      honghe: '紅河',
      hangzhou: '杭州',
      shenzhen: '深圳',
      guangzhou: '廣州',
      ningbo: '寧波',
      xiamen: '廈門',
      other: '其他',
    },
    save: '儲存公司資料',
    saving: '儲存中…',
    saved: '已儲存：第 {{version}} 版，{{savedAt}}',
    fixFields: '請依照提示修改標示的欄位後再儲存。',
  },
  settings: {
    title: '設定',
    description: '公司資料和介面語言。公司資料每次儲存都會產生新版本，舊版本保留在帳簿檔案中。',
    companySection: '公司資料',
    languageSection: '介面語言',
    languageHelp: '選擇的語言會儲存在帳簿中，下次開啟時沿用。',
    aboutSection: '關於',
    version: '程式版本',
    schemaVersion: '帳簿格式版本',
    dataFile: '帳簿檔案',
  },
  pages: {
    orders: {
      title: '訂單帳',
      description: '依平台和商店記錄每一筆出口訂單。',
      emptyTitle: '訂單功能尚未開放',
      emptyBody: '訂單帳會在匯入功能完成後顯示在這裡：屆時可以匯入平台匯出的訂單報表，並逐筆核對金額和狀態。目前還不能輸入訂單。',
    },
    stock: {
      title: '庫存',
      description: '國內倉和海外倉的進出貨明細與結存。',
      emptyTitle: '庫存功能尚未開放',
      emptyBody: '庫存明細和結存會在訂單與採購可以記帳之後顯示在這裡。目前還沒有任何庫存紀錄。',
    },
    settlement: {
      title: '結匯',
      description: '平台撥款、結匯金額與匯率紀錄。',
      emptyTitle: '結匯功能尚未開放',
      emptyBody: '平台撥款和結匯明細會在這裡核對，包括匯率日期和來源。此功能仍在開發中，目前沒有資料。',
    },
    customs: {
      title: '報關',
      description: '跨境電商出口清單和電文（9610 / 9710 / 9810）。',
      emptyTitle: '報關功能尚未開放',
      emptyBody: '出口申報清單會由訂單產生，並在這裡檢查、匯出。訂單功能完成之前，這裡不會有報關單據。',
    },
    reports: {
      title: '報表',
      description: '由帳簿彙總的營運、稅務和結匯報表。',
      emptyTitle: '報表尚未開放',
      emptyBody: '報表只讀取帳簿中已記錄的資料。訂單、庫存和結匯功能上線後，這裡會提供彙總報表和匯出。',
    },
    training: {
      title: '實作練習',
      description: '在獨立的練習帳簿中模擬實際業務，不會影響正式帳簿。',
      emptyTitle: '實作練習尚未開放',
      emptyBody: '練習情境（模擬訂單、報關和結匯流程）會在這裡提供。目前還沒有可用的練習情境。',
    },
  },
  errors: {
    unknown: '發生錯誤（代碼：{{code}}）。',
    internal: '程式內部發生錯誤。請聯絡技術支援，並提供事件編號 {{incidentId}}。',
    company: {
      name: {
        required: '請填寫公司名稱。',
        tooLong: '公司名稱不能超過 100 個字。',
      },
      uscc: {
        required: '請填寫統一社會信用代碼。',
        length: '統一社會信用代碼應為 18 碼。',
        charset: '統一社會信用代碼只能包含數字和大寫英文字母（不含 I、O、S、V、Z）。',
        checkDigit: '統一社會信用代碼的檢查碼不正確，請對照營業執照逐碼核對。',
      },
      customsCode: {
        required: '請填寫海關註冊編碼。',
        length: '海關註冊編碼應為 10 碼。',
        charset: '海關註冊編碼只能包含數字和英文字母。',
      },
      dxpId: {
        format: '電子口岸 DXP ID 只能包含數字和英文字母，最多 16 碼。',
      },
      pilotZone: {
        unknown: '請從清單中選擇綜合試驗區。',
      },
      baseCurrency: {
        unsupported: '記帳本位幣目前只支援人民幣（CNY）。',
      },
    },
    validation: {
      failed: '有資料未通過檢查，請依照提示修改後再儲存。',
      required: '此欄位必填。',
      tooLong: '內容太長。',
      notAllowed: '此值不在可選範圍內。',
      unknownField: '包含無法辨識的欄位。',
      invalid: '格式不正確。',
    },
    request: {
      invalid: '送出的內容不完整或格式不正確，請檢查標示的欄位。',
      forbidden: '拒絕存取：此頁面的存取憑證無效或已過期。請從跨境台帳程式重新開啟網頁版。',
      badJson: '送出的資料格式有誤，無法讀取。',
      tooLarge: '送出的資料太大。',
      unknownCommand: '程式無法辨識這個操作（{{command}}）。介面和後端的版本可能不一致，請重新啟動程式。',
    },
    db: {
      alreadyOpen: '帳簿檔案已被另一個跨境台帳視窗或程序開啟。請先關閉後再試。',
    },
    network: {
      unreachable: '無法連線到跨境台帳後端。請確認程式仍在執行，然後再試一次。',
    },
  },
} satisfies Translation;
