// The page's requests to its workers (renderer/data/worker-calls.ts). A Web Worker does not exist
// in Node: a stand-in with the same surface (postMessage, terminate, onmessage, onerror) answers
// here; the real workers run in the e2e tests and the benchmarks.
import { describe, expect, it } from 'vitest';
import { WorkerCalls } from '../../../../renderer/data/worker-calls';

class FakeWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  posted: { id: number; n: number }[] = [];
  terminated = false;
  postMessage(m: { id: number; n: number }): void {
    this.posted.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(m: unknown): void {
    this.onmessage?.({ data: m } as MessageEvent);
  }
  fail(message: string): void {
    this.onerror?.({ message } as ErrorEvent);
  }
}

describe('requests to a worker', () => {
  it('settles each request by its id, passes other messages on, and starts a new worker after one fails', async () => {
    const started: FakeWorker[] = [];
    const others: unknown[] = [];
    let failures = 0;
    const calls = new WorkerCalls<{ n: number }, { kind: 'progress'; done: number }>(
      () => {
        const w = new FakeWorker();
        started.push(w);
        return w as unknown as Worker;
      },
      (m) => others.push(m),
      (reason) => `失败：${reason}`,
      () => (failures += 1),
    );
    const a = calls.call<number>({ n: 1 });
    const b = calls.call<number>({ n: 2 });
    expect(started).toHaveLength(1);
    const [w] = started;
    const [first, second] = w!.posted;
    expect([first!.n, second!.n]).toEqual([1, 2]);
    // Answered out of order: each by its own id.
    w!.reply({ kind: 'reply', id: second!.id, ok: true, value: 20 });
    w!.reply({ kind: 'progress', done: 3 });
    w!.reply({ kind: 'reply', id: first!.id, ok: false, message: '不对' });
    await expect(b).resolves.toBe(20);
    await expect(a).rejects.toThrow('不对');
    expect(others).toEqual([{ kind: 'progress', done: 3 }]);

    // The worker fails: what waits fails with the message made for it, the worker is ended, and the next request starts another.
    const c = calls.call<number>({ n: 3 });
    w!.fail('script error');
    await expect(c).rejects.toThrow('失败：script error');
    expect(w!.terminated).toBe(true);
    expect(failures).toBe(1);
    const d = calls.call<number>({ n: 4 });
    expect(started).toHaveLength(2);
    const next = started[1]!;
    next.reply({ kind: 'reply', id: next.posted[0]!.id, ok: true, value: 40 });
    await expect(d).resolves.toBe(40);
  });
});
