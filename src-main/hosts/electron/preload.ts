/**
 * Sandboxed preload: exposes `window.kuajing` = { commands: one function per command, onEvent }
 * and nothing else (no ipcRenderer, no Node). It may import only `electron` and `import type`:
 * the sandbox has no Node modules and the bundle must not pull zod, so the command names are
 * listed here and checked against the contract at compile time.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppEvent, CommandName, KuajingApi, KuajingBridge } from '../../api/contract.ts';
import { SETTLEMENT_COMMANDS } from './commands-settlement.ts';
import { CUSTOMS_COMMANDS } from './commands-customs.ts';
import { SYNC_COMMANDS } from './commands-sync.ts';

// Same names as COMMAND_CHANNEL / EVENT_CHANNEL in ipc-bridge.ts (a test keeps them equal).
const COMMAND_CHANNEL = 'kuajing:command';
const EVENT_CHANNEL = 'kuajing:event';

const COMMANDS = [
  'app.info',
  'company.get',
  'company.save',
  'settings.get',
  'settings.setLanguage',
  'sync.status',
  'shops.list',
  'shops.save',
  'imports.preview',
  'imports.confirm',
  'imports.discard',
  'imports.rejectedCsv',
  'imports.mappings.list',
  'orders.list',
  'orders.count',
  'orders.get',
  'orders.save',
  'orders.setCustomsMode',
  'orders.stats',
  'stock.skus.list',
  'stock.skus.save',
  'stock.skus.mapPlatform',
  'stock.warehouses.list',
  'stock.warehouses.save',
  'stock.moves.post',
  'stock.moves.reverse',
  'stock.moves.list',
  'stock.shipments.create',
  'stock.shipments.receive',
  'stock.shipments.addCost',
  'stock.shipments.list',
  'stock.onHand',
  'stock.valuation',
  'stock.ageing',
  'stock.reorderHints',
  'stock.postSales',
  'stock.import',
  'settings.setValuationMethod',
  ...SETTLEMENT_COMMANDS,
  ...CUSTOMS_COMMANDS,
  ...SYNC_COMMANDS,
] as const satisfies readonly CommandName[];

// Fails to compile when the contract gains a command that is not listed above.
type Unlisted = Exclude<CommandName, (typeof COMMANDS)[number]>;
const everyCommandListed: [Unlisted] extends [never] ? true : { missing: Unlisted } = true;
void everyCommandListed;

const commands = Object.fromEntries(
  COMMANDS.map((name) => [name, (input: unknown) => ipcRenderer.invoke(COMMAND_CHANNEL, name, input)]),
) as unknown as KuajingApi;

const bridge = {
  commands,
  onEvent(listener: (event: AppEvent) => void): () => void {
    // The IpcRendererEvent is dropped: it carries `sender` (ipcRenderer itself).
    const forward = (_event: IpcRendererEvent, appEvent: AppEvent): void => listener(appEvent);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
} satisfies KuajingBridge;

contextBridge.exposeInMainWorld('kuajing', bridge);
