/**
 * The trainee's progress report for the centre (issue 18 point 3): lessons, steps, done or not,
 * attempts and times, as a `ReportDocument` printed by the reports writers (PDF and XLSX).
 */
import { renderPdf } from '../../reports/pdf-writer.ts';
import { renderXlsx } from '../../reports/xlsx-writer.ts';
import type { ReportDocument, ReportLanguage } from '../../reports/report-document.ts';
import type { Workspace } from '../workspace.ts';
import { LESSONS } from './catalog.ts';
import { checkLessons } from './lesson-checks.ts';
import { readProgress } from './progress.ts';
import { sandboxOf } from './sandbox-service.ts';

const LABELS = {
  'zh-CN': {
    title: '实训进度报告',
    sandbox: '练习账套',
    scenario: '场景',
    seed: '种子',
    started: '开始时间',
    lesson: '课程',
    step: '步骤',
    done: '完成',
    attempts: '未完成时的检查次数',
    doneAt: '完成时间',
    yes: '是',
    no: '否',
  },
  'zh-TW': {
    title: '實訓進度報告',
    sandbox: '練習帳套',
    scenario: '場景',
    seed: '種子',
    started: '開始時間',
    lesson: '課程',
    step: '步驟',
    done: '完成',
    attempts: '未完成時的檢查次數',
    doneAt: '完成時間',
    yes: '是',
    no: '否',
  },
  en: {
    title: 'Training progress report',
    sandbox: 'Sandbox',
    scenario: 'Scenario',
    seed: 'Seed',
    started: 'Started',
    lesson: 'Lesson',
    step: 'Step',
    done: 'Done',
    attempts: 'Checks before done',
    doneAt: 'Done at',
    yes: 'yes',
    no: 'no',
  },
} as const;

export function progressReport(ws: Workspace, language: ReportLanguage): ReportDocument {
  const checks = checkLessons(ws);
  const progress = readProgress(ws.dataDir);
  const sandbox = sandboxOf(ws);
  const L = LABELS[language];
  return {
    language,
    title: L.title,
    createdAt: ws.clock().toISOString(),
    meta: [
      [L.sandbox, sandbox?.name ?? '—'],
      [L.scenario, sandbox?.scenario ?? '—'],
      [L.seed, String(sandbox?.seed ?? '—')],
      [L.started, progress?.startedAt ?? '—'],
    ],
    tables: LESSONS.map((l) => ({
      heading: `${L.lesson} ${l.id}: ${l.title[language]}`,
      sheetName: `${L.lesson} ${l.id}`,
      columns: [
        { key: 'step', label: L.step, width: 6 },
        { key: 'done', label: L.done, width: 1 },
        { key: 'attempts', label: L.attempts, width: 2, align: 'right' as const },
        { key: 'doneAt', label: L.doneAt, width: 3 },
      ],
      rows: l.steps.map((s) => {
        const c = checks.find((x) => x.lesson === l.id && x.step === s.id);
        const p = progress?.steps[`${l.id}.${s.id}`];
        return {
          step: s.title[language],
          done: c?.done ? L.yes : L.no,
          attempts: { kind: 'number' as const, value: p?.attempts ?? 0 },
          doneAt: p?.doneAt ?? null,
        };
      }),
    })),
  };
}

export function renderProgressReport(ws: Workspace, format: 'pdf' | 'xlsx', language: ReportLanguage): Promise<Buffer> {
  const doc = progressReport(ws, language);
  return format === 'pdf' ? renderPdf(doc) : renderXlsx(doc);
}
