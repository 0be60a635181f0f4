// The case list's Web Worker: keeps the cases in memory (case-keys.ts) up with the store's list log
// and answers the page's list (case-list-client.ts) from them (case-list-service.ts), so the page's
// heap holds no case it does not draw.
/// <reference lib="webworker" />
import { followCaseKeys, onCaseKeys } from './case-keys';
import { answer, keysState, type ListReply, type ListRequest } from './case-list-service';

declare const self: DedicatedWorkerGlobalScope;

const post = (m: ListReply, transfer: Transferable[] = []) => self.postMessage(m, transfer);

onCaseKeys(() => post({ kind: 'keys', ...keysState() }));
followCaseKeys();

self.onmessage = (e: MessageEvent<ListRequest & { id: number }>) => {
  const { id, ...req } = e.data;
  answer(req as ListRequest).then(
    ({ value, transfer }) => post({ kind: 'reply', id, ok: true, value }, transfer),
    (err: unknown) => post({ kind: 'reply', id, ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
};
