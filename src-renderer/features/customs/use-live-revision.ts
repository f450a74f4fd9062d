/**
 * useLiveRevision: a counter that goes up whenever the host reports a change to the ledger or
 * the outbox (`ledger.changed`, `sync.status`), so lists of documents, outbox rows and
 * receipts follow a background sync pass. Forms do not use it, so an edit in progress is never
 * overwritten.
 */
import { useEffect, useState } from 'react';
import { subscribe } from '../../app/core-client.ts';

export function useLiveRevision(): number {
  const [live, setLive] = useState(0);
  useEffect(() => subscribe((event) => {
    if (event.name === 'ledger.changed' || event.name === 'sync.status') setLive((n) => n + 1);
  }), []);
  return live;
}
