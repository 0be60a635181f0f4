// The hub: Fastify for HTTP and socket.io for sync on one port, over SQLite or PostgreSQL, joined
// to other hub processes through the Redis streams adapter when HUB_REDIS_URL is set.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { ensureAuthorityKeys, SigningKeys } from './domain/authority-keys';
import { Blobs } from './domain/blobs';
import { CatalogService, DEFAULT_CATALOG_FILE, importCatalog, readCatalogFile } from './domain/catalog';
import { seedHalls } from './domain/halls';
import { Principals, Tokens } from './domain/staff';
import { systemClock, type Clock } from './domain/time';
import { DeviceAuth } from './http/device-auth';
import { registerRoutes } from './http/routes';
import { createMetrics } from './metrics';
import { openStore, type Store } from './store/db';
import { attachSync } from './sync/socket';
import { hubParser } from './sync/wire-encoder';
import { attachConsult } from './consult/namespace';
import { importCalendarDir } from './domain/calendar';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
  }
}

export const HUB_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
/** The built counter UI the hub serves at its root (HUB_WEB_ROOT overrides, e.g. for parallel test runs). */
export const WEB_ROOT = process.env.HUB_WEB_ROOT ?? fileURLToPath(new URL('../out/web/', import.meta.url));

export interface HubOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  redisUrl?: string | undefined;
  port?: number;
  host?: string;
  clock?: Clock;
  logLevel?: string;
  /** TLS certificate and key (PEM files), so browsers on other machines get a secure context. */
  tls?: { cert: string; key: string } | undefined;
}

export interface Hub {
  app: FastifyInstance;
  io: Server;
  store: Store;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Brings a fresh store to a usable state: halls, catalog, calendar, authority keys. */
export async function prepareStore(store: Store): Promise<void> {
  await seedHalls(store.db);
  const hasCatalog = await store.db.selectFrom('catalog').select('id').executeTakeFirst();
  if (!hasCatalog) await importCatalog(store.db, readCatalogFile(DEFAULT_CATALOG_FILE));
  const hasCalendar = await store.db.selectFrom('calendar').select('year').executeTakeFirst();
  if (!hasCalendar) await importCalendarDir(store.db);
  await ensureAuthorityKeys(store.db);
}

export async function startHub(opts: HubOptions): Promise<Hub> {
  const clock = opts.clock ?? systemClock;
  let log: { warn: (o: object, m: string) => void } | null = null;
  const store = await openStore({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl, onPoolError: (err) => log?.warn({ err }, 'database connection lost; it will be replaced') });
  await prepareStore(store);
  const app = Fastify({
    logger: { level: opts.logLevel ?? process.env.HUB_LOG_LEVEL ?? 'info' },
    bodyLimit: 64 * 1024 * 1024,
    // Fastify's own refusals (bad URL encoding, over-long parameters) in the contract's error shape.
    frameworkErrors: (err, _req, reply) => void (reply as unknown as FastifyReply).code(400).send({ error: { code: 'INVALID_REQUEST', message: `请求地址无效（${err.code}）` } }),
    ...(opts.tls ? { https: { cert: readFileSync(opts.tls.cert), key: readFileSync(opts.tls.key) } } : {}),
  }) as unknown as FastifyInstance;
  log = app.log;

  // PostgreSQL text cannot hold NUL and no field needs it: refused at the door, URL and body alike.
  app.addHook('onRequest', async (req, reply) => {
    if (/%00/.test(req.url)) return reply.code(400).send({ error: { code: 'INVALID_REQUEST', message: '请求中含有不允许的空字符' } });
  });
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body: Buffer, done) => {
    req.rawBody = body;
    if (body.length === 0) return done(null, undefined);
    if (body.includes('\\u0000') || body.includes(0)) return done(Object.assign(new Error('请求中含有不允许的空字符'), { statusCode: 400 }), undefined);
    try {
      done(null, JSON.parse(body.toString('utf8')));
    } catch {
      done(Object.assign(new Error('JSON 格式错误'), { statusCode: 400 }), undefined);
    }
  });
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_req, body: Buffer, done) => done(null, body));

  const metrics = createMetrics();
  const auth = new DeviceAuth(store.db, clock);
  const tokens = await Tokens.open(store.db);
  const catalog = new CatalogService(store.db);
  const blobs = new Blobs(store.db);
  registerRoutes(app, { store, auth, tokens, catalog, blobs, version: HUB_VERSION });
  app.get('/metrics', async (_req, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));

  if (existsSync(WEB_ROOT) && readdirSync(WEB_ROOT).length) {
    await app.register(fastifyStatic, { root: WEB_ROOT, prefix: '/', index: ['index.html'], wildcard: false });
  }

  const io = new Server(app.server, { transports: ['websocket'], serveClient: false, maxHttpBufferSize: 8 * 1024 * 1024, pingInterval: 10_000, pingTimeout: 8_000, parser: hubParser });
  let redis: ReturnType<typeof createClient> | null = null;
  if (opts.redisUrl) {
    redis = createClient({ url: opts.redisUrl });
    await redis.connect();
    io.adapter(createAdapter(redis));
  }
  const principals = new Principals(store.db);
  const keys = new SigningKeys(store.db);
  attachSync(io, { db: store.db, native: store.native, principals, catalog, keys, clock }, auth, metrics, app.log as never);
  attachConsult(io, { db: store.db, principals, auth, metrics, log: app.log as never, clock });

  await app.listen({ port: opts.port ?? 8080, host: opts.host ?? '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const url = `${opts.tls ? 'https' : 'http'}://${opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1'}:${port}`;
  return {
    app,
    io,
    store,
    url,
    port,
    // Each step runs even if one before it fails, so the store is always released.
    close: async () => {
      await new Promise<void>((resolve) => io.close(() => resolve())).catch(() => undefined);
      await app.close().catch(() => undefined);
      if (redis) await redis.quit().catch(() => undefined);
      await store.close();
    },
  };
}
