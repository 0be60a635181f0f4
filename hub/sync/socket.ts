// The /sync namespace: device-signed handshake, push and pull with acknowledgements, pokes.
// Pokes go to rooms (one per feed), so with the Redis adapter they reach every hub process.
import type { Logger } from 'pino';
import type { Namespace, Server, Socket } from 'socket.io';
import {
  PullRequest,
  PushRequest,
  SYNC_NAMESPACE,
  type PullResponse,
  type PushResponse,
} from '../../shared/protocol/wire';
import type { DeviceAuth } from '../http/device-auth';
import type { Metrics } from '../metrics';
import type { DeviceTable } from '../store/schema';
import type { IngestDeps } from './ingest';
import { IngestQueue } from './ingest-queue';
import { feedHead, pullPage } from './pull';
import { JsonText } from './wire-encoder';

export const feedRoom = (feed: string): string => `feed:${feed}`;
/** A busy feed is poked at most once per this many ms (a quiet one at once). */
const POKE_WINDOW_MS = 200;
const roomOf = (device: Pick<DeviceTable, 'hall_id' | 'scope'>) =>
  feedRoom(device.scope === 'region' ? 'region' : device.hall_id);

type Ack<T> = (answer: T) => void;

export function attachSync(
  io: Server,
  deps: IngestDeps,
  auth: DeviceAuth,
  metrics: Metrics,
  log: Logger,
): Namespace {
  const nsp = io.of(SYNC_NAMESPACE);
  nsp.use(deviceHandshake(auth, metrics, log));

  /**
   * Tells every device whose feed grew, on any hub process. A quiet feed is poked at once; while
   * it keeps growing, heads are gathered and the feed is poked at most once per window with its
   * newest head. A busy hall's 250 counters then get a few pokes a second, not one per push:
   * each poke is a frame to every one of them, which is what a thousand connected counters cost.
   * Each feed keeps its own window, so the halls' fan-outs fall in different turns of the event
   * loop, and a poke never goes out before the acknowledgements of the commit that caused it.
   */
  const lastPoke = new Map<string, number>();
  const dueHeads = new Map<string, number>();
  const scheduled = new Set<string>();
  const flush = (feed: string) => {
    scheduled.delete(feed);
    const head = dueHeads.get(feed);
    dueHeads.delete(feed);
    lastPoke.set(feed, Date.now());
    if (head !== undefined) nsp.to(feedRoom(feed)).emit('poke', { head });
  };
  const poke = (heads: Map<string, number>) => {
    const now = Date.now();
    for (const [feed, head] of heads) {
      dueHeads.set(feed, Math.max(head, dueHeads.get(feed) ?? 0));
      if (scheduled.has(feed)) continue;
      scheduled.add(feed);
      const wait = (lastPoke.get(feed) ?? 0) + POKE_WINDOW_MS - now;
      if (wait > 0) setTimeout(() => flush(feed), wait);
      else setImmediate(() => flush(feed));
    }
  };

  const queue = new IngestQueue(deps, poke);

  nsp.on('connection', (socket: Socket) => {
    const device = socket.data.device as DeviceTable;
    metrics.connected.inc();
    void socket.join(roomOf(device));
    // One push at a time per connection, answered in the order received.
    let chain: Promise<unknown> = Promise.resolve();

    socket.on('push', (msg: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const reply = ack as Ack<PushResponse>;
      const parsed = PushRequest.safeParse(msg);
      if (!parsed.success) {
        reply({
          results: [],
          error: {
            code: 'INVALID_MESSAGE',
            message: '推送消息须为 { events: Event[] }，且最多 500 条',
          },
        });
        return;
      }
      chain = chain.then(async () => {
        const end = metrics.pushSeconds.startTimer();
        try {
          // Revocation is checked in the push's own transaction (ingest.ts).
          const answer = await queue.submit({ device, raw: parsed.data.events });
          for (const r of answer.results) metrics.pushEvents.inc({ status: r.status });
          reply(answer);
          if (answer.error?.code === 'DEVICE_REVOKED') socket.disconnect(true);
        } catch (e) {
          log.error({ err: e, device: device.device_code }, 'push failed');
          reply({
            results: [],
            error: { code: 'INTERNAL', message: '中心暂时无法处理，请稍后重试' },
          });
        } finally {
          end();
        }
      });
    });

    socket.on('pull', (msg: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const reply = ack as Ack<PullResponse>;
      const parsed = PullRequest.safeParse(msg);
      if (!parsed.success) {
        reply({
          events: [],
          cursor: 0,
          more: false,
          error: {
            code: 'INVALID_MESSAGE',
            message: '拉取消息须为 { cursor, limit? }，limit 最多 5000',
          },
        });
        return;
      }
      void pullPage(deps.native, device, parsed.data.cursor, parsed.data.limit).then(
        (page) => {
          metrics.pullEvents.inc(page.count);
          // The page is JSON already: sent as it is (wire-encoder.ts), the same bytes as the object.
          (ack as (text: JsonText) => void)(new JsonText(page.json));
        },
        (e: unknown) => {
          log.error({ err: e }, 'pull failed');
          reply({
            events: [],
            cursor: parsed.data.cursor,
            more: false,
            error: { code: 'INTERNAL', message: '中心暂时无法处理，请稍后重试' },
          });
        },
      );
    });

    socket.on('disconnect', () => metrics.connected.dec());
    // A device that connects learns the head at once, so it pulls what it missed.
    void feedHead(deps.native, device).then(
      (head) => socket.emit('poke', { head }),
      () => undefined,
    );
    void deps.db
      .updateTable('devices')
      .set({ last_seen_at: new Date(deps.clock.now()).toISOString() })
      .where('device_id', '=', device.device_id)
      .execute()
      .catch(() => undefined);
  });
  return nsp;
}

/**
 * The device-signed handshake (PROTOCOL.md, Socket.io) as namespace middleware: /sync and /consult
 * both admit a device this way and keep it in `socket.data.device`.
 */
export function deviceHandshake(
  auth: DeviceAuth,
  metrics: Metrics,
  log: Logger,
): (socket: Socket, next: (err?: Error) => void) => void {
  return (socket, next) => {
    void auth.handshake(socket.handshake.auth as Record<string, unknown>).then(
      (r) => {
        if (!r.ok) {
          metrics.refusedConnections.inc({ code: r.error.code });
          const err = new Error(r.error.message) as Error & { data: unknown };
          err.data = { code: r.error.code, message: r.error.message };
          next(err);
          return;
        }
        socket.data.device = r.device;
        next();
      },
      (e: unknown) => {
        log.error({ err: e }, 'handshake check failed');
        next(
          Object.assign(new Error('中心内部错误'), {
            data: { code: 'INTERNAL', message: '中心内部错误，请稍后重试' },
          }),
        );
      },
    );
  };
}
