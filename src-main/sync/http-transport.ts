/**
 * HTTP transport to the zone's comprehensive service platform (API in README.md):
 * `POST /api/v1/messages`, `POST /api/v1/tax/six-items` (batches, one idempotency key per
 * item; the ledger's audit chain head in `X-Kuajing-Audit-Head`) and `GET /api/v1/receipts?since=CURSOR`. Any network error, timeout or 5xx is a
 * TransportError (outcome unknown → the engine retries with the same keys). A receipt entry
 * without XML text is handed over with its problem: the engine quarantines it (recorded, the
 * cursor moves on) instead of dropping it unseen or stalling on it.
 */
import {
  TransportError,
  type IncomingReceipt,
  type OutgoingMessage,
  type ReceiptPage,
  type SendOutcome,
  type Transport,
} from './transport.ts';

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
  return results.filter(
    (r): r is SendOutcome => typeof r?.key === 'string' && ['accepted', 'duplicate', 'rejected'].includes(r?.outcome),
  );
}

export function httpTransport(opts: HttpTransportOptions): Transport {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const post = (p: string, body: unknown, auditHead: string | null = null) =>
    call(
      `${base}${p}`,
      {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...(auditHead ? { 'x-kuajing-audit-head': auditHead } : {}) },
      },
      timeoutMs,
    );
  return {
    name: 'platform',
    async send(messages: readonly OutgoingMessage[], batch?: { readonly auditHead: string | null }) {
      const head = batch?.auditHead ?? null;
      const ceb = messages.flatMap((m) =>
        m.kind === 'ceb.message'
          ? [{ key: m.key, type: m.message.messageType, guid: m.message.guid, xml: m.message.xml }]
          : [],
      );
      const six = messages.flatMap((m) => (m.kind === 'tax.sixItems' ? [{ key: m.key, items: m.sixItems }] : []));
      const out: SendOutcome[] = [];
      if (ceb.length > 0) out.push(...outcomes(await post('/api/v1/messages', { messages: ceb }, head)));
      if (six.length > 0) out.push(...outcomes(await post('/api/v1/tax/six-items', { exports: six }, head)));
      return out;
    },
    async fetchReceipts(cursor: string | null): Promise<ReceiptPage> {
      const q = new URLSearchParams({ limit: String(opts.receiptPageSize ?? 500) });
      if (cursor !== null) q.set('since', cursor);
      const body = (await call(`${base}/api/v1/receipts?${q}`, { method: 'GET' }, timeoutMs)) as {
        receipts?: unknown;
        cursor?: unknown;
        more?: unknown;
      };
      if (!Array.isArray(body.receipts)) throw new TransportError('receipts answer without receipts');
      const receipts: IncomingReceipt[] = (body.receipts as unknown[]).map((entry, i): IncomingReceipt => {
        const r = (typeof entry === 'object' && entry !== null ? entry : {}) as { id?: unknown; xml?: unknown };
        const source =
          typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : `${cursor ?? 'start'}#${i}`;
        if (typeof r.xml === 'string') return { source, xml: r.xml, size: Buffer.byteLength(r.xml) };
        return { source, xml: '', size: 0, problem: { code: 'sync.receipt.noXml', params: {} } };
      });
      return { receipts, cursor: typeof body.cursor === 'string' ? body.cursor : cursor, more: body.more === true };
    },
    async acknowledge() {
      /* the cursor is the acknowledgement */
    },
    async quarantine() {
      /* recorded by the engine (with an excerpt); the cursor moves past it */
    },
  };
}
