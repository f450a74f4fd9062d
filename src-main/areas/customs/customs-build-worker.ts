/**
 * Worker thread of the build pipeline (customs-pipeline.ts): builds one chunk of orders for
 * every document type with the ids and clock readings the pipeline drew for it (so a build
 * across workers gives the messages one thread would), then XSD-validates the chunk's messages
 * in one validator run. An order a builder refuses is reported with its coded error and the
 * chunk returns no messages (the pipeline starts the pass again without that order).
 */
import { parentPort } from 'node:worker_threads';
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
      /** Messages per part, in part order, without their text: `xml` holds each one's UTF-8 bytes, in the same order. */
      readonly messages: readonly (readonly Omit<CebMessage, 'xml'>[])[];
      readonly xml: readonly Uint8Array[];
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

async function run(job: WorkerJob): Promise<WorkerReply> {
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
  if (blocked.length > 0) return { job: job.job, ok: true, messages: [], xml: [], results: [], blocked };
  // encoded once: the validator writes these bytes, and they move to the pipeline's thread without a copy
  const utf8 = new TextEncoder(); // each array its own buffer (Buffer.from may share a pool slab)
  const xml = out.flat().map((m) => utf8.encode(m.xml));
  const results = await validateCebMany(xml);
  const messages = out.map((ms) => ms.map(({ xml: _, ...m }) => m));
  return { job: job.job, ok: true, messages, xml, results, blocked };
}

parentPort?.on('message', (job: WorkerJob) => {
  run(job).then(
    (reply) => parentPort!.postMessage(reply, reply.ok ? reply.xml.map((b) => b.buffer as ArrayBuffer) : []),
    (e: unknown) =>
      parentPort!.postMessage({
        job: job.job,
        ok: false,
        reason: String(isDomainError(e) ? `${e.code} ${JSON.stringify(e.params)}` : ((e as Error)?.message ?? e)),
      } satisfies WorkerReply),
  );
});
