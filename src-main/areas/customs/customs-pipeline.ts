/**
 * Build + validate as a pipeline: each document type is built in chunks of orders, and each
 * chunk's messages go to the XSD validator (a native xmllint process or a wasm worker) at once,
 * so validation runs beside the building of the next chunk instead of after all of it. A builder
 * error blocks its order for every type (the order's documents go together or not at all): the
 * pass starts again without it, so the earlier types do not carry it either.
 */
import {
  CEB_BUILDERS as BUILDERS,
  type BuiltType,
  type CebBuildContext,
  type CebMessage,
  type CebOrderInput,
} from '../../core/customs/index.ts';
import { isDomainError, type DomainError } from '../../core/domain-error.ts';
import { validateCebMany, type CebValidationResult } from '../../sync/validate-ceb.ts';

/** Orders per chunk (a multiple of 100, so messages stay full). */
export const PIPELINE_CHUNK = 2000;

export interface PipelineOrder {
  readonly orderId: number;
  readonly input: CebOrderInput;
}
export interface BuiltMessage {
  readonly type: BuiltType;
  readonly message: CebMessage;
}

/** Builds one type for the orders; an order whose block fails is reported and left out. */
function buildChunk(
  type: BuiltType,
  orders: readonly PipelineOrder[],
  ctx: CebBuildContext,
  fail: (o: PipelineOrder, e: DomainError) => void,
): CebMessage[] {
  try {
    return BUILDERS[type](
      orders.map((o) => o.input),
      ctx,
    );
  } catch (e) {
    if (!isDomainError(e)) throw e;
  }
  const good = orders.filter((o) => {
    try {
      BUILDERS[type]([o.input], ctx);
      return true;
    } catch (e) {
      if (!isDomainError(e)) throw e;
      fail(o, e);
      return false;
    }
  });
  return good.length
    ? BUILDERS[type](
        good.map((o) => o.input),
        ctx,
      )
    : [];
}

export interface PipelineResult {
  readonly messages: readonly BuiltMessage[];
  readonly results: readonly CebValidationResult[];
  readonly blocked: ReadonlySet<number>;
}

export async function buildAndValidate(
  types: readonly BuiltType[],
  orders: readonly PipelineOrder[],
  ctx: CebBuildContext,
  wanted: (type: BuiltType, order: PipelineOrder) => boolean,
  onError: (order: PipelineOrder, error: DomainError) => void,
  onChunk: (built: number) => void = () => {},
): Promise<PipelineResult> {
  const blocked = new Set<number>();
  for (;;) {
    const before = blocked.size;
    const messages: BuiltMessage[] = [];
    const pending: Array<Promise<CebValidationResult[]>> = [];
    for (const type of types) {
      const todo = orders.filter((o) => !blocked.has(o.orderId) && wanted(type, o));
      for (let i = 0; i < todo.length; i += PIPELINE_CHUNK) {
        const chunk = todo.slice(i, i + PIPELINE_CHUNK);
        const built = buildChunk(type, chunk, ctx, (o, e) => {
          blocked.add(o.orderId);
          onError(o, e);
        });
        for (const message of built) messages.push({ type, message });
        if (built.length > 0) {
          const p = validateCebMany(built.map((m) => m.xml));
          p.catch(() => {}); // awaited below, or dropped with a discarded pass
          pending.push(p);
        }
        onChunk(chunk.length);
        await new Promise((resolve) => setImmediate(resolve)); // let the validator's I/O run
      }
    }
    if (blocked.size === before) return { messages, results: (await Promise.all(pending)).flat(), blocked };
  }
}
