/**
 * Puts the renderer's singletons back to a fresh start between tests: the zustand store,
 * the i18next language (zh-CN) and the URL hash.
 */
import { applyLanguage } from '../../../src-renderer/i18n/index.ts';
import { resetAppStore } from '../../../src-renderer/state/store.ts';

export async function resetRenderer(): Promise<void> {
  window.location.hash = '';
  await applyLanguage('zh-CN');
  resetAppStore();
}
