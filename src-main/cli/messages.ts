/**
 * The CLI's few human sentences, per language (zh-CN default, en when LANG says so).
 * The core and api only produce codes; this host turns the ones a terminal user meets into text.
 */
type Catalog = Record<string, string>;

const zhCN: Catalog = {
  'db.alreadyOpen': '此数据文件夹已被另一个跨境台账进程打开（{file}）。请先关闭它再试。',
  'db.corrupt':
    '数据文件损坏（{file}）：{detail}。最新的完好备份：{newestBackup}。恢复：kuajing restore 备份文件 --data-dir 数据文件夹（当前文件会先另存）。',
  'restore.done': '已恢复：{restoredFrom}。恢复前的文件另存在：{keptAside}',
  'db.notALedger': '这不是跨境台账的数据文件：{file}',
  'db.cannotOpen': '无法打开数据文件：{file}',
  'db.schemaTooNew': '数据文件版本 {version} 比本程序支持的 {supported} 更新，请升级程序。',
  'workspace.notFound': '这里还没有工作区：{dataDir}。请先运行 npm start 或 kuajing init。',
  'workspace.alreadyInitialised': '工作区已有公司资料：{dataDir}',
  'backup.exists': '备份文件已存在：{out}',
  'validation.failed': '公司资料有误：',
  usage: '用法错误：{detail}',
  'archive.exported': '已导出 {tables} 张表、{rows} 行到 {file}（摘要 {digest}）。',
  'archive.imported': '已导入到 {dataDir}：{tables} 张表、{rows} 行，摘要核对一致（{digest}）。',
  'archive.targetExists': '{file} 已经是一个账簿：请导入到一个新的空文件夹。',
  'archive.notFound': '找不到导出文件：{file}',
  'archive.notAnArchive': '{file} 不是跨境台账的导出文件（缺少 manifest.json）。',
  'archive.unreadable': '导出文件 {file} 无法读取：{detail}',
  'archive.schemaMismatch':
    '导出文件 {file} 的数据结构版本是 {version}，本程序是 {supported}：请用相同版本的程序导入。',
  'archive.brokenReferences': '导出文件 {file} 中有 {count} 处引用对不上，未导入任何内容。',
  'archive.digestMismatch': '导出文件 {file} 的内容与其摘要不符（可能被改动过），未导入任何内容。',
  'serve.ready': '跨境台账网页版已启动，请在浏览器中打开：',
  'serve.recovering': '台账文件已损坏，无法打开；网页版以恢复模式启动：打开后可从备份恢复。',
  'serve.stop': '按 Ctrl+C 停止。',
  'start.noElectron': '此电脑无法启动 Electron 桌面窗口，改用本机网页版。',
  'reports.rate.missing':
    '缺少 {currency} 在 {date} 的人民银行中间价，报表不用其他日期或来源的汇率代替。请先录入（kuajing rates import FILE）。',
  'reports.period.invalid': '期间“{period}”无效：请填月份（2026-03）或季度（2026-Q1）。',
  'period.closed':
    '{month} 已结账：不能再记入日期为 {date} 的变动。请先重新打开该月（kuajing period reopen --month {month} --reason …）。',
  'period.alreadyClosed': '{month} 已经结账。',
  'imports.month': '{month}：新 {new}，更新 {updated}，无变化 {unchanged}',
  'statuses.heldBack': '{month} 已结账：其中 {orders} 个订单保持原状态（重新打开该月后再保存一次即可改过来）。',
  'imports.month.closed': '{month}（已结账）：未写入 {heldBack}，无变化 {unchanged}',
  'imports.heldBack.new': '订单 {orderNo}（{date}）未写入：{month} 已结账（period.closed）。',
  'imports.heldBack.updated': '订单 {orderNo}（{date}）的更新未写入：{month} 已结账（period.closed）。',
  'imports.heldBack.preview':
    '{count} 个订单的日期在已结账的月份，导入时不会写入，也不会改记到其他月份。需要补录时请先 kuajing period reopen --month … --reason … 再导入。',
  'imports.heldBack.done':
    '{count} 个订单的日期在已结账的月份，没有写入，已结账月份的数字不变。需要补录时请先 kuajing period reopen --month … --reason … 再导入此文件。',
  'payouts.heldBack': '{count} 个订单的日期在已结账的月份（{months}）：不计入已匹配，导入时不写入，也不记收入。',
  'training.notSandbox':
    '这是企业的正式账套，不能连接练习平台或使用练习用加签。请先新建练习账套（kuajing training new）。',
  'training.companyFolder': '文件夹 {dataDir} 里是企业的正式账套，不能在这里建练习账套。',
  'training.sandboxExists': '文件夹 {dataDir} 里已经有练习账套；要恢复它请用 kuajing training reset。',
  'training.notASandbox': '文件夹 {dataDir} 里不是练习账套。',
  'training.sandboxTarget': '练习账套“{sandbox}”只能同步到为它启动的本机练习平台，不能发送到 {target}。',
  'period.notClosed': '{month} 没有结账，无需重新打开。',
  'period.month.invalid': '月份“{month}”无效，请写成 2026-03。',
  'rates.missing':
    '缺少 {currency} 在 {date} 的汇率。请先录入汇率（kuajing rates import FILE，或在“结汇 → 汇率”中添加），绝不按 1 折算。',
  'payouts.total.mismatch':
    '结算文件的到账金额 {stated} {currency} 与各行合计 {sum} {currency} 不一致，文件可能不完整。',
  'stock.warehouseKindUnknown':
    '不知道这些新仓库的类型：{warehouses}。请在文件中加 warehouse_kind / warehouse_country 列，或先用 kuajing warehouses add --code C --name N --kind K --country CC 建好仓库。未导入任何内容。',
  'import.file.tooLarge':
    '文件太大，不能一次导入（{bytes} 字节，上限 {maxBytes}）。请按时间分段导出后分别导入。未导入任何内容。',
  'import.file.tooManyRows': '文件超过 {maxRows} 行，一次导入容纳不下。请按时间分段导出后分别导入。未导入任何内容。',
  'import.file.compressedTooMuch':
    '这个 Excel 文件解压后过大（{part}：{bytes} 字节，上限 {maxBytes}），可能已损坏或被刻意构造，没有读取。请从平台重新导出，或分成几个文件。',
  'import.file.changed': '预览之后文件有了变化（被修改或替换），没有导入。请重新预览后再确认。',
  'import.file.tooLargeToRead':
    '读取这个文件需要的内存超过了上限（{limitMb} MB），没有导入。请按时间分段导出后分别导入。',
  'import.file.readFailed': '读取文件时出错，没有导入（{detail}）。请重新导出后再试。',
  'import.fileRef.invalid': '要导入的文件不是本程序接收的导入文件（{fileRef}），没有读取。',
  'import.fileRef.missing': '送来导入的文件已不在（{fileRef}）。请重新导入。',
  'import.upload.tooLarge': '文件太大，不能一次导入（上限 {maxBytes} 字节）。请按时间分段导出后分别导入。',
  'import.upload.failed': '文件没能复制到工作区的 tmp/imports（磁盘已满或无法写入）。未导入任何内容。',
  'import.file.truncated':
    '文件不完整（在某一行或某个字符中间结束）：第 {lastGoodRow} 行及之前是完整的。请重新下载或导出文件。未导入任何内容。',
  'imports.rowsRejected':
    '有 {rejected} 行被拒绝（见上面的列表），未导入任何内容。修正后重新导入，或加 --accept-valid-rows 只导入其余 {orders} 个订单。',
  'imports.allRowsRejected': '文件的 {rejected} 行全部被拒绝（见上面的列表），未导入任何内容。',
  'imports.mappingIncomplete':
    '通用导入缺少这些字段的列：{fields}。请用 --mapping 指定已保存的列映射，未导入任何内容。',
  'imports.shopAmbiguous': '{platform} 有多个店铺（{shops}），请用 --shop 指定这份文件属于哪个店铺。未导入任何内容。',
  'statuses.ambiguousShop': '多个店铺的订单都有状态“{word}”（店铺 {shops}），请用 --shop 指定。',
  'statuses.wordNotFound': '没有订单带有状态“{word}”；请用 --shop 指定要为哪个店铺保存。',
  'customs.validator.failed': 'XSD 校验没能完成（{reason}），没有保存任何报文，请重试。',
  'customs.signer.required':
    '报关设置为申报（appStatus 2），申报报文必须加签：请先设置加签方式（kuajing sync 的 signer 设置）；只想暂存请用 kuajing customs settings --set appStatus=1。',
};
const en: Catalog = {
  'db.alreadyOpen':
    'This data folder is already open in another Kuajing Ledger process ({file}). Close it and try again.',
  'db.corrupt':
    'The data file is damaged ({file}): {detail}. Newest good backup: {newestBackup}. Restore with: kuajing restore BACKUP --data-dir DIR (the current file is kept aside first).',
  'db.notALedger': 'Not a Kuajing Ledger data file: {file}',
  'db.cannotOpen': 'Cannot open the data file: {file}',
  'db.schemaTooNew': 'The data file has schema {version}, newer than this app supports ({supported}). Please upgrade.',
  'restore.done': 'Restored from {restoredFrom}. The file as it was before is kept at {keptAside}',
  'workspace.notFound': 'No workspace here yet: {dataDir}. Run npm start or kuajing init first.',
  'workspace.alreadyInitialised': 'This workspace already has a company profile: {dataDir}',
  'backup.exists': 'The backup file already exists: {out}',
  'validation.failed': 'The company profile has errors:',
  usage: 'Usage error: {detail}',
  'archive.exported': 'Exported {tables} tables, {rows} rows to {file} (digest {digest}).',
  'archive.imported': 'Imported into {dataDir}: {tables} tables, {rows} rows, digest checked ({digest}).',
  'archive.targetExists': '{file} is already a ledger: import into a new, empty folder.',
  'archive.notFound': 'Archive not found: {file}',
  'archive.notAnArchive': '{file} is not a Kuajing Ledger export (no manifest.json).',
  'archive.unreadable': 'The archive {file} cannot be read: {detail}',
  'archive.schemaMismatch':
    'The archive {file} has schema version {version}; this program has {supported}: import it with the same version.',
  'archive.brokenReferences': 'The archive {file} has {count} references that do not match; nothing was imported.',
  'archive.digestMismatch':
    'The content of {file} does not match its digest (it may have been changed); nothing was imported.',
  'serve.ready': 'Kuajing Ledger web host is running. Open in your browser:',
  'serve.recovering':
    'The ledger file is damaged and cannot be opened; the web host runs in recovery: open it to restore from a backup.',
  'serve.stop': 'Press Ctrl+C to stop.',
  'start.noElectron': 'Electron cannot start on this computer; using the local web host instead.',
  'reports.rate.missing':
    "There is no PBoC central parity for {currency} on {date}; a report never uses another day's or source's rate. Enter it first (kuajing rates import FILE).",
  'reports.period.invalid': 'The period "{period}" is not valid: give a month (2026-03) or a quarter (2026-Q1).',
  'period.closed':
    '{month} is closed: a change dated {date} cannot be posted. Reopen the month first (kuajing period reopen --month {month} --reason …).',
  'training.notSandbox':
    "This is the company's real workspace: no practice platform, no practice signer. Create a training sandbox first (kuajing training new).",
  'training.companyFolder': 'The folder {dataDir} holds a company workspace; a sandbox cannot be created there.',
  'training.sandboxExists':
    'The folder {dataDir} already holds a training sandbox; to restore it use kuajing training reset.',
  'training.notASandbox': 'The folder {dataDir} does not hold a training sandbox.',
  'training.sandboxTarget':
    'The training sandbox “{sandbox}” syncs only to the local practice platform started for it, not to {target}.',
  'period.alreadyClosed': '{month} is already closed.',
  'imports.month': '{month}: new {new}, updated {updated}, unchanged {unchanged}',
  'statuses.heldBack':
    '{month} is closed: {orders} of its orders keep their status (save the mapping again after reopening the month).',
  'imports.month.closed': '{month} (closed): not written {heldBack}, unchanged {unchanged}',
  'imports.heldBack.new': 'Order {orderNo} ({date}) not written: {month} is closed (period.closed).',
  'imports.heldBack.updated': 'The update of order {orderNo} ({date}) not written: {month} is closed (period.closed).',
  'imports.heldBack.preview':
    '{count} orders are dated in a closed month: importing will not write them, nor move them to another month. To add them, kuajing period reopen --month … --reason … and import again.',
  'imports.heldBack.done':
    '{count} orders are dated in a closed month and were not written; the closed month’s figures are unchanged. To add them, kuajing period reopen --month … --reason … and import this file again.',
  'payouts.heldBack':
    '{count} orders are dated in a closed month ({months}): not counted as matched, not written and no revenue booked.',
  'period.notClosed': '{month} is not closed, so it cannot be reopened.',
  'period.month.invalid': 'The month "{month}" is not valid; write it as 2026-03.',
  'rates.missing':
    'No {currency} rate for {date}. Enter the rate first (kuajing rates import FILE, or 结汇 → 汇率); 1 is never assumed.',
  'payouts.total.mismatch':
    'The file states a deposit of {stated} {currency} but its lines add up to {sum} {currency}; the file may be incomplete.',
  'stock.warehouseKindUnknown':
    'The kind of these new warehouses is not known: {warehouses}. Add warehouse_kind / warehouse_country columns to the file, or create them first with kuajing warehouses add --code C --name N --kind K --country CC. Nothing was imported.',
  'import.file.tooLarge':
    'The file is too large to import at once ({bytes} bytes, limit {maxBytes}). Export it in smaller date ranges and import each. Nothing was imported.',
  'import.file.tooManyRows':
    'The file has more than {maxRows} rows, more than one import can hold. Export it in smaller date ranges and import each. Nothing was imported.',
  'import.file.compressedTooMuch':
    'This Excel file expands too much when unpacked ({part}: {bytes} bytes, limit {maxBytes}); it may be damaged or crafted, and was not read. Export it again, or split it into several files.',
  'import.file.changed':
    'The file changed after the preview (edited or replaced), so it was not imported. Preview it again, then confirm.',
  'import.file.tooLargeToRead':
    'Reading this file needs more memory than the limit ({limitMb} MB), so it was not imported. Export it in smaller date ranges and import each.',
  'import.file.readFailed': 'The file could not be read, so it was not imported ({detail}). Export it again and retry.',
  'import.fileRef.invalid':
    'The file to import ({fileRef}) is not one the app received for importing; it was not read.',
  'import.fileRef.missing': 'The file sent for importing ({fileRef}) is no longer there. Import it again.',
  'import.upload.tooLarge':
    'The file is too large to import at once (limit {maxBytes} bytes). Export it in smaller date ranges and import each.',
  'import.upload.failed':
    "The file could not be copied into the workspace's tmp/imports (disk full or not writable). Nothing was imported.",
  'import.file.truncated':
    'The file is cut off (it ends inside a row or a character); rows up to {lastGoodRow} are complete. Download or export it again. Nothing was imported.',
  'imports.rowsRejected':
    '{rejected} rows were rejected (listed above); nothing was imported. Fix them and import again, or add --accept-valid-rows to import the other {orders} orders.',
  'imports.allRowsRejected': 'All {rejected} rows of the file were rejected (listed above); nothing was imported.',
  'imports.mappingIncomplete':
    'The generic import has no column for: {fields}. Name a saved mapping with --mapping. Nothing was imported.',
  'imports.shopAmbiguous':
    '{platform} has several shops ({shops}); name the one this file belongs to with --shop. Nothing was imported.',
  'statuses.ambiguousShop': 'Orders of several shops carry the status "{word}" (shops {shops}); name one with --shop.',
  'statuses.wordNotFound': 'No order carries the status "{word}"; name the shop to save it for with --shop.',
  'customs.validator.failed': 'The XSD check could not finish ({reason}); no message was stored. Try again.',
  'customs.signer.required':
    'The customs settings declare (appStatus 2) and a declaration must be signed: set a signer in the sync settings first; to store drafts only, run kuajing customs settings --set appStatus=1.',
};

export function cliLanguage(env: NodeJS.ProcessEnv = process.env): 'zh-CN' | 'en' {
  const lang = env.KUAJING_LANG ?? env.LC_ALL ?? env.LANG ?? '';
  return lang.startsWith('en') ? 'en' : 'zh-CN';
}

export function message(code: string, params: Record<string, string | number> = {}, lang = cliLanguage()): string {
  const template = (lang === 'en' ? en : zhCN)[code];
  // Codes without a sentence here still show their parameters (the screens translate every code).
  if (!template)
    return Object.keys(params).length === 0
      ? code
      : Object.entries(params)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ');
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
