// The hub's HTTP API (PROTOCOL.md, HTTP): enrollment, login, catalog, blobs, keys, certificates.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EnrollRequest, LoginRequest } from '../../shared/protocol/wire';
import { publicKeys } from '../domain/authority-keys';
import type { Blobs } from '../domain/blobs';
import type { CatalogService } from '../domain/catalog';
import { enroll } from '../domain/devices';
import { registerSnapshotRoute } from '../sync/snapshot-route';
import { checkPassword, HubInputError, offlineVerifierFor, toStaff, type Tokens } from '../domain/staff';
import type { Store } from '../store/db';
import type { DeviceTable } from '../store/schema';
import type { DeviceAuth } from './device-auth';
import { sendError } from './errors';
import { trackPage } from './track-page';
import { verifyPage } from './verify-page';

export interface RouteDeps {
  store: Store;
  auth: DeviceAuth;
  tokens: Tokens;
  catalog: CatalogService;
  blobs: Blobs;
  version: string;
}

const SHA = /^[0-9a-f]{64}$/;

export function registerRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db } = deps.store;

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, _req, reply) => {
    if (err instanceof HubInputError) return sendError(reply, err.code, err.message);
    if (err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 'BLOB_TOO_LARGE', '请求体超过大小限制');
    if (err.statusCode && err.statusCode < 500) return sendError(reply, 'INVALID_REQUEST', `请求格式错误：${err.message}`);
    app.log.error({ err }, 'request failed');
    return sendError(reply, 'INTERNAL', '中心内部错误，请稍后重试');
  });

  app.setNotFoundHandler((_req, reply) => sendError(reply, 'NOT_FOUND', '请求的地址不存在'));

  /** The device behind a signed request, or the refusal already sent. */
  const device = async (req: FastifyRequest, reply: FastifyReply): Promise<DeviceTable | null> => {
    const raw = Buffer.isBuffer(req.body) ? req.body : (req.rawBody ?? '');
    const r = await deps.auth.http(req.headers as Record<string, unknown>, req.method, req.url, raw);
    if (!r.ok) {
      sendError(reply, r.error.code, r.error.message);
      return null;
    }
    return r.device;
  };

  app.get('/healthz', async () => ({ ok: true, version: deps.version }));

  app.post('/api/v1/enroll', async (req, reply) => {
    const parsed = EnrollRequest.safeParse(req.body);
    if (!parsed.success) return sendError(reply, 'INVALID_REQUEST', `注册请求格式错误：${parsed.error.issues[0]?.message ?? ''}`);
    return reply.code(201).send(await enroll(db, parsed.data));
  });

  app.post('/api/v1/login', async (req, reply) => {
    const dev = await device(req, reply);
    if (!dev) return reply;
    const parsed = LoginRequest.safeParse(req.body);
    if (!parsed.success) return sendError(reply, 'INVALID_REQUEST', '请填写用户名和密码');
    const row = await db.selectFrom('staff').selectAll().where('username', '=', parsed.data.username.trim().toLowerCase()).executeTakeFirst();
    // The same answer, and about the same work, for an unknown user and a wrong password.
    const good = row && !row.disabled_at ? await checkPassword(row.password_hash, parsed.data.password) : (await checkPassword('scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', parsed.data.password), false);
    if (!row || !good) return sendError(reply, 'BAD_CREDENTIALS', '用户名或密码错误');
    if (dev.scope === 'hall' && row.hall_id !== dev.hall_id) return sendError(reply, 'FORBIDDEN', `该账号属于 ${row.hall_id}，不能在本厅（${dev.hall_id}）设备上登录`);
    const staff = toStaff(row);
    return {
      token: deps.tokens.issue({ staffId: staff.staffId, deviceId: dev.device_id }),
      staff,
      offlineVerifier: await offlineVerifierFor(parsed.data.password),
    };
  });

  app.get('/api/v1/catalog', async (req, reply) => {
    if (!(await device(req, reply))) return reply;
    const cat = await deps.catalog.current();
    reply.header('etag', cat.etag).header('cache-control', 'no-cache');
    if (req.headers['if-none-match'] === cat.etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(cat.body);
  });

  // The staff directory (contract v1, additive): names for the timelines of every counter, so a
  // case shows who acted in another hall too. Names, halls and roles only, never credentials.
  app.get('/api/v1/staff', async (req, reply) => {
    if (!(await device(req, reply))) return reply;
    const rows = await db.selectFrom('staff').selectAll().where('disabled_at', 'is', null).orderBy('hall_id').orderBy('username').execute();
    return { staff: rows.map(toStaff) };
  });

  registerSnapshotRoute(app, deps.store.native, device);

  app.get('/api/v1/calendar', async () => {
    const rows = await db.selectFrom('calendar').selectAll().orderBy('year').execute();
    return { years: rows.map((r) => JSON.parse(r.body) as unknown) };
  });

  app.put('/api/v1/blobs/:sha', async (req, reply) => {
    const dev = await device(req, reply);
    if (!dev) return reply;
    const { sha } = req.params as { sha: string };
    if (!SHA.test(sha)) return sendError(reply, 'INVALID_REQUEST', '附件地址须为 64 位小写十六进制 sha256');
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers['content-range'] ?? ''));
    const offset = range ? Number(range[1]) : 0;
    const total = range ? Number(range[3]) : body.length;
    if (range && Number(range[2]) - offset + 1 !== body.length) return sendError(reply, 'INVALID_REQUEST', 'Content-Range 与数据长度不符');
    const state = await deps.blobs.write(sha, offset, total, body, dev.device_id);
    if (state.complete) return reply.code(201).send({ sha256: sha, size: state.size });
    return reply.code(202).header('upload-offset', String(state.received)).send({ sha256: sha, received: state.received, total: state.total });
  });

  app.head('/api/v1/blobs/:sha', async (req, reply) => {
    const dev = await device(req, reply);
    if (!dev) return reply;
    const { sha } = req.params as { sha: string };
    const state = SHA.test(sha) ? await deps.blobs.state(sha) : null;
    if (state?.complete) return reply.code(200).header('content-length', String(state.size)).send();
    if (state) reply.header('upload-offset', String(state.received));
    return reply.code(404).send();
  });

  app.get('/api/v1/blobs/:sha', async (req, reply) => {
    const dev = await device(req, reply);
    if (!dev) return reply;
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const claims = bearer ? deps.tokens.check(bearer) : null;
    if (!claims || claims.deviceId !== dev.device_id) return sendError(reply, 'TOKEN_INVALID', '登录已失效，请重新登录后查看附件');
    const { sha } = req.params as { sha: string };
    if (!SHA.test(sha) || !(await deps.blobs.mayRead(sha, dev))) return sendError(reply, 'NOT_FOUND', '附件不存在或无权查看');
    const parts: Buffer[] = [];
    for await (const c of deps.blobs.chunks(sha)) parts.push(c);
    return reply.type('application/octet-stream').send(Buffer.concat(parts));
  });

  app.get('/api/v1/keys', async () => ({ keys: await publicKeys(db) }));

  app.get('/api/v1/certificates/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const row = await db.selectFrom('certificates').selectAll().where('certificate_id', '=', id).executeTakeFirst();
    if (!row) return sendError(reply, 'NOT_FOUND', '证照不存在');
    return { certificate: JSON.parse(row.body) as unknown, signature: row.signature, keyId: row.key_id, status: row.status };
  });

  app.get('/track', async (req, reply) => {
    const q = req.query as { caseNo?: unknown; code?: unknown };
    const r = await trackPage(db, typeof q.caseNo === 'string' ? q.caseNo : '', typeof q.code === 'string' ? q.code : '', async (code) => (await deps.catalog.item(code))?.promisedDays);
    return reply.code(r.status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(r.html);
  });

  app.get('/verify/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const row = await db.selectFrom('certificates').selectAll().where('certificate_id', '=', id).executeTakeFirst();
    const keys = await publicKeys(db);
    const html = await verifyPage(row ?? null, keys);
    return reply.code(row ? 200 : 404).type('text/html; charset=utf-8').send(html);
  });
}
