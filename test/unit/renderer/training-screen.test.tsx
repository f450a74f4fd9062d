/**
 * The Training page and the shell in a training sandbox (issue 18) against the fake bridge: the
 * banner and the sandbox accent on every screen (not in a company workspace), the lessons' steps
 * ticking when the back end's check says so after a change, the sandboxes and scenarios, and the
 * demo files offered for download.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LessonState, SandboxInfo } from '../../../src-main/areas/training/contract.ts';
import { App } from '../../../src-renderer/app/App.tsx';
import { resetAppStore } from '../../../src-renderer/state/store.ts';
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

function lesson(done: boolean): LessonState {
  return {
    id: 2,
    title: texts('导入订单'),
    goal: texts('目标'),
    steps: [
      {
        id: 'import',
        screen: 'orders/import',
        title: texts('导入订单文件'),
        hint: texts('订单 → 导入订单'),
        done,
        reason: done ? 'training.check.fileImported' : 'training.check.fileNotImported',
        params: done ? { files: 'a.tsv' } : { file: 'a.tsv' },
      },
    ],
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

describe('training sandbox on screen', () => {
  it('shows the banner and the sandbox accent on every screen while in a sandbox', async () => {
    open('#/orders', SANDBOX);
    render(<App />);
    await settle();
    expect(screen.getByTestId('sandbox-banner').textContent).toContain('trainee-1');
    expect(screen.getByTestId('app-shell').className).toContain('sandbox-mode');
  });

  it('shows no banner and the normal accent in the company workspace', async () => {
    open('#/orders', null);
    render(<App />);
    await settle();
    expect(screen.queryByTestId('sandbox-banner')).toBeNull();
    expect(screen.getByTestId('app-shell').className).not.toContain('sandbox-mode');
  });

  it('ticks a lesson step when the check finds it done after a change, not before', async () => {
    open('#/training', SANDBOX);
    let done = false;
    host.overrides['training.lessons.check'] = () => ({ ok: true, value: [lesson(done)] });
    render(<App />);
    await settle();
    const step = () => screen.getByTestId('training-step-2-import');
    expect(step().getAttribute('data-done')).toBe('false');
    expect(step().textContent).toContain('a.tsv');
    done = true;
    await act(async () =>
      host.emit({ name: 'ledger.changed', payload: { command: 'imports.confirm', at: '2026-04-01T03:00:00.000Z' } }),
    );
    await settle();
    expect(step().getAttribute('data-done')).toBe('true');
  });

  it('creates a sandbox under the company folder from a scenario and lists it', async () => {
    open('#/training', null);
    let list: unknown[] = [];
    host.overrides['training.scenarios.list'] = () => ({
      ok: true,
      value: [
        { name: 'parcel-9610', title: texts('9610 直邮'), description: texts('d'), seed: 9610 },
        { name: 'overseas-9810', title: texts('9810 海外仓'), description: texts('d'), seed: 9810 },
      ],
    });
    host.overrides['training.sandboxes.list'] = () => ({ ok: true, value: list as never });
    host.overrides['training.sandboxes.create'] = (input) => {
      const e = {
        name: input.name,
        dataDir: `/co/sandboxes/${input.name}`,
        scenario: input.scenario,
        seed: 9810,
        startedAt: '2026-04-01T02:00:00.000Z',
        stepsDone: 0,
        resets: 0,
        current: false,
      };
      list = [e];
      return { ok: true, value: e };
    };
    render(<App />);
    await settle();
    expect(screen.getByTestId('training-company-notice')).toBeTruthy();
    fireEvent.change(screen.getByTestId('training-new-name'), { target: { value: 'trainee-2' } });
    fireEvent.change(screen.getByTestId('training-new-scenario'), { target: { value: 'overseas-9810' } });
    await act(async () => fireEvent.click(screen.getByTestId('training-new-create')));
    await settle();
    expect(host.callsOf('training.sandboxes.create')).toEqual([{ name: 'trainee-2', scenario: 'overseas-9810' }]);
    expect(screen.getByTestId('training-sandbox-trainee-2')).toBeTruthy();
    expect(screen.getByTestId('training-sandbox-notice').textContent).toContain('/co/sandboxes/trainee-2');
  });

  it('switches to a sandbox in one click and back from the banner, and stays put when the host refuses', async () => {
    open('#/training', null);
    const entry = {
      name: 'trainee-1',
      dataDir: '/co/sandboxes/trainee-1',
      scenario: 'parcel-9610',
      seed: 9610,
      startedAt: '2026-04-01T02:00:00.000Z',
      stepsDone: 0,
      resets: 0,
      current: false,
    };
    host.overrides['training.sandboxes.list'] = () => ({ ok: true, value: [entry] });
    host.overrides['training.workspace.switch'] = () => ({
      ok: false,
      error: { code: 'training.notASandbox', params: { dataDir: '/co/sandboxes/trainee-1' } },
    });
    render(<App />);
    await settle();
    await act(async () => fireEvent.click(screen.getByTestId('training-sandbox-open-trainee-1')));
    await settle();
    expect(host.callsOf('training.workspace.switch')).toEqual([{ to: 'sandbox', name: 'trainee-1' }]);
    expect(screen.getByTestId('training-sandbox').textContent).toContain('/co/sandboxes/trainee-1'); // the refusal, translated
    cleanup();
    host.uninstall();

    open('#/orders', SANDBOX);
    host.overrides['training.workspace.switch'] = () => ({
      ok: false,
      error: { code: 'training.noCompany', params: {} },
    });
    render(<App />);
    await settle();
    await act(async () => fireEvent.click(screen.getByTestId('sandbox-banner-company')));
    await settle();
    expect(host.callsOf('training.workspace.switch')).toEqual([{ to: 'company' }]);
    expect(screen.getByTestId('sandbox-banner').textContent).toContain('没有可以回去的企业账套');
  });

  it('offers the seeded demo files for download', async () => {
    open('#/training', SANDBOX);
    host.overrides['training.demoFiles'] = (input) => ({
      ok: true,
      value: { seed: input.seed, files: [{ fileName: 'shopify-orders.csv', contentBase64: 'YQ==' }] },
    });
    render(<App />);
    await settle();
    fireEvent.change(screen.getByTestId('training-demo-seed'), { target: { value: '42' } });
    await act(async () => fireEvent.click(screen.getByTestId('training-demo-generate')));
    await settle();
    expect(host.callsOf('training.demoFiles')).toEqual([{ seed: 42, orders: 50 }]);
    expect(screen.getByTestId('training-demo-file-shopify-orders.csv')).toBeTruthy();
  });
});
