/**
 * The CLI's few human sentences, per language (zh-CN default, en when LANG says so).
 * The core and api only produce codes; this host turns the ones a terminal user meets into text.
 */
type Catalog = Record<string, string>;

const zhCN: Catalog = {
  'db.alreadyOpen': '此数据文件夹已被另一个跨境台账进程打开（{file}）。请先关闭它再试。',
  'db.corrupt': '数据文件损坏（{file}）：{detail}。请从备份恢复。',
  'db.notALedger': '这不是跨境台账的数据文件：{file}',
  'db.cannotOpen': '无法打开数据文件：{file}',
  'db.schemaTooNew': '数据文件版本 {version} 比本程序支持的 {supported} 更新，请升级程序。',
  'workspace.notFound': '这里还没有工作区：{dataDir}。请先运行 npm start 或 kuajing init。',
  'workspace.alreadyInitialised': '工作区已有公司资料：{dataDir}',
  'backup.exists': '备份文件已存在：{out}',
  'validation.failed': '公司资料有误：',
  'usage': '用法错误：{detail}',
  'serve.ready': '跨境台账网页版已启动，请在浏览器中打开：',
  'serve.stop': '按 Ctrl+C 停止。',
  'start.noElectron': '此电脑无法启动 Electron 桌面窗口，改用本机网页版。',
  'rates.missing': '缺少 {currency} 在 {date} 的汇率。请先录入汇率（kuajing rates import FILE，或在“结汇 → 汇率”中添加），绝不按 1 折算。',
  'payouts.total.mismatch': '结算文件的到账金额 {stated} {currency} 与各行合计 {sum} {currency} 不一致，文件可能不完整。',
};
const en: Catalog = {
  'db.alreadyOpen': 'This data folder is already open in another Kuajing Ledger process ({file}). Close it and try again.',
  'db.corrupt': 'The data file is damaged ({file}): {detail}. Restore it from a backup.',
  'db.notALedger': 'Not a Kuajing Ledger data file: {file}',
  'db.cannotOpen': 'Cannot open the data file: {file}',
  'db.schemaTooNew': 'The data file has schema {version}, newer than this app supports ({supported}). Please upgrade.',
  'workspace.notFound': 'No workspace here yet: {dataDir}. Run npm start or kuajing init first.',
  'workspace.alreadyInitialised': 'This workspace already has a company profile: {dataDir}',
  'backup.exists': 'The backup file already exists: {out}',
  'validation.failed': 'The company profile has errors:',
  'usage': 'Usage error: {detail}',
  'serve.ready': 'Kuajing Ledger web host is running. Open in your browser:',
  'serve.stop': 'Press Ctrl+C to stop.',
  'start.noElectron': 'Electron cannot start on this computer; using the local web host instead.',
  'rates.missing': 'No {currency} rate for {date}. Enter the rate first (kuajing rates import FILE, or 结汇 → 汇率); 1 is never assumed.',
  'payouts.total.mismatch': 'The file states a deposit of {stated} {currency} but its lines add up to {sum} {currency}; the file may be incomplete.',
};

export function cliLanguage(env: NodeJS.ProcessEnv = process.env): 'zh-CN' | 'en' {
  const lang = env.KUAJING_LANG ?? env.LC_ALL ?? env.LANG ?? '';
  return lang.startsWith('en') ? 'en' : 'zh-CN';
}

export function message(code: string, params: Record<string, string | number> = {}, lang = cliLanguage()): string {
  const template = (lang === 'en' ? en : zhCN)[code];
  // Codes without a sentence here still show their parameters (the screens translate every code).
  if (!template) return Object.keys(params).length === 0 ? code : Object.entries(params).map(([k, v]) => `${k}=${v}`).join(' ');
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
