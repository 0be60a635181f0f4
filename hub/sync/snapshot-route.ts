// GET /api/v1/snapshot (docs/protocol-extensions.md, "Case snapshot"): one page of the case snapshot
// for the signed device, scoped as its feed is (hall or region), as JSON spliced by snapshot.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_SNAPSHOT_LIMIT, SNAPSHOT_PATH, SnapshotQuery } from '../../shared/sync/snapshot';
import { sendError } from '../http/errors';
import type { NativeStore } from '../store/db';
import type { DeviceTable } from '../store/schema';
import { snapshotPage } from './snapshot';

/** The signed device behind a request, or null with the refusal sent (routes.ts checks signatures). */
type DeviceOf = (req: FastifyRequest, reply: FastifyReply) => Promise<DeviceTable | null>;

export function registerSnapshotRoute(app: FastifyInstance, native: NativeStore, device: DeviceOf): void {
  app.get(SNAPSHOT_PATH, async (req, reply) => {
    const dev = await device(req, reply);
    if (!dev) return reply;
    const query = SnapshotQuery.safeParse(req.query);
    if (!query.success) {
      return sendError(reply, 'INVALID_REQUEST', `快照请求须为 ?limit=1…2000&after=<上一页最后一个办件的 caseId（UUID）>：${query.error.issues[0]?.message ?? ''}`);
    }
    const page = await snapshotPage(native, dev, query.data.after, query.data.limit ?? DEFAULT_SNAPSHOT_LIMIT);
    return reply.type('application/json; charset=utf-8').header('cache-control', 'no-store').send(page.json);
  });
}
