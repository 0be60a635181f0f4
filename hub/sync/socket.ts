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
import { feedHead, pull } from './pull';

export const feedRoom = (feed: string): string => `feed:${feed}`;
const POKE_COALESCE_MS = 25;
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

  nsp.use((socket, next) => {
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
  });

  /**
   * Tells every device whose feed grew, on any hub process. Heads are gathered for a few
   * milliseconds and each feed is poked once with its newest head: a busy hall's counters get one
   * poke per tick, not one per push, which is what keeps a thousand connected counters affordable.
   */
  const dueHeads = new Map<string, number>();
  let pokeTimer: NodeJS.Timeout | null = null;
  const poke = (heads: Map<string, number>) => {
    for (const [feed, head] of heads) dueHeads.set(feed, Math.max(head, dueHeads.get(feed) ?? 0));
    pokeTimer ??= setTimeout(() => {
      pokeTimer = null;
      for (const [feed, head] of dueHeads) nsp.to(feedRoom(feed)).emit('poke', { head });
      dueHeads.clear();
    }, POKE_COALESCE_MS);
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
          const current = await deps.db
            .selectFrom('devices')
            .select(['revoked_at'])
            .where('device_id', '=', device.device_id)
            .executeTakeFirst();
          if (!current || current.revoked_at) {
            reply({ results: [], error: { code: 'DEVICE_REVOKED', message: '设备已被吊销' } });
            socket.disconnect(true);
            return;
          }
          const results = await queue.submit({ device, raw: parsed.data.events });
          for (const r of results) metrics.pushEvents.inc({ status: r.status });
          reply({ results });
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
      void pull(deps.db, device, parsed.data.cursor, parsed.data.limit).then(
        (r) => {
          metrics.pullEvents.inc(r.events.length);
          reply(r);
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
    void feedHead(deps.db, device).then(
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
