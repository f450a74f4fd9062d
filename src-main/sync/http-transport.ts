/**
 * HTTP transport to the zone's comprehensive service platform (API in README.md):
 * `POST /api/v1/messages`, `POST /api/v1/tax/six-items` (batches, one idempotency key per
 * item) and `GET /api/v1/receipts?since=CURSOR`. Any network error, timeout or 5xx is a
 * TransportError (outcome unknown → the engine retries with the same keys).
 */
import { TransportError, type IncomingReceipt, type OutgoingMessage, type ReceiptPage, type SendOutcome, type Transport } from './transport.ts';

export interface HttpTransportOptions {
  readonly baseUrl: string;
  readonly timeoutMs?: number;
  readonly receiptPageSize?: number;
}

async function call(url: string, init: RequestInit, timeoutMs: number): Promise<unknown> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    text = await res.text();
  } catch (e) {
    throw new TransportError(`${init.method ?? 'GET'} ${url}: ${(e as Error).message}`, { cause: e });
  }
  if (!res.ok) throw new TransportError(`${init.method ?? 'GET'} ${url}: HTTP ${res.status} ${text.slice(0, 200)}`);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TransportError(`${url}: answer is not JSON`, { cause: e });
  }
}

function outcomes(body: unknown): SendOutcome[] {
  const results = (body as { results?: unknown }).results;
  if (!Array.isArray(results)) throw new TransportError('answer without results');
  return results.filter((r): r is SendOutcome => typeof r?.key === 'string' && ['accepted', 'duplicate', 'rejected'].includes(r?.outcome));
}

export function httpTransport(opts: HttpTransportOptions): Transport {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const post = (p: string, body: unknown) =>
    call(`${base}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, timeoutMs);
  return {
    name: 'platform',
    async send(messages: readonly OutgoingMessage[]) {
      const ceb = messages.flatMap((m) => m.kind === 'ceb.message' ? [{ key: m.key, type: m.message.messageType, guid: m.message.guid, xml: m.message.xml }] : []);
      const six = messages.flatMap((m) => m.kind === 'tax.sixItems' ? [{ key: m.key, items: m.sixItems }] : []);
      const out: SendOutcome[] = [];
      if (ceb.length > 0) out.push(...outcomes(await post('/api/v1/messages', { messages: ceb })));
      if (six.length > 0) out.push(...outcomes(await post('/api/v1/tax/six-items', { exports: six })));
      return out;
    },
    async fetchReceipts(cursor: string | null): Promise<ReceiptPage> {
      const q = new URLSearchParams({ limit: String(opts.receiptPageSize ?? 500) });
      if (cursor !== null) q.set('since', cursor);
      const body = await call(`${base}/api/v1/receipts?${q}`, { method: 'GET' }, timeoutMs) as { receipts?: unknown; cursor?: unknown; more?: unknown };
      if (!Array.isArray(body.receipts)) throw new TransportError('receipts answer without receipts');
      const receipts: IncomingReceipt[] = body.receipts
        .filter((r) => typeof r?.xml === 'string')
        .map((r) => ({ source: String(r.id ?? ''), xml: r.xml as string }));
      return { receipts, cursor: typeof body.cursor === 'string' ? body.cursor : cursor, more: body.more === true };
    },
    async acknowledge() { /* the cursor is the acknowledgement */ },
  };
}
