// Group commit: pushes that arrive while a transaction runs wait and then go together in the next
// one, so a thousand counters pushing one event each cost a few transactions (and fsyncs), not a
// thousand. Each push still gets exactly its own answers. A push is checked (schema, staff) as it
// arrives, so while a transaction waits on the database (PostgreSQL) the hub's CPU checks the
// next batch; the transactions themselves run one after another, in order.
import type { PushResponse } from '../../shared/protocol/wire';
import { commitBatch, ingestBatch, prepareJob, type IngestDeps, type PreparedJob, type PushJob } from './ingest';

interface Waiting {
  job: PushJob;
  prepared: Promise<PreparedJob>;
  resolve: (answer: PushResponse) => void;
  reject: (err: unknown) => void;
}

export class IngestQueue {
  private waiting: Waiting[] = [];
  private running = false;

  constructor(
    private readonly deps: IngestDeps,
    /** Feed heads that grew, after each commit: who to poke. */
    private readonly onCommitted: (heads: Map<string, number>) => void,
    /** At most this many events in one transaction (a single larger push still goes alone). */
    private readonly maxEvents = 5000,
  ) {}

  submit(job: PushJob): Promise<PushResponse> {
    return new Promise((resolve, reject) => {
      const prepared = prepareJob(this.deps, job);
      // Its failure is the batch's (handled in drain); never an unhandled rejection meanwhile.
      prepared.catch(() => undefined);
      this.waiting.push({ job, prepared, resolve, reject });
      void this.drain();
    });
  }

  private take(): Waiting[] {
    const batch: Waiting[] = [];
    let events = 0;
    while (this.waiting.length) {
      const next = this.waiting[0]!;
      if (batch.length && events + next.job.raw.length > this.maxEvents) break;
      batch.push(this.waiting.shift()!);
      events += next.job.raw.length;
    }
    return batch;
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiting.length) {
        // better-sqlite3 runs synchronously under its promises: yield between transactions so a
        // backlog never starves the sockets, pings and HTTP of this process.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const batch = this.take();
        try {
          const prepared = await Promise.all(batch.map((w) => w.prepared));
          const { outcomes, heads } = await commitBatch(this.deps, prepared);
          batch.forEach((w, i) => w.resolve(outcomes[i]!));
          if (heads.size) this.onCommitted(heads);
        } catch (err) {
          if (batch.length === 1) {
            batch[0]!.reject(err);
            continue;
          }
          // One push that breaks the transaction must not sink the others: each goes alone.
          for (const w of batch) {
            try {
              const { outcomes, heads } = await ingestBatch(this.deps, [w.job]);
              w.resolve(outcomes[0]!);
              if (heads.size) this.onCommitted(heads);
            } catch (e) {
              w.reject(e);
            }
          }
        }
      }
    } finally {
      this.running = false;
    }
  }
}
