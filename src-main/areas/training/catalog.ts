/**
 * The shipped instructor scenarios (resources/scenarios) and lessons (resources/lessons), bundled as
 * JSON. A scenario names a seed for the demo generator (imports/demo), the files loaded at creation,
 * the files left for the trainee with their planted faults, and the expected results.
 */
import parcel from '../../../resources/scenarios/parcel-9610.json' with { type: 'json' };
import overseas from '../../../resources/scenarios/overseas-9810.json' with { type: 'json' };
import mixed from '../../../resources/scenarios/mixed-erp.json' with { type: 'json' };
import lesson1 from '../../../resources/lessons/lesson-1.json' with { type: 'json' };
import lesson2 from '../../../resources/lessons/lesson-2.json' with { type: 'json' };
import lesson3 from '../../../resources/lessons/lesson-3.json' with { type: 'json' };
import lesson4 from '../../../resources/lessons/lesson-4.json' with { type: 'json' };
import lesson5 from '../../../resources/lessons/lesson-5.json' with { type: 'json' };
import lesson6 from '../../../resources/lessons/lesson-6.json' with { type: 'json' };
import lesson7 from '../../../resources/lessons/lesson-7.json' with { type: 'json' };
import lesson8 from '../../../resources/lessons/lesson-8.json' with { type: 'json' };
import { DomainError } from '../../core/domain-error.ts';

export type Texts = { readonly 'zh-CN': string; readonly 'zh-TW': string; readonly en: string };

export interface TraineeFile {
  readonly file: string;
  readonly plant: {
    readonly unknownStatus: { readonly word: string; readonly orders: number };
    readonly badQuantityOrders: number;
  };
}

export interface Scenario {
  readonly name: string;
  readonly title: Texts;
  readonly description: Texts;
  readonly seed: number;
  readonly ordersPerFile: number;
  readonly clock: string;
  readonly company: {
    readonly name: string;
    readonly uscc: string;
    readonly customsCode: string;
    readonly pilotZone: string;
  };
  readonly customsMode: string;
  readonly preload: readonly string[];
  /** Demo files copied to the sandbox's `files/` as they are (e.g. the settlement report for lesson 7). */
  readonly extraFiles?: readonly string[];
  readonly trainee: readonly TraineeFile[];
  /** Lesson 4: how many preloaded orders the trainee's waybill file leaves out (default 2). */
  readonly declarations?: { readonly missingWaybills: number };
  readonly expected: Readonly<Record<string, unknown>>;
}

export interface LessonStepDef {
  readonly id: string;
  /** The screen the step happens on, as the app's URL hash without `#/` (`orders/import`, `customs/build`). */
  readonly screen: string;
  readonly title: Texts;
  readonly hint: Texts;
}
export interface Lesson {
  readonly id: number;
  readonly title: Texts;
  readonly goal: Texts;
  readonly steps: readonly LessonStepDef[];
}

export const SCENARIOS: readonly Scenario[] = [parcel, overseas, mixed];
export const LESSONS: readonly Lesson[] = [lesson1, lesson2, lesson3, lesson4, lesson5, lesson6, lesson7, lesson8];

export function scenarioNamed(name: string): Scenario {
  const s = SCENARIOS.find((x) => x.name === name);
  if (!s) throw new DomainError('training.scenarioUnknown', { scenario: name });
  return s;
}
