/**
 * One job of the build pipeline (customs-pipeline.ts), run by a worker thread
 * (customs-build-worker.ts) or by the pipeline's own thread: builds one chunk of orders for
 * every document type with the ids and clock readings the pipeline drew for it (so a build
 * across threads gives the messages one thread would), then XSD-validates the chunk's messages
 * in one validator run. An order a builder refuses is reported with its coded error and the
 * chunk returns no messages (the pipeline starts the pass again without that order).
 */
import {
  CEB_BUILDERS,
  type BuiltType,
  type CebBuildContext,
  type CebMessage,
  type CebOrderInput,
} from '../../core/customs/index.ts';
import type { CompanyProfile } from '../../core/company/company-profile.ts';
import { isDomainError, type ErrorParams, type FieldErrors } from '../../core/domain-error.ts';
import { validateCebMany, type CebValidationResult } from '../../sync/validate-ceb.ts';

export interface WorkerPart {
  readonly type: BuiltType;
  readonly orders: readonly { readonly orderId: number; readonly input: CebOrderInput }[];
  /** The clock reading of this build (ms since the epoch). */
  readonly at: number;
  /** The ids this build draws, in the order it draws them. */
  readonly ids: readonly string[];
}

export interface WorkerJob {
  readonly job: number;
  readonly company: CompanyProfile;
  readonly settings: CebBuildContext['settings'];
  readonly parts: readonly WorkerPart[];
}

export interface WorkerBlocked {
  readonly orderId: number;
  readonly code: string;
  readonly params: ErrorParams;
  readonly fields: FieldErrors | undefined;
}

export type WorkerReply =
  | {
      readonly job: number;
      readonly ok: true;
      /** Messages per part, in part order, text included. */
      readonly messages: readonly (readonly CebMessage[])[];
      /** Validation results of the messages, in the same order (parts one after another). */
      readonly results: readonly CebValidationResult[];
      readonly blocked: readonly WorkerBlocked[];
    }
  | { readonly job: number; readonly ok: false; readonly reason: string };

/** Ids for a probe build whose messages are thrown away (well-formed, never stored). */
function probeIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
}

export async function runBuildJob(job: WorkerJob): Promise<WorkerReply> {
  const blocked: WorkerBlocked[] = [];
  const out: CebMessage[][] = [];
  for (const part of job.parts) {
    const orders = part.orders.filter((o) => !blocked.some((b) => b.orderId === o.orderId));
    let k = 0;
    const ctx: CebBuildContext = {
      company: job.company,
      settings: job.settings,
      clock: () => new Date(part.at),
      newId: () => {
        if (k >= part.ids.length) throw new Error('customs pipeline: a build drew more ids than it was given');
        return part.ids[k++]!;
      },
    };
    if (blocked.length === 0) {
      try {
        out.push(
          CEB_BUILDERS[part.type](
            orders.map((o) => o.input),
            ctx,
          ),
        );
        continue;
      } catch (e) {
        if (!isDomainError(e)) throw e;
      }
    }
    // a refused order discards this pass: look order by order for every order refused
    for (const o of orders) {
      try {
        CEB_BUILDERS[part.type]([o.input], { ...ctx, newId: probeIds() });
      } catch (e) {
        if (!isDomainError(e)) throw e;
        blocked.push({ orderId: o.orderId, code: e.code, params: { ...e.params }, fields: e.fields });
      }
    }
  }
  if (blocked.length > 0) return { job: job.job, ok: true, messages: [], results: [], blocked };
  // The texts go back as strings: the structured clone copies a string's UTF-16 as it is, while
  // handing over UTF-8 bytes made the pipeline's thread decode every message, which cost it more
  // than the whole build (issue 19: 1.8 s per 10,000 orders on the bench machine).
  const results = await validateCebMany(out.flat().map((m) => m.xml));
  return { job: job.job, ok: true, messages: out, results, blocked };
}
