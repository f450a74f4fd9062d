/** Handlers of the training area: the in-app practice platform (practice-service.ts). */
import type { AreaHandlers } from '../area-kit.ts';
import type { Workspace } from '../workspace.ts';
import type { trainingContract, WorkspaceShown } from './contract.ts';
import { practiceStatus, startPractice, stopPractice } from './practice-service.ts';
import {
  createNamedSandbox,
  demoFiles,
  chooseLesson,
  lessonStates,
  lessonStatus,
  resetNamedSandbox,
  sandboxInfo,
  sandboxList,
  scenarioList,
} from './training-service.ts';
import type { SandboxOpener } from './sandbox-lifecycle.ts';
import { DomainError } from '../../core/domain-error.ts';

/** How a host shows another workspace (api/workspace-switch.ts); the CLI has none. */
export type WorkspaceSwitch = (to: 'company' | 'sandbox', name: string | undefined) => Promise<WorkspaceShown>;

/**
 * `open`: how api/ opens another workspace with the hosts' dispatch (sandbox creation and reset);
 * `switchTo`: how the host shows the company or a sandbox (absent outside a host).
 */
export function createTrainingHandlers(
  ws: Workspace,
  open?: SandboxOpener,
  switchTo?: WorkspaceSwitch,
): AreaHandlers<typeof trainingContract> {
  const opener: SandboxOpener = open ?? (() => Promise.reject(new DomainError('notImplemented')));
  const switcher: WorkspaceSwitch =
    switchTo ?? (() => Promise.reject(new DomainError('training.switchUnavailable', {})));
  return {
    'training.practice.start': ({ stepMs }) => startPractice(ws, stepMs),
    'training.practice.stop': () => stopPractice(ws),
    'training.practice.status': () => practiceStatus(ws),
    'training.sandbox.get': () => sandboxInfo(ws),
    'training.scenarios.list': () => scenarioList(),
    'training.sandboxes.list': () => sandboxList(ws),
    'training.lessons.check': ({ lesson }) => lessonStates(ws, lesson),
    'training.lesson.status': () => lessonStatus(ws),
    'training.lesson.choose': ({ lesson }) => chooseLesson(ws, lesson),
    'training.sandboxes.create': ({ name, scenario, seed }) => createNamedSandbox(ws, opener, name, scenario, seed),
    'training.sandboxes.reset': ({ name }) => resetNamedSandbox(ws, opener, name),
    'training.workspace.switch': ({ to, name }) => switcher(to, name),
    'training.demoFiles': ({ seed, orders }) => demoFiles(seed, orders),
  };
}
