/**
 * Test kit of the sync area: a workspace whose schema includes the sync tables, outbox rows of
 * real XSD-valid CEB messages (built by core/customs from the shared CEB fixtures), and a
 * manual clock. Used by the unit, integration and fault tests of sync and the practice platform.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkspace, type Workspace } from '../../../src-main/api/workspace.ts';
import { storeAndQueueMessages } from '../../../src-main/areas/customs/customs-store.ts';
import {
  buildCeb303Messages,
  buildCeb603Messages,
  type CebMessage,
  type CebOrderInput,
} from '../../../src-main/core/customs/index.ts';
import { context, counterIds, order } from '../core/customs/ceb-fixtures.ts';

/** A fresh temp folder (the shared test helper pulls every handler; sync tests need only the workspace). */
export function tempDir(prefix = 'kuajing-sync-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function openSyncWorkspace(dataDir = tempDir('kuajing-sync-'), clock?: () => Date): Promise<Workspace> {
  return openWorkspace({ dataDir, host: 'test', ...(clock ? { clock } : {}) });
}

/** Orders 'ORD-<n>' with one line each, distinct waybills. */
export function orders(count: number, start = 1): CebOrderInput[] {
  return Array.from({ length: count }, (_, i) =>
    order({ orderNo: `ORD-${start + i}`, logisticsNo: `SF${String(start + i).padStart(10, '0')}` }),
  );
}

/** CEB303 and CEB603 messages for the orders (perMessage documents each). */
export function buildMessages(
  list: readonly CebOrderInput[],
  perMessage = 1,
): { ceb303: CebMessage[]; ceb603: CebMessage[] } {
  const ctx = context({ newId: counterIds('0a0b0c0d') });
  const chunks: CebOrderInput[][] = [];
  for (let i = 0; i < list.length; i += perMessage) chunks.push(list.slice(i, i + perMessage));
  return {
    ceb303: chunks.flatMap((c) => buildCeb303Messages(c, ctx)),
    ceb603: chunks.flatMap((c) => buildCeb603Messages(c, ctx)),
  };
}

export function cebKey(m: CebMessage): string {
  return `ceb:${m.type}:${m.documents[0]!.orderNo}:1`;
}

/** Queues the messages as C1 does: kind 'ceb.message', payload { messageType, guid, xml, documents }. */
export function enqueueMessages(ws: Workspace, messages: readonly CebMessage[]): string[] {
  return ws.uow.run('test.enqueue', (tx) =>
    messages.map((m) => {
      const key = cebKey(m);
      tx.enqueue({
        kind: 'ceb.message',
        idempotencyKey: key,
        payload: { messageType: m.type, guid: m.guid, xml: m.xml, documents: m.documents.map((d) => d.copNo) },
      });
      return key;
    }),
  );
}

export function manualClock(start = Date.parse('2026-03-01T08:00:00Z')): {
  now: () => number;
  date: () => Date;
  advance: (ms: number) => void;
} {
  let t = start;
  return {
    now: () => t,
    date: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
  };
}

/** Queues the messages through the customs store (documents + outbox rows, as `customs.build` does). */
export function queueThroughCustoms(ws: Workspace, messages: readonly CebMessage[]): string[] {
  return ws.uow.run('test.customs', (tx) => {
    storeAndQueueMessages(
      tx,
      messages.map((m) => ({
        type: m.type,
        guid: m.guid,
        xml: m.xml,
        documents: m.documents.map((d) => ({
          guid: d.guid,
          businessKey: m.type === 'CEB303' ? d.orderNo : d.copNo,
          revision: 1,
          orderId: null,
          orderNo: d.orderNo,
          facts: null,
        })),
      })),
    );
    return messages.map(cebKey);
  });
}
