/**
 * What the Training page reads (issue 18): this workspace as a sandbox, the scenarios, the sandbox
 * folders under `<company data folder>/sandboxes/`, the lessons with their checks, and the seeded
 * demo files to download (the same generator as `kuajing demo`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeDemoFiles } from '../imports/index.ts';
import type { Workspace } from '../workspace.ts';
import type { DemoFile, LessonState, LessonStatus, SandboxInfo, SandboxListEntry, ScenarioInfo } from './contract.ts';
import { LESSONS, SCENARIOS } from './catalog.ts';
import { checkLessons } from './lesson-checks.ts';
import { ensureProgress, readProgress, writeProgress } from './progress.ts';
import { SANDBOXES_DIR, sandboxOf } from './sandbox-service.ts';
import { checkSandboxName, createSandbox, resetSandbox, type SandboxOpener } from './sandbox-lifecycle.ts';
import { DomainError } from '../../core/domain-error.ts';

export function sandboxInfo(ws: Workspace): SandboxInfo | null {
  const m = sandboxOf(ws);
  if (!m) return null;
  const s = SCENARIOS.find((x) => x.name === m.scenario);
  return { ...m, scenarioTitle: s?.title ?? null, dataDir: ws.dataDir };
}

export function scenarioList(): ScenarioInfo[] {
  return SCENARIOS.map((s) => ({ name: s.name, title: s.title, description: s.description, seed: s.seed }));
}

/** The company folder's `sandboxes/` (from a sandbox inside it: that same folder). */
export function sandboxesDir(ws: Workspace): string {
  const parent = path.dirname(ws.dataDir);
  return sandboxOf(ws) && path.basename(parent) === SANDBOXES_DIR ? parent : path.join(ws.dataDir, SANDBOXES_DIR);
}

export function sandboxList(ws: Workspace): SandboxListEntry[] {
  const dir = sandboxesDir(ws);
  let names: string[];
  try {
    names = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const dataDir = path.join(dir, name);
    const p = readProgress(dataDir);
    return {
      name,
      dataDir,
      scenario: p?.scenario ?? null,
      seed: p?.seed ?? null,
      startedAt: p?.startedAt ?? null,
      stepsDone: p ? Object.values(p.steps).filter((s) => s.doneAt).length : 0,
      resets: p?.resets ?? 0,
      current: dataDir === ws.dataDir,
    };
  });
}

/** The lessons with each step checked; `record` false: nothing is written (the lesson panel's status). */
export function lessonStates(ws: Workspace, lesson?: number, record = true): LessonState[] {
  const inSandbox = sandboxOf(ws) !== null;
  const checks = inSandbox ? checkLessons(ws, lesson, record) : [];
  return LESSONS.filter((l) => lesson === undefined || l.id === lesson).map((l) => ({
    id: l.id,
    title: l.title,
    goal: l.goal,
    steps: l.steps.map((s) => {
      const c = checks.find((x) => x.lesson === l.id && x.step === s.id);
      return {
        id: s.id,
        screen: s.screen,
        title: s.title,
        hint: s.hint,
        done: c?.done ?? false,
        reason: c?.reason ?? 'training.check.notSandbox',
        params: c?.params ?? {},
      };
    }),
  }));
}

/**
 * `training.lesson.status`: the lesson the trainee follows and its steps, checked without writing the
 * progress record (read after every change by the panel beside every screen). A company workspace,
 * or no lesson chosen: nothing.
 */
export function lessonStatus(ws: Workspace): LessonStatus {
  if (!sandboxOf(ws)) return { current: null, lesson: null };
  const current = readProgress(ws.dataDir)?.currentLesson ?? null;
  if (current === null || !LESSONS.some((l) => l.id === current)) return { current: null, lesson: null };
  return { current, lesson: lessonStates(ws, current, false)[0] ?? null };
}

/** `training.lesson.choose`: the lesson to follow beside every screen (null: none), kept in the progress record. */
export function chooseLesson(ws: Workspace, lesson: number | null): LessonStatus {
  const marker = sandboxOf(ws);
  if (!marker) throw new DomainError('training.notSandbox', {});
  if (lesson !== null && !LESSONS.some((l) => l.id === lesson))
    throw new DomainError('training.lessonUnknown', { lesson });
  const progress = ensureProgress(ws.dataDir, marker);
  progress.currentLesson = lesson;
  writeProgress(ws.dataDir, progress);
  return lessonStatus(ws);
}

export async function demoFiles(seed: number, orders = 50): Promise<{ seed: number; files: DemoFile[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-demo-'));
  try {
    await writeDemoFiles({ seed, orders, outDir: dir });
    const files = fs
      .readdirSync(dir)
      .sort()
      .map((fileName) => ({ fileName, contentBase64: fs.readFileSync(path.join(dir, fileName)).toString('base64') }));
    return { seed, files };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function entry(ws: Workspace, name: string): SandboxListEntry {
  const e = sandboxList(ws).find((x) => x.name === name);
  if (!e) throw new DomainError('training.notASandbox', { dataDir: path.join(sandboxesDir(ws), name) });
  return e;
}

/** `training.sandboxes.create`: `<company>/sandboxes/<name>` from a scenario. */
export async function createNamedSandbox(
  ws: Workspace,
  open: SandboxOpener,
  name: string,
  scenario: string,
  seed?: number,
): Promise<SandboxListEntry> {
  await createSandbox(open, path.join(sandboxesDir(ws), checkSandboxName(name)), scenario, seed);
  return entry(ws, name);
}

/** `training.sandboxes.reset`: not the open workspace (it holds the file). */
export async function resetNamedSandbox(ws: Workspace, open: SandboxOpener, name: string): Promise<SandboxListEntry> {
  const dataDir = path.join(sandboxesDir(ws), checkSandboxName(name));
  if (dataDir === ws.dataDir) throw new DomainError('training.sandboxOpen', { name });
  await resetSandbox(open, dataDir);
  return entry(ws, name);
}
