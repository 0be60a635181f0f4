// The hub's command line (PROTOCOL.md, Hub command line). Every command takes --data and --json,
// and honours HUB_DATABASE_URL as serve does.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../shared/protocol/primitives';
import { createAuthorityKey, publicKeys } from '../domain/authority-keys';
import { importCalendarYear, readCalendarFile } from '../domain/calendar';
import { importCatalog, readCatalogFile } from '../domain/catalog';
import { describeDemo, seedDemo } from '../domain/demo';
import { createEnrollCode, revokeDevice } from '../domain/devices';
import { addHall } from '../domain/halls';
import { addStaff, HubInputError } from '../domain/staff';
import { prepareStore, startHub } from '../server';
import { openStore } from '../store/db';

const USAGE = `用法：npm run hub -- <命令> [选项]
  serve [--port 8080] [--host 127.0.0.1] [--demo] [--tls-cert F --tls-key F]   启动中心
  enroll-code --hall TJ --counter 3 [--scope region] [--ttl-hours 168]            生成一次性注册码
  add-staff --hall TJ --username tj-li --name 李静 --role clerk [--role reviewer] --password-stdin
  revoke-device --device DEVICE_ID                                               吊销设备
  list-devices                                                                   列出设备
  list-staff                                                                     列出人员
  add-hall --hall LF --name 廊坊市政务服务中心 --authority 廊坊市 --city 廊坊     新增营业厅
  rotate-keys --hall BJ [--private-key-file F]                                   轮换签发密钥
  list-keys                                                                      列出签发公钥
  import-catalog --file resources/catalog/catalog.json                           导入事项目录
  import-calendar --file resources/calendar/2027.json                            导入年度节假日安排
  stats                                                                          统计
通用选项：--data ./data（SQLite 目录）  --json（机器可读输出）；HUB_DATABASE_URL 指向 PostgreSQL`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string', default: process.env.HUB_DATA_DIR ?? './data' },
    json: { type: 'boolean', default: false },
    port: { type: 'string' },
    host: { type: 'string' },
    demo: { type: 'boolean', default: false },
    hall: { type: 'string' },
    counter: { type: 'string' },
    scope: { type: 'string', default: 'hall' },
    'ttl-hours': { type: 'string' },
    username: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', multiple: true },
    'password-stdin': { type: 'boolean', default: false },
    device: { type: 'string' },
    file: { type: 'string' },
    authority: { type: 'string' },
    city: { type: 'string' },
    'private-key-file': { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const command = positionals[0];
const json = values.json;

function out(human: string, data: object): void {
  if (json) console.log(JSON.stringify(data));
  else console.log(human);
}

function need(name: string, v: string | undefined): string {
  if (!v) throw new HubInputError('INVALID_REQUEST', `缺少参数 --${name}`);
  return v;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function withStore<T>(fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir: values.data, databaseUrl: process.env.HUB_DATABASE_URL });
  try {
    await prepareStore(store);
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  if (!command || values.help) {
    console.log(USAGE);
    return;
  }
  switch (command) {
    case 'serve': {
      const hub = await startHub({
        dataDir: values.data,
        databaseUrl: process.env.HUB_DATABASE_URL,
        redisUrl: process.env.HUB_REDIS_URL,
        port: Number(values.port ?? process.env.PORT ?? 8080),
        host: values.host ?? process.env.HUB_HOST ?? '127.0.0.1',
        logLevel: process.env.HUB_LOG_LEVEL ?? (values.demo ? 'warn' : 'info'),
        tls: values['tls-cert'] && values['tls-key'] ? { cert: values['tls-cert'], key: values['tls-key'] } : undefined,
      });
      if (values.demo) {
        const info = await seedDemo(hub.store.db);
        if (json) console.log(JSON.stringify({ url: hub.url, ...info }));
        else console.log(describeDemo(info, hub.url));
      } else out(`通办中心已启动：${hub.url}（${hub.store.dialect === 'sqlite' ? 'SQLite ' + hub.store.location : 'PostgreSQL'}）`, { url: hub.url, port: hub.port, store: hub.store.dialect });
      const stop = () => void hub.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return;
    }
    case 'enroll-code': {
      const scope = values.scope === 'region' ? 'region' : 'hall';
      const r = await withStore((s) =>
        createEnrollCode(s.db, { hallId: need('hall', values.hall), counterNo: Number(need('counter', values.counter)), scope, ...(values['ttl-hours'] ? { ttlMs: Number(values['ttl-hours']) * 3600_000 } : {}) }),
      );
      out(`注册码：${r.code}（${r.expiresAt} 前有效，仅可使用一次）`, r);
      return;
    }
    case 'add-staff': {
      const roles = (values.role ?? []) as Role[];
      const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (bad.length) throw new HubInputError('INVALID_REQUEST', `未知岗位：${bad.join(', ')}（可用：${ROLES.join(', ')}）`);
      if (!values['password-stdin']) throw new HubInputError('INVALID_REQUEST', '请用 --password-stdin 从标准输入提供密码');
      const password = await readStdin();
      const s = await withStore((st) => addStaff(st.db, { username: need('username', values.username), name: need('name', values.name), hallId: need('hall', values.hall), roles, password }));
      out(`已添加人员 ${s.name}（${s.staffId}）`, s);
      return;
    }
    case 'revoke-device': {
      const d = await withStore((s) => revokeDevice(s.db, need('device', values.device)));
      out(`已吊销设备 ${d.device_code}（${d.device_id}）`, { deviceId: d.device_id, deviceCode: d.device_code, revokedAt: d.revoked_at });
      return;
    }
    case 'list-devices': {
      const rows = await withStore((s) => s.db.selectFrom('devices').select(['device_id', 'device_code', 'hall_id', 'scope', 'name', 'app_version', 'enrolled_at', 'revoked_at', 'last_seq', 'last_seen_at']).orderBy('device_code').execute());
      out(rows.map((r) => `${r.device_code.padEnd(8)} ${r.device_id}  ${r.name}  ${r.revoked_at ? '已吊销' : '正常'}  已推送 ${r.last_seq}`).join('\n') || '（无设备）', { devices: rows });
      return;
    }
    case 'list-staff': {
      const rows = await withStore((s) => s.db.selectFrom('staff').select(['staff_id', 'username', 'name', 'hall_id', 'roles', 'disabled_at']).orderBy('username').execute());
      out(rows.map((r) => `${r.username.padEnd(16)} ${r.name}  ${r.hall_id}  ${r.roles}`).join('\n'), { staff: rows.map((r) => ({ ...r, roles: JSON.parse(r.roles) as string[] })) });
      return;
    }
    case 'add-hall': {
      const hall = { hallId: need('hall', values.hall), name: need('name', values.name), authority: need('authority', values.authority), city: need('city', values.city) };
      await withStore(async (s) => {
        await addHall(s.db, hall);
        await prepareStore(s);
      });
      out(`已新增营业厅 ${hall.hallId} ${hall.name}`, hall);
      return;
    }
    case 'rotate-keys': {
      const pkcs8 = values['private-key-file'] ? readFileSync(values['private-key-file'], 'utf8').trim() : undefined;
      const row = await withStore(async (s) => {
        const hall = await s.db.selectFrom('halls').selectAll().where('hall_id', '=', need('hall', values.hall)).executeTakeFirst();
        if (!hall) throw new HubInputError('NOT_FOUND', `营业厅 ${values.hall} 不存在`);
        return createAuthorityKey(s.db, hall.hall_id, hall.authority, pkcs8);
      });
      out(`已启用新签发密钥 ${row.key_id}；旧密钥已停用，仍可核验其签发的证照`, { keyId: row.key_id, hallId: row.hall_id, publicKey: row.public_key });
      return;
    }
    case 'list-keys': {
      const keys = await withStore((s) => publicKeys(s.db));
      out(keys.map((k) => `${k.keyId.padEnd(28)} ${k.authority}  ${k.retiredAt ? '已停用' : '使用中'}`).join('\n'), { keys });
      return;
    }
    case 'import-catalog': {
      const r = await withStore((s) => importCatalog(s.db, readCatalogFile(need('file', values.file))));
      out(`已导入目录 ${r.version}，共 ${r.items} 个事项`, r);
      return;
    }
    case 'import-calendar': {
      const y = readCalendarFile(need('file', values.file));
      await withStore((s) => importCalendarYear(s.db, y));
      out(`已导入 ${y.year} 年节假日安排${y.provisional ? '（暂定）' : ''}`, { year: y.year, provisional: y.provisional });
      return;
    }
    case 'stats': {
      const r = await withStore(async (s) => {
        const count = async (t: 'events' | 'cases' | 'devices' | 'staff' | 'certificates' | 'blobs') => Number((await s.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
        return { store: s.dialect, events: await count('events'), cases: await count('cases'), devices: await count('devices'), staff: await count('staff'), certificates: await count('certificates'), blobs: await count('blobs') };
      });
      out(Object.entries(r).map(([k, v]) => `${k.padEnd(14)} ${v}`).join('\n'), r);
      return;
    }
    default:
      throw new HubInputError('INVALID_REQUEST', `未知命令：${command}\n${USAGE}`);
  }
}

main().catch((e: unknown) => {
  const code = e instanceof HubInputError ? e.code : 'INTERNAL';
  const message = e instanceof Error ? e.message : String(e);
  if (json) console.log(JSON.stringify({ error: { code, message } }));
  else console.error(`错误（${code}）：${message}`);
  process.exit(2);
});
