// Requests from the page to one of its Web Workers, answered by id: the worker is started at the
// first request (or when asked), each request gets a number, and the worker's reply with that
// number settles it. Messages that are not replies (progress, a change the worker tells of) go to
// `onOther`. A worker that fails is ended, and fails every request still waiting; the next request
// starts another.

/** A worker's answer to the request numbered `id`. */
export type WorkerCallReply = { kind: 'reply'; id: number; ok: true; value: unknown } | { kind: 'reply'; id: number; ok: false; message: string };

type Pending = { resolve(v: unknown): void; reject(e: Error): void };

export class WorkerCalls<Request extends object, Other extends { kind: string }> {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** `failed`: the message a request fails with when the worker fails (its error's message given). */
  constructor(
    private readonly start: () => Worker,
    private readonly onOther: (m: Other) => void,
    private readonly failed: (reason: string) => string,
    /** Called after the worker failed (and was ended): a caller that must not wait for a request to start it again does so here. */
    private readonly onFailed?: () => void,
  ) {}

  /** The worker, started if it is not running. */
  ensure(): Worker {
    if (this.worker) return this.worker;
    const w = this.start();
    w.onmessage = (e: MessageEvent<WorkerCallReply | Other>) => {
      const m = e.data;
      if (m.kind !== 'reply') return this.onOther(m as Other);
      const reply = m as WorkerCallReply;
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!p) return;
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new Error(reply.message));
    };
    // Failed (its script did not load, or it broke): ended, so the next request starts a new one.
    w.onerror = (e) => {
      w.terminate();
      if (this.worker === w) this.worker = null;
      this.failAll(this.failed(e.message));
      this.onFailed?.();
    };
    this.worker = w;
    return w;
  }

  call<T>(req: Request): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.ensure().postMessage({ ...req, id });
    });
  }

  private failAll(reason: string): void {
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
  }
}
