/**
 * Simplified Chinese (zh-CN): the source of truth for every string the user sees.
 * Its shape types the other locales (a missing or extra key fails to compile) and the
 * i18next `t()` keys. `errors.<code>` mirrors the stable error codes of the core, split
 * on dots (`company.uscc.checkDigit` → errors.company.uscc.checkDigit).
 */
export const zhCN = {
  app: {
    name: '跨境台账',
    tagline: '跨境电商出口卖家的离线台账',
    loading: '正在打开账簿…',
    bootFailedTitle: '跨境台账未能打开账簿',
    bootFailedBody: '下面是出错原因。处理后可以重试。',
    retry: '重试',
  },
  nav: {
    label: '功能导航',
    orders: '订单',
    stock: '库存',
    settlement: '结汇',
    customs: '报关',
    sync: '同步',
    reports: '报表',
    training: '实训',
    settings: '设置',
  },
  topBar: {
    company: '当前企业',
    language: '界面语言',
  },
  common: {
    dismiss: '关闭',
    refresh: '刷新',
    optional: '选填',
    notAvailableYet: '尚未开放',
  },
  sync: {
    indicator: {
      label: '同步状态',
      unknown: '同步状态未知',
      offline: '未连接平台',
      offlineQueued: '未连接平台 · {{count}} 条待同步',
      idle: '已全部同步',
      idleQueued: '{{count}} 条待同步',
      sending: '正在同步 · 剩余 {{count}} 条',
      error: '同步出错 · {{count}} 条失败',
    },
    page: {
      title: '同步',
      description: '台账中需要报送平台的单据会先进入待同步队列，连接平台后按顺序发送，可安全重试。',
      queued: '待同步',
      failed: '发送失败',
      state: '连接状态',
      states: {
        offline: '未连接平台',
        idle: '空闲',
        sending: '正在发送',
        error: '出错',
      },
      unknown: '尚未取得同步状态。',
      emptyTitle: '平台连接尚未开放',
      emptyBody: '连接跨境电商平台和单一窗口的功能仍在开发中。在此之前，单据只保存在本机账簿里，上面的数字会显示有多少条在等待发送。',
    },
  },
  firstRun: {
    title: '欢迎使用跨境台账',
    intro: '跨境台账把订单、库存、结汇和报关记在本机的一本账里，不联网也能用。开始之前，请先填写企业的基本信息：这些信息会出现在每一份报关报文和打印件上。',
    privacy: '所有数据只保存在这台电脑上。',
    formTitle: '企业信息',
  },
  company: {
    fields: {
      name: {
        label: '企业名称',
        help: '与营业执照上的名称一致，最多 100 个字。',
      },
      uscc: {
        label: '统一社会信用代码',
        help: '18 位，见营业执照。字母不区分大小写，保存时统一转为大写。',
      },
      customsCode: {
        label: '海关注册编码',
        help: '10 位，海关备案时取得的企业编码。',
      },
      dxpId: {
        label: '电子口岸 DXP ID',
        help: '中国电子口岸数据交换平台的接入编号，最多 16 位数字或字母。暂时没有可以留空。',
      },
      pilotZone: {
        label: '跨境电商综合试验区',
        help: '企业所在的综试区；列表里没有的请选“其他”。',
        placeholder: '请选择…',
      },
      baseCurrency: {
        label: '记账本位币',
        help: '目前固定为人民币。',
      },
    },
    currencies: {
      CNY: '人民币（CNY）',
    },
    pilotZones: {
      zhuzhou: '株洲',
      zhengzhou: '郑州',
      chongqing: '重庆',
      longyan: '龙岩',
      honghe: '红河',
      hangzhou: '杭州',
      shenzhen: '深圳',
      guangzhou: '广州',
      ningbo: '宁波',
      xiamen: '厦门',
      other: '其他',
    },
    save: '保存企业信息',
    saving: '正在保存…',
    saved: '已保存：第 {{version}} 版，{{savedAt}}',
    fixFields: '请按提示修改标出的字段后再保存。',
  },
  settings: {
    title: '设置',
    description: '企业信息和界面语言。企业信息每次保存都会生成新版本，旧版本保留在账簿文件中。',
    companySection: '企业信息',
    languageSection: '界面语言',
    languageHelp: '选择的语言会保存在账簿中，下次打开时沿用。',
    aboutSection: '关于',
    version: '程序版本',
    schemaVersion: '账簿格式版本',
    dataFile: '账簿文件',
  },
  pages: {
    orders: {
      title: '订单台账',
      description: '按平台和店铺记录每一笔出口订单。',
      emptyTitle: '订单功能尚未开放',
      emptyBody: '订单台账将在导入功能完成后出现在这里：届时可以导入平台导出的订单表格，并逐笔核对金额和状态。目前还不能录入订单。',
    },
    stock: {
      title: '库存',
      description: '国内仓和海外仓的出入库流水与结存。',
      emptyTitle: '库存功能尚未开放',
      emptyBody: '库存流水和结存将在订单与采购能记账之后出现在这里。目前还没有任何库存记录。',
    },
    settlement: {
      title: '结汇',
      description: '平台回款、结汇金额与汇率记录。',
      emptyTitle: '结汇功能尚未开放',
      emptyBody: '平台回款和结汇明细将在这里核对，包括汇率日期和来源。此功能仍在开发中，目前没有数据。',
    },
    customs: {
      title: '报关',
      description: '跨境电商出口清单和报文（9610 / 9710 / 9810）。',
      emptyTitle: '报关功能尚未开放',
      emptyBody: '出口申报清单将由订单生成并在这里校验、导出。订单功能完成之前，这里不会有报关单据。',
    },
    reports: {
      title: '报表',
      description: '从台账汇总的经营、税务和结汇报表。',
      emptyTitle: '报表尚未开放',
      emptyBody: '报表只读取台账中已记录的数据。订单、库存和结汇功能上线后，这里会提供汇总报表和导出。',
    },
    training: {
      title: '实训',
      description: '在独立的练习账簿中模拟真实业务，不会影响正式台账。',
      emptyTitle: '实训功能尚未开放',
      emptyBody: '实训场景（模拟订单、报关和结汇流程）将在这里提供。目前还没有可用的练习场景。',
    },
  },
  errors: {
    unknown: '发生错误（代码：{{code}}）。',
    internal: '程序内部出错。请联系技术支持，并提供事件编号 {{incidentId}}。',
    company: {
      name: {
        required: '请填写企业名称。',
        tooLong: '企业名称不能超过 100 个字。',
      },
      uscc: {
        required: '请填写统一社会信用代码。',
        length: '统一社会信用代码应为 18 位。',
        charset: '统一社会信用代码只能包含数字和大写字母（不含 I、O、S、V、Z）。',
        checkDigit: '统一社会信用代码的校验位不对，请对照营业执照逐位核对。',
      },
      customsCode: {
        required: '请填写海关注册编码。',
        length: '海关注册编码应为 10 位。',
        charset: '海关注册编码只能包含数字和字母。',
      },
      dxpId: {
        format: '电子口岸 DXP ID 只能包含数字和字母，最多 16 位。',
      },
      pilotZone: {
        unknown: '请从列表中选择综合试验区。',
      },
      baseCurrency: {
        unsupported: '记账本位币目前只支持人民币（CNY）。',
      },
    },
    validation: {
      failed: '有内容未通过检查，请按提示修改后再保存。',
      required: '此项必填。',
      tooLong: '内容过长。',
      notAllowed: '此值不在可选范围内。',
      unknownField: '包含无法识别的字段。',
      invalid: '格式不正确。',
    },
    request: {
      invalid: '提交的内容不完整或格式不对，请检查标出的字段。',
      forbidden: '访问被拒绝：本页面的访问凭据无效或已过期。请从跨境台账程序重新打开网页版。',
      badJson: '提交的数据格式有误，无法读取。',
      tooLarge: '提交的数据过大。',
      unknownCommand: '程序不认识这个操作（{{command}}）。界面和后台的版本可能不一致，请重新启动程序。',
    },
    db: {
      alreadyOpen: '账簿文件已被另一个跨境台账窗口或进程打开。请先关闭它再试。',
    },
    network: {
      unreachable: '无法连接到跨境台账后台。请确认程序仍在运行，然后重试。',
    },
  },
} as const;
