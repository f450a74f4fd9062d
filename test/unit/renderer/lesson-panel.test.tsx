/**
 * The lesson panel beside every screen (issue 18 point 2) against the fake bridge: in a sandbox with a
 * followed lesson it shows on a non-training screen with the goal, the ticks the read-only
 * `training.lesson.status` gives (read again after a change), the hint of the first open step and a
 * link to each step's screen; it collapses; it is absent in a company workspace (where the status is
 * not even asked) and when no lesson is followed; the Training page chooses the lesson. Every step of
 * the shipped lessons names a screen of the app.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LessonStatus, SandboxInfo } from '../../../src-main/areas/training/contract.ts';
import { LESSONS } from '../../../src-main/areas/training/index.ts';
import { App } from '../../../src-renderer/app/App.tsx';
import { resetAppStore, useAppStore } from '../../../src-renderer/state/store.ts';
import { isFeatureId } from '../../../src-renderer/state/routes.ts';
import { installFakeHost, VALID_COMPANY, type FakeHost } from './fake-host.ts';
import { resetRenderer } from './reset-renderer.ts';

let host: FakeHost;
beforeEach(async () => {
  await resetRenderer();
});
afterEach(() => {
  cleanup();
  host.uninstall();
});

const texts = (s: string) => ({ 'zh-CN': s, 'zh-TW': s, en: s });
const SANDBOX: SandboxInfo = {
  id: 'sb-1',
  name: 'trainee-1',
  scenario: 'parcel-9610',
  scenarioTitle: texts('9610 直邮小包卖家'),
  seed: 9610,
  createdAt: '2026-04-01T02:00:00.000Z',
  dataDir: '/x/sandboxes/trainee-1',
};

function status(importDone: boolean): LessonStatus {
  const step = (id: string, done: boolean, hint: string) => ({
    id,
    screen: id === 'statuses' ? 'settings' : 'orders/import',
    title: texts(`步骤 ${id}`),
    hint: texts(hint),
    done,
    reason: done ? 'training.check.fileImported' : 'training.check.fileNotImported',
    params: (done ? { files: 'a.tsv' } : { file: 'a.tsv' }) as Record<string, string>,
  });
  return {
    current: 2,
    lesson: {
      id: 2,
      title: texts('导入平台订单'),
      goal: texts('导入场景的订单文件'),
      steps: [
        step('import', importDone, '订单 → 导入订单'),
        step('fixRejected', false, '下载被拒的行，改正后再导入'),
        step('statuses', false, '设置 → 订单状态'),
      ],
    },
  };
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

function open(hash: string, sandbox: SandboxInfo | null): void {
  window.location.hash = hash;
  resetAppStore();
  host = installFakeHost({ company: VALID_COMPANY });
  host.overrides['training.sandbox.get'] = () => ({ ok: true, value: sandbox });
}

describe('lesson panel beside every screen', () => {
  it('shows the followed lesson on the orders screen of a sandbox; its ticks follow the read-only status', async () => {
    open('#/orders', SANDBOX);
    let importDone = false;
    host.overrides['training.lesson.status'] = () => ({ ok: true, value: status(importDone) });
    render(<App />);
    await settle();
    expect(screen.getByTestId('page-orders')).toBeTruthy();
    const panel = screen.getByTestId('lesson-panel');
    expect(panel.textContent).toContain('导入平台订单');
    expect(panel.textContent).toContain('导入场景的订单文件');
    expect(screen.getByTestId('lesson-panel-step-import').getAttribute('data-done')).toBe('false');
    expect(screen.getByTestId('lesson-panel-hint').textContent).toContain('订单 → 导入订单');

    importDone = true;
    await act(async () =>
      host.emit({ name: 'ledger.changed', payload: { command: 'imports.confirm', at: '2026-04-01T03:00:00.000Z' } }),
    );
    await settle();
    expect(screen.getByTestId('lesson-panel-step-import').getAttribute('data-done')).toBe('true');
    expect(screen.getByTestId('lesson-panel-step-fixRejected').getAttribute('data-done')).toBe('false');
    // the hint moves to the first open step
    expect(screen.getByTestId('lesson-panel-hint').textContent).toContain('下载被拒的行');
    expect(screen.getByTestId('lesson-panel-progress').textContent).toContain('1');
    // the panel only reads: never the recording check
    expect(host.callsOf('training.lessons.check')).toEqual([]);

    // a step's link opens its screen
    await act(async () => fireEvent.click(screen.getByTestId('lesson-panel-go-statuses')));
    await settle();
    expect(useAppStore.getState().route).toBe('settings');
    expect(screen.getByTestId('lesson-panel')).toBeTruthy();

    // collapsible
    await act(async () => fireEvent.click(screen.getByTestId('lesson-panel-toggle')));
    expect(screen.queryByTestId('lesson-panel-step-import')).toBeNull();
    expect(screen.getByTestId('lesson-panel-short').textContent).toContain('2');
  });

  it('is absent in a company workspace, which does not ask for a lesson', async () => {
    open('#/orders', null);
    host.overrides['training.lesson.status'] = () => ({ ok: true, value: status(true) });
    render(<App />);
    await settle();
    expect(screen.getByTestId('page-orders')).toBeTruthy();
    expect(screen.queryByTestId('lesson-panel')).toBeNull();
    expect(host.callsOf('training.lesson.status')).toEqual([]);
  });

  it('is absent in a sandbox until the trainee follows a lesson from the Training page', async () => {
    open('#/training', SANDBOX);
    let current: LessonStatus = { current: null, lesson: null };
    host.overrides['training.lesson.status'] = () => ({ ok: true, value: current });
    host.overrides['training.lessons.check'] = () => ({ ok: true, value: [status(false).lesson!] });
    host.overrides['training.lesson.choose'] = (input) => {
      current = input.lesson === 2 ? status(false) : { current: null, lesson: null };
      return { ok: true, value: current };
    };
    render(<App />);
    await settle();
    expect(screen.queryByTestId('lesson-panel')).toBeNull();
    await act(async () => fireEvent.click(screen.getByTestId('training-follow-2')));
    await settle();
    expect(host.callsOf('training.lesson.choose')).toEqual([{ lesson: 2 }]);
    expect(screen.getByTestId('lesson-panel').getAttribute('data-lesson')).toBe('2');
    expect(screen.getByTestId('training-following-2')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId('lesson-panel-stop')));
    await settle();
    expect(screen.queryByTestId('lesson-panel')).toBeNull();
  });

  it('every step of the shipped lessons names a screen of the app', () => {
    for (const l of LESSONS)
      for (const s of l.steps) expect(isFeatureId(s.screen.split('/')[0] ?? ''), `${l.id}.${s.id}`).toBe(true);
  });
});
