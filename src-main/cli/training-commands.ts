/**
 * `kuajing training scenarios|new|reset|check|report` (issue 18 point 5): training sandboxes loaded
 * from the shipped scenarios, the lessons' checks and the trainee's progress report. A sandbox is
 * loaded on the scenario's fixed clock through the same dispatch as the hosts; `new` refuses a
 * folder holding a company workspace or a sandbox; `reset` rebuilds the ledger from the scenario
 * and keeps `progress.json`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../core/domain-error.ts';
import { openWorkspace } from '../api/workspace.ts';
import {
  checkLessons,
  createSandbox,
  renderProgressReport,
  resetSandbox,
  sandboxOf,
  SCENARIOS,
  type SandboxOpener,
} from '../areas/training/index.ts';
import { parse, requireString, UsageError, strings } from './cli-args.ts';
import { existingWorkspaceDir, withWorkspace, type CliIo } from './cli-kit.ts';

/** The opener the training area needs: a workspace on the folder with the hosts' dispatch. */
const open: SandboxOpener = async (dataDir, clock) => {
  const ws = await openWorkspace({ dataDir, host: 'cli', ...(clock ? { clock } : {}) });
  const [{ createDispatch }, { createHandlers }] = await Promise.all([
    import('../api/dispatch.ts'),
    import('../api/handlers.ts'),
  ]);
  const dispatch = createDispatch(createHandlers(ws), ws.logIncident, ws.file, ws.readOnly);
  return { ws, call: (n, i) => dispatch(n, i) };
};

function seedFlag(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{1,10}$/.test(v) || Number(v) > 0xffffffff) throw new UsageError('--seed is a whole number 0…4294967295');
  return Number(v);
}

export async function trainingCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parse(rest, {
    ...strings('scenario', 'seed', 'format', 'out', 'language', 'lesson'),
  });
  const json = Boolean(values.json);
  switch (sub) {
    case 'scenarios': {
      const list = SCENARIOS.map((s) => ({ name: s.name, title: s.title, seed: s.seed }));
      io.out(
        json
          ? JSON.stringify({ ok: true, scenarios: list })
          : list.map((s) => `${s.name.padEnd(16)} ${s.title['zh-CN']} / ${s.title.en}`).join('\n'),
      );
      return 0;
    }
    case 'new': {
      const dataDir = path.resolve(requireString(values, 'data-dir'));
      const marker = await createSandbox(open, dataDir, requireString(values, 'scenario'), seedFlag(values.seed));
      io.out(
        json
          ? JSON.stringify({ ok: true, sandbox: marker, dataDir })
          : `sandbox ${marker.name} (${marker.scenario}, seed ${marker.seed}, id ${marker.id}) → ${dataDir}`,
      );
      return 0;
    }
    case 'reset': {
      const dataDir = existingWorkspaceDir(values);
      const marker = await resetSandbox(open, dataDir);
      io.out(
        json
          ? JSON.stringify({ ok: true, sandbox: marker, dataDir })
          : `sandbox ${marker.name} reset (${marker.scenario}, seed ${marker.seed})`,
      );
      return 0;
    }
    case 'check': {
      const dataDir = existingWorkspaceDir(values);
      const lesson = values.lesson === undefined ? undefined : Number(values.lesson);
      return withWorkspace(dataDir, (ws) => {
        if (!sandboxOf(ws)) throw new DomainError('training.notASandbox', { dataDir });
        const steps = checkLessons(ws, lesson);
        io.out(
          json
            ? JSON.stringify({ ok: true, steps })
            : steps
                .map((s) => `${s.done ? '✔' : '·'} ${s.lesson}.${s.step}  ${s.reason} ${JSON.stringify(s.params)}`)
                .join('\n'),
        );
        return 0;
      });
    }
    case 'report': {
      const dataDir = existingWorkspaceDir(values);
      const format = values.format;
      if (format !== 'pdf' && format !== 'xlsx') throw new UsageError('--format is pdf or xlsx');
      const language = values.language ?? 'zh-CN';
      if (language !== 'zh-CN' && language !== 'zh-TW' && language !== 'en')
        throw new UsageError('--language is zh-CN, zh-TW or en');
      const out = path.resolve(requireString(values, 'out'));
      if (fs.existsSync(out)) throw new UsageError(`--out ${out} exists; choose a new file`);
      return withWorkspace(dataDir, async (ws) => {
        if (!sandboxOf(ws)) throw new DomainError('training.notASandbox', { dataDir });
        const bytes = await renderProgressReport(ws, format, language);
        fs.writeFileSync(out, bytes, { flag: 'wx' });
        io.out(json ? JSON.stringify({ ok: true, out, bytes: bytes.length }) : `${out} (${bytes.length} bytes)`);
        return 0;
      });
    }
    default:
      throw new UsageError('training scenarios|new|reset|check|report');
  }
}
