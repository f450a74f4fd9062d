/**
 * Commands of the training area: the practice platform run inside the app (practice-service.ts).
 */
import { z } from 'zod';
import { type Base64File, empty, result } from '../contract-kit.ts';
import type { Lesson, LessonStepDef, Scenario, Texts } from './catalog.ts';

/** What the practice platform has seen (its own counters). */
export interface PracticeCounters {
  readonly deliveries: number;
  readonly duplicateDeliveries: number;
  readonly keys: number;
  readonly rejectedKeys: number;
  readonly sixItems: number;
  readonly receiptsVisible: number;
  readonly receiptsPending: number;
}

/** The in-app practice platform: running or not, its address and counters. */
export interface PracticeStatus {
  readonly running: boolean;
  readonly url: string | null;
  readonly startedAt: string | null;
  readonly counters: PracticeCounters | null;
}

/** This workspace as a training sandbox (null: a company workspace). */
export interface SandboxInfo {
  readonly id: string;
  readonly name: string;
  readonly scenario: string;
  readonly scenarioTitle: Texts | null;
  readonly seed: number;
  readonly createdAt: string;
  readonly dataDir: string;
}

/** A shipped scenario as the sandbox dialog lists it. */
export type ScenarioInfo = Pick<Scenario, 'name' | 'title' | 'description' | 'seed'>;

/** A sandbox folder under `<company data folder>/sandboxes/`, read from its progress record. */
export interface SandboxListEntry {
  readonly name: string;
  readonly dataDir: string;
  readonly scenario: string | null;
  readonly seed: number | null;
  readonly startedAt: string | null;
  readonly stepsDone: number;
  readonly resets: number;
  readonly current: boolean;
}

/** A lesson with its steps, each checked against this sandbox (reason: `training.check.*` + params). */
export interface LessonState extends Omit<Lesson, 'steps'> {
  readonly steps: ReadonlyArray<
    LessonStepDef & {
      readonly done: boolean;
      readonly reason: string;
      readonly params: Readonly<Record<string, string | number>>;
    }
  >;
}

/** The lesson the trainee follows beside every screen (`current`) and its steps, checked read-only; null: none / a company workspace. */
export interface LessonStatus {
  readonly current: number | null;
  readonly lesson: LessonState | null;
}

/** Which workspace the host shows after `training.workspace.switch`: the company's or one of its sandboxes. */
export interface WorkspaceShown {
  readonly workspace: 'company' | 'sandbox';
  /** The sandbox's folder name under `sandboxes/`; null for the company. */
  readonly name: string | null;
  readonly dataDir: string;
}

export type DemoFile = Base64File;

export const trainingContract = {
  'training.sandbox.get': { input: empty, result: result<SandboxInfo | null>(), mutates: false },
  'training.scenarios.list': { input: empty, result: result<readonly ScenarioInfo[]>(), mutates: false },
  'training.sandboxes.list': { input: empty, result: result<readonly SandboxListEntry[]>(), mutates: false },
  /** Lessons with each step checked; in a company workspace every step is not done (`training.check.notSandbox`). */
  'training.lessons.check': {
    input: z.object({ lesson: z.number().int().min(1).max(99).optional() }).strict(),
    result: result<readonly LessonState[]>(),
    mutates: false,
  },
  /**
   * The lesson the trainee follows, checked without recording an attempt in the progress record (the
   * panel beside every screen reads it after every change); recording stays with `training.lessons.check`.
   */
  'training.lesson.status': { input: empty, result: result<LessonStatus>(), mutates: false },
  /** Chooses the lesson to follow beside every screen (null: none); kept in the sandbox's progress record. */
  'training.lesson.choose': {
    input: z.object({ lesson: z.number().int().min(1).max(99).nullable() }).strict(),
    result: result<LessonStatus>(),
    mutates: true,
  },
  /** A new sandbox `<company data folder>/sandboxes/<name>` loaded from a scenario (this workspace is not written). */
  'training.sandboxes.create': {
    input: z
      .object({
        name: z.string().min(1).max(40),
        scenario: z.string().min(1).max(60),
        seed: z.number().int().min(0).max(0xffffffff).optional(),
      })
      .strict(),
    result: result<SandboxListEntry>(),
    mutates: false,
  },
  /** The scenario again in a sandbox that is not the open workspace; its progress record is kept. */
  'training.sandboxes.reset': {
    input: z.object({ name: z.string().min(1).max(40) }).strict(),
    result: result<SandboxListEntry>(),
    mutates: false,
  },
  /**
   * One click between the company workspace and a sandbox (web host and Electron): the host keeps the
   * company workspace open and shows the sandbox `sandboxes/<name>` instead (or the company again,
   * closing the sandbox); the renderer then reloads. Without a host (CLI): `training.switchUnavailable`.
   */
  'training.workspace.switch': {
    input: z.object({ to: z.enum(['company', 'sandbox']), name: z.string().min(1).max(40).optional() }).strict(),
    result: result<WorkspaceShown>(),
    mutates: false,
  },
  /** The seeded demo files (`kuajing demo`) to download from the Training page. */
  'training.demoFiles': {
    input: z
      .object({ seed: z.number().int().min(0).max(0xffffffff), orders: z.number().int().min(1).max(2000).optional() })
      .strict(),
    result: result<{ readonly seed: number; readonly files: readonly DemoFile[] }>(),
    mutates: false,
  },
  'training.practice.start': {
    input: z.object({ stepMs: z.number().int().min(0).max(600_000).optional() }).strict(),
    result: result<PracticeStatus>(),
    mutates: true,
  },
  'training.practice.stop': { input: empty, result: result<PracticeStatus>(), mutates: true },
  'training.practice.status': { input: empty, result: result<PracticeStatus>(), mutates: false },
} as const;
