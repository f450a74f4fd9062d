/**
 * The lesson panel's read-only status (issue 18 point 2): `training.lesson.status` checks the lesson the
 * trainee follows without writing anything — the progress record stays byte for byte, no command_log
 * row — while the Training page's `training.lessons.check` keeps recording attempts; the chosen lesson
 * lives in the progress record; a company workspace has no lesson to follow.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../../../src-main/api/dispatch.ts';
import { createHandlers } from '../../../../src-main/api/handlers.ts';
import { openWorkspace, type Workspace } from '../../../../src-main/api/workspace.ts';
import { runCli } from '../../../../src-main/cli/run-cli.ts';
import { PROGRESS_FILE } from '../../../../src-main/areas/training/index.ts';
import type { LessonStatus } from '../../../../src-main/areas/training/contract.ts';
import { tempDir } from '../../sync/sync-test-kit.ts';

let ws: Workspace | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

async function open(dir: string): Promise<{ w: Workspace; dispatch: Dispatch }> {
  ws = await openWorkspace({ dataDir: dir, host: 'cli' });
  return { w: ws, dispatch: createDispatch(createHandlers(ws), () => undefined) };
}

const commandRows = (w: Workspace): number =>
  w.read.prepare('SELECT count(*) FROM command_log').pluck().get() as number;

describe('training.lesson.status', () => {
  it('evaluates the chosen lesson without writing the progress record or a command_log row', async () => {
    const dir = path.join(tempDir('kuajing-lesson-status-'), 'trainee');
    const quiet = {
      out: () => undefined,
      err: () => undefined,
      untilStopped: () => new Promise<void>(() => undefined),
    };
    expect(await runCli(['training', 'new', '--scenario', 'parcel-9610', '--data-dir', dir], quiet)).toBe(0);
    const { w, dispatch } = await open(dir);
    const progressFile = path.join(dir, PROGRESS_FILE);

    expect(await dispatch('training.lesson.status', {})).toEqual({ ok: true, value: { current: null, lesson: null } });
    const chosen = await dispatch('training.lesson.choose', { lesson: 2 });
    expect(chosen.ok).toBe(true);
    expect(JSON.parse(fs.readFileSync(progressFile, 'utf8')).currentLesson).toBe(2);

    const before = fs.readFileSync(progressFile, 'utf8');
    const rows = commandRows(w);
    for (let i = 0; i < 3; i++) {
      const r = await dispatch('training.lesson.status', {});
      expect(r.ok).toBe(true);
      const status = (r as { value: LessonStatus }).value;
      expect(status.current).toBe(2);
      expect(status.lesson?.id).toBe(2);
      expect(status.lesson?.steps.map((s) => [s.id, s.done])).toEqual([
        ['import', false],
        ['fixRejected', false],
        ['statuses', false],
      ]);
    }
    expect(fs.readFileSync(progressFile, 'utf8')).toBe(before);
    expect(commandRows(w)).toBe(rows);

    // the Training page's explicit check still records an attempt per open step
    expect((await dispatch('training.lessons.check', { lesson: 2 })).ok).toBe(true);
    const recorded = JSON.parse(fs.readFileSync(progressFile, 'utf8'));
    expect(recorded.steps['2.import'].attempts).toBe(1);
    expect(recorded.currentLesson).toBe(2);

    expect((await dispatch('training.lesson.choose', { lesson: 42 })).ok).toBe(false);
    expect(await dispatch('training.lesson.choose', { lesson: null })).toEqual({
      ok: true,
      value: { current: null, lesson: null },
    });
  });

  it('a company workspace has no lesson to follow and refuses to choose one', async () => {
    const { dispatch } = await open(tempDir('kuajing-lesson-company-'));
    expect(await dispatch('training.lesson.status', {})).toEqual({ ok: true, value: { current: null, lesson: null } });
    const r = await dispatch('training.lesson.choose', { lesson: 1 });
    expect(r.ok ? null : r.error.code).toBe('training.notSandbox');
  });
});
