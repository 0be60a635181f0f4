// GET /api/v1/snapshot (docs/protocol-extensions.md, "Case snapshot"): one page of the case snapshot
// for the signed device, scoped as its feed is (hall or region), as JSON spliced by snapshot.ts;
// GET /api/v1/snapshot/cases/{caseId}: one case of that scope whole, as a page holding just it;
// GET /api/v1/snapshot/heads ("Case heads"): one page of the heads of the same cases (heads.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Uuid } from '../../shared/protocol/primitives';
import { DEFAULT_HEADS_LIMIT, HEADS_PATH, HeadsQuery, MAX_HEADS_LIMIT, SNAPSHOT_CASE_PATH } from '../../shared/sync/heads';
import { DEFAULT_SNAPSHOT_LIMIT, SNAPSHOT_PATH, SnapshotQuery } from '../../shared/sync/snapshot';
import { sendError } from '../http/errors';
import type { NativeStore } from '../store/db';
import type { DeviceTable } from '../store/schema';
import { headsPage } from './heads';
import { snapshotCase, snapshotPage } from './snapshot';

/** The signed device behind a request, or null with the refusal sent (routes.ts checks signatures). */
type DeviceOf = (req: FastifyRequest, reply: FastifyReply) => Promise<DeviceTable | null>;

const json = (reply: FastifyReply, body: string) => reply.type('application/json; charset=utf-8').header('cache-control', 'no-store').send(body);

export function registerSnapshotRoute(app: FastifyInstance, native: NativeStore, device: DeviceOf): void {
  app.get(SNAPSHOT_PATH, async (req, reply) => {
    const dev = await device(req, reply);
    if (!dev) return reply;
    const query = SnapshotQuery.safeParse(req.query);
    if (!query.success) {
      return sendError(reply, 'INVALID_REQUEST', `快照请求须为 ?limit=1…2000&after=<上一页最后一个办件的 caseId（UUID）>：${query.error.issues[0]?.message ?? ''}`);
    }
    const page = await snapshotPage(native, dev, query.data.after, query.data.limit ?? DEFAULT_SNAPSHOT_LIMIT);
    return json(reply, page.json);
  });

  app.get(HEADS_PATH, async (req, reply) => {
    const dev = await device(req, reply);
    if (!dev) return reply;
    const query = HeadsQuery.safeParse(req.query);
    if (!query.success) {
      return sendError(reply, 'INVALID_REQUEST', `办件目录请求须为 ?limit=1…${MAX_HEADS_LIMIT}&after=<上一页最后一个办件的 caseId（UUID）>：${query.error.issues[0]?.message ?? ''}`);
    }
    const page = await headsPage(native, dev, query.data.after, query.data.limit ?? DEFAULT_HEADS_LIMIT);
    return json(reply, page.json);
  });

  app.get(`${SNAPSHOT_CASE_PATH}/:caseId`, async (req, reply) => {
    const dev = await device(req, reply);
    if (!dev) return reply;
    const { caseId } = req.params as { caseId: string };
    if (!Uuid.safeParse(caseId).success) return sendError(reply, 'INVALID_REQUEST', `办件地址须为 ${SNAPSHOT_CASE_PATH}/<办件的 caseId（UUID）>`);
    // Unknown and out of scope alike: a device learns nothing of the cases it may not see.
    const page = await snapshotCase(native, dev, caseId);
    if (!page) return sendError(reply, 'NOT_FOUND', '中心没有此办件，或本机无权查看');
    return json(reply, page.json);
  });
}
