// `npm run bench:hub`: the hub's throughput and latency, against a hub in its own process (so the
// simulated counters in this process do not share its CPU or event loop), over real socket.io.
//   1. ingest on SQLite: N counters of several halls push batches of 500 events (case.received for
//      catalog items, some case.note_added on existing cases); events/s, p50/p99 ack per push
//   2. the same on PostgreSQL (a fresh database, dropped afterwards)
//   3. catch-up: a fresh hall device and a region device pull the whole feed, limit 5000
//   4. a fleet of 1,000 connected counters pushing a steady 500 events/s in one-event pushes
// Figures go to stdout and tests/bench/results/hub.json. Everything talks to 127.0.0.1 only, and
// every process, temp dir and database made here is removed at the end, also on failure or ^C.
//
// Scale with: BENCH_EVENTS (ingest events per store, 100000), BENCH_COUNTERS (20), BENCH_BATCH
// (500), BENCH_NOTE_RATIO (0.1), BENCH_STORES (sqlite,postgres), BENCH_FLEET (1000, 0 skips),
// BENCH_FLEET_RATE (500 events/s), BENCH_FLEET_SECONDS (20), BENCH_FLEET_WARMUP_S (3), BENCH_FLEET_STORE (sqlite),
// BENCH_PROFILE=1 (hub CPU profiles into tests/bench/tmp/profiles, summarised), BENCH_TIMEOUT_S
// (600), HUB_TEST_DATABASE_URL (postgres://postgres@127.0.0.1:5432/test).
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';
import { createEnrollCode } from '../../hub/domain/devices';
import { addStaff } from '../../hub/domain/staff';
import { openStore, type Store } from '../../hub/store/db';
import type { Event } from '../../shared/protocol/events';
import type { PullResponse, PushResponse } from '../../shared/protocol/wire';
import { TestDevice } from '../support/device';
import type { StoreTarget } from '../support/hub-process';
import { summarizeProfile, type ProfileSummary } from './cpuprofile';
import { spawnHub, type BenchHub } from './hub-child';

// ---------------------------------------------------------------------------------------------
// Configuration

const num = (name: string, def: number): number => {
  const v = process.env[name];
  if (v === undefined || v === '') return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}=${v} is not a number`);
  return n;
};

const CFG = {
  events: Math.floor(num('BENCH_EVENTS', 100_000)),
  counters: Math.max(1, Math.floor(num('BENCH_COUNTERS', 20))),
  batch: Math.min(500, Math.max(1, Math.floor(num('BENCH_BATCH', 500)))),
  noteRatio: Math.min(0.9, num('BENCH_NOTE_RATIO', 0.1)),
  stores: (process.env.BENCH_STORES ?? 'sqlite,postgres')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is 'sqlite' | 'postgres' => s === 'sqlite' || s === 'postgres'),
  fleet: Math.floor(num('BENCH_FLEET', 1000)),
  fleetRate: num('BENCH_FLEET_RATE', 500),
  fleetSeconds: num('BENCH_FLEET_SECONDS', 20),
  fleetWarmupSeconds: num('BENCH_FLEET_WARMUP_S', 3),
  fleetStore: (process.env.BENCH_FLEET_STORE === 'postgres' ? 'postgres' : 'sqlite') as
    'sqlite' | 'postgres',
  profile: process.env.BENCH_PROFILE === '1',
  timeoutS: num('BENCH_TIMEOUT_S', 600),
  pgUrl: process.env.HUB_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
};

const TARGETS = {
  ingestSqlite: 50_000, // events/s
  ingestPostgres: 20_000, // events/s
  catchUp: 200_000, // events/s
  fleetP99Ms: 100, // ms, at 1,000 counters and 500 events/s
};

const HALLS = ['BJ', 'TJ', 'SJZ', 'XA'] as const;
const PASSWORD = 'bench-password-1';
const RESULTS_FILE = 'tests/bench/results/hub.json';
const PROFILE_ROOT = 'tests/bench/tmp/profiles';
const MAX_DAILY_CASES = 9999; // a device's case numbers per Beijing day (shared/case-number.ts)

// ---------------------------------------------------------------------------------------------
// Clean-up: everything made here registers its removal; ^C, errors and the time limit run them.

const cleanups: { what: string; run: () => Promise<void> }[] = [];
const onCleanup = (what: string, run: () => Promise<void>): (() => Promise<void>) => {
  const entry = { what, run };
  cleanups.push(entry);
  return async () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
    await run();
  };
};
async function cleanupAll(): Promise<void> {
  while (cleanups.length) {
    const c = cleanups.pop()!;
    await c.run().catch((e: unknown) => console.error(`clean-up of ${c.what} failed:`, e));
  }
}
let exiting = false;
const bail = (code: number, why: string) => {
  if (exiting) return;
  exiting = true;
  console.error(`\nbench: ${why}; cleaning up…`);
  void cleanupAll().finally(() => process.exit(code));
};
process.on('SIGINT', () => bail(130, 'interrupted'));
process.on('SIGTERM', () => bail(143, 'terminated'));
setTimeout(
  () => bail(1, `over the time limit of ${CFG.timeoutS} s (BENCH_TIMEOUT_S)`),
  CFG.timeoutS * 1000,
).unref();

// ---------------------------------------------------------------------------------------------
// Small tools: percentiles, a seeded random, CPU accounting from /proc.

const pct = (sorted: number[], p: number): number =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
    : NaN;
const r1 = (n: number) => Math.round(n * 10) / 10;
const latencyStats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: r1(pct(s, 50)),
    p90: r1(pct(s, 90)),
    p99: r1(pct(s, 99)),
    max: r1(s[s.length - 1] ?? NaN),
    mean: r1(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
  };
};

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLK_TCK = (() => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return Number(r.stdout?.trim()) || 100;
})();

function descendants(pid: number): number[] {
  const out = [pid];
  try {
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      const kids = readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim();
      if (kids) for (const k of kids.split(/\s+/)) out.push(...descendants(Number(k)));
    }
  } catch {
    /* gone */
  }
  return out;
}
/** CPU ms (user + system) used so far by a process and its descendants. */
function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const p of descendants(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15 of stat)
    } catch {
      /* gone */
    }
  }
  return (ticks * 1000) / CLK_TCK;
}
function treeFds(pid: number): number {
  let n = 0;
  for (const p of descendants(pid)) {
    try {
      n += readdirSync(`/proc/${p}/fd`).length;
    } catch {
      /* gone */
    }
  }
  return n;
}
function machineCpu(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const idle = (line[3] ?? 0) + (line[4] ?? 0);
    const total = line.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** CPU use of the hub, this process and the machine over a span of wall time. */
function cpuMeter(hubPid: number) {
  const t0 = performance.now();
  const hub0 = treeCpuMs(hubPid);
  const me0 = process.cpuUsage();
  const m0 = machineCpu();
  return () => {
    const wall = performance.now() - t0;
    const me = process.cpuUsage(me0);
    const m1 = machineCpu();
    const hubMs = treeCpuMs(hubPid) - hub0;
    return {
      wallS: r1(wall / 1000),
      hubCpuMs: Math.round(hubMs),
      hubCores: Math.round((hubMs / wall) * 100) / 100,
      benchClientCores: Math.round(((me.user + me.system) / 1000 / wall) * 100) / 100,
      machineBusyPct:
        m1.total > m0.total
          ? Math.round(((m1.busy - m0.busy) / (m1.total - m0.total)) * 100)
          : null,
    };
  };
}

const ulimit = (flag: '-n' | '-Hn'): string =>
  spawnSync('sh', ['-c', `ulimit ${flag}`], { encoding: 'utf8' }).stdout.trim();

/** The hub's own Prometheus counters (GET /metrics), as name{labels} → value; null if it does not answer. */
async function scrape(url: string): Promise<Map<string, number> | null> {
  try {
    const res = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(20_000) });
    const m = new Map<string, number>();
    for (const line of (await res.text()).split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const i = line.lastIndexOf(' ');
      m.set(line.slice(0, i), Number(line.slice(i + 1)));
    }
    return m;
  } catch {
    return null;
  }
}
const ACCEPTED = 'tongban_push_events_total{status="accepted"}';

async function pool<T>(
  items: T[],
  concurrency: number,
  fn: (item: T, i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Stores and hubs

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

async function freshStore(kind: 'sqlite' | 'postgres'): Promise<StoreTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-bench-'));
  const rmDir = onCleanup(`temp dir ${dataDir}`, async () =>
    rmSync(dataDir, { recursive: true, force: true }),
  );
  if (kind === 'sqlite') return { name: 'sqlite', dataDir, cleanup: rmDir };
  const admin = new URL(CFG.pgUrl);
  if (!LOOPBACK.has(admin.hostname))
    throw new Error(
      `HUB_TEST_DATABASE_URL names ${admin.hostname}: this benchmark only talks to 127.0.0.1`,
    );
  const dbName = `tongban_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const c = new pg.Client({ connectionString: CFG.pgUrl });
  await c.connect();
  await c.query(`create database ${dbName}`);
  await c.end();
  const drop = onCleanup(`database ${dbName}`, async () => {
    const d = new pg.Client({ connectionString: CFG.pgUrl });
    await d.connect();
    await d.query(`drop database if exists ${dbName} with (force)`);
    await d.end();
  });
  const url = new URL(CFG.pgUrl);
  url.pathname = `/${dbName}`;
  return {
    name: 'postgres',
    dataDir,
    databaseUrl: url.toString(),
    cleanup: async () => {
      await drop();
      await rmDir();
    },
  };
}

interface RunningHub {
  hub: BenchHub;
  label: string;
  /** Stops the hub (SIGTERM, so a CPU profile gets written) and returns its profile summary. */
  stop(): Promise<ProfileSummary | null>;
  /** Null while the hub runs; otherwise how it died and the end of its stderr (also printed). */
  died(): string | null;
}

async function startHub(target: StoreTarget, label: string): Promise<RunningHub> {
  const profileDir = join(PROFILE_ROOT, label);
  if (CFG.profile) {
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
  }
  const hub = await spawnHub(target, CFG.profile ? { profileDir } : {});
  const kill = onCleanup(`hub ${label} (pid ${hub.pid})`, () => hub.kill('SIGKILL'));
  let stopped: Promise<ProfileSummary | null> | null = null;
  return {
    hub,
    label,
    died: () => {
      const e = hub.exit();
      if (!e || stopped) return null;
      const why = `hub ${label} died during the run (exit code ${e.code}, signal ${e.signal}): ${hub.stderr().trim().split('\n').slice(-8).join(' | ')}`;
      console.log(`  ! ${why}`);
      return why;
    },
    stop: () =>
      (stopped ??= (async () => {
        // SIGTERM: the hub closes its sockets and store and exits, writing its CPU profile.
        const graceful = hub.kill('SIGTERM');
        const late = new Promise<'late'>((res) => setTimeout(() => res('late'), 20_000).unref());
        if ((await Promise.race([graceful, late])) === 'late')
          console.log(`  ! hub ${label} did not stop on SIGTERM within 20 s; killed`);
        await kill();
        if (!CFG.profile) return null;
        const files = existsSync(profileDir)
          ? readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'))
          : [];
        if (!files.length) return null;
        const biggest = files
          .map((f) => join(profileDir, f))
          .sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
        return summarizeProfile(biggest);
      })()),
  };
}

async function withStore<T>(target: StoreTarget, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({
    dataDir: target.dataDir,
    databaseUrl: target.databaseUrl,
    poolSize: 2,
  });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** One clerk per hall, made straight in the store the hub runs on. */
async function makeClerks(store: Store): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const hall of HALLS) {
    ids[hall] = (
      await addStaff(store.db, {
        username: `bench-clerk-${hall.toLowerCase()}`,
        name: `${hall} 收件员`,
        hallId: hall,
        roles: ['clerk'],
        password: PASSWORD,
      })
    ).staffId;
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Events

interface CatalogItem {
  code: string;
  homeHallId: string;
}
const CATALOG: CatalogItem[] = (
  JSON.parse(readFileSync('resources/catalog/catalog.json', 'utf8')) as { items: CatalogItem[] }
).items;

/** A case.received as a counter makes it: a catalog item (of any home hall), a filled-in form. */
function received(d: TestDevice, staffId: string, item: CatalogItem): Event {
  const e = d.received(staffId, { itemCode: item.code, homeHallId: item.homeHallId });
  const p = e.payload as { form: Record<string, unknown> };
  p.form = {
    practiceOrg: '天津市第一中心医院',
    examPassDate: '2026-05-20',
    education: '本科',
    contactPhone: '13800138000',
    remark: '申请人现场提交纸质材料，已核对原件',
  };
  return e;
}

/** A device's events in pushes: mostly new cases, some notes on its cases (earlier pushes or this one). */
function makePushes(
  d: TestDevice,
  staffId: string,
  total: number,
  batch: number,
  noteRatio: number,
  rand: () => number,
  itemOffset: number,
  cases: string[],
): Event[][] {
  const pushes: Event[][] = [];
  let cur: Event[] = [];
  for (let k = 0; k < total; k++) {
    if (cases.length && rand() < noteRatio) {
      const caseId = cases[Math.floor(rand() * cases.length)]!;
      cur.push(
        d.event('case.note_added', caseId, { text: '已电话联系申请人，约定明日补交材料' }, staffId),
      );
    } else {
      const e = received(d, staffId, CATALOG[(itemOffset + k) % CATALOG.length]!);
      cases.push(e.caseId);
      cur.push(e);
    }
    if (cur.length === batch) {
      pushes.push(cur);
      cur = [];
    }
  }
  if (cur.length) pushes.push(cur);
  return pushes;
}

async function push(d: TestDevice, events: Event[], timeoutMs = 120_000): Promise<PushResponse> {
  if (!d.socket) throw new Error('not connected');
  return (await d.socket.timeout(timeoutMs).emitWithAck('push', { events })) as PushResponse;
}

class Tally {
  accepted = 0;
  duplicate = 0;
  rejected = 0;
  errors = 0;
  reasons = new Map<string, number>();
  add(r: PushResponse): void {
    if (r.error) {
      this.errors++;
      this.reasons.set(r.error.code, (this.reasons.get(r.error.code) ?? 0) + 1);
    }
    for (const x of r.results) {
      this[x.status]++;
      if (x.reason)
        this.reasons.set(
          `${x.reason.code}: ${x.reason.message.slice(0, 80)}`,
          (this.reasons.get(`${x.reason.code}: ${x.reason.message.slice(0, 80)}`) ?? 0) + 1,
        );
    }
  }
  toJSON() {
    return {
      accepted: this.accepted,
      duplicate: this.duplicate,
      rejected: this.rejected,
      messageErrors: this.errors,
      reasons: Object.fromEntries([...this.reasons].slice(0, 10)),
    };
  }
}

async function enrollDevice(
  url: string,
  store: Store,
  hallId: string,
  counterNo: number,
  scope: 'hall' | 'region' = 'hall',
): Promise<TestDevice> {
  const { code } = await createEnrollCode(store.db, { hallId, counterNo, scope });
  return TestDevice.enroll(url, code, `bench ${hallId}${counterNo}`);
}

// ---------------------------------------------------------------------------------------------
// 1, 2: ingest — and 3: catch-up on the same store

async function ingestAndCatchUp(kind: 'sqlite' | 'postgres') {
  console.log(
    `\n— ingest on ${kind}: ${CFG.counters} counters, ${CFG.events} events in pushes of ${CFG.batch}, ~${Math.round(CFG.noteRatio * 100)}% notes`,
  );
  const target = await freshStore(kind);
  const running = await startHub(target, `ingest-${kind}`);
  const { hub } = running;
  try {
    const hubPid = hub.pid;
    const { clerks, devices, catchUpDevices } = await withStore(target, async (store) => {
      const clerks = await makeClerks(store);
      const devices: TestDevice[] = [];
      for (let i = 0; i < CFG.counters; i++)
        devices.push(
          await enrollDevice(
            hub.url,
            store,
            HALLS[i % HALLS.length]!,
            (Math.floor(i / HALLS.length) % 89) + 1,
          ),
        );
      const catchUpDevices = {
        hall: await enrollDevice(hub.url, store, 'BJ', 98),
        region: await enrollDevice(hub.url, store, 'BJ', 99, 'region'),
      };
      return { clerks, devices, catchUpDevices };
    });

    const perDevice = Math.floor(CFG.events / CFG.counters);
    const warmup = Math.min(50, CFG.batch);
    if ((perDevice + warmup) * (1 - CFG.noteRatio) > MAX_DAILY_CASES * 0.98) {
      throw new Error(
        `${perDevice} events per counter need more than ${MAX_DAILY_CASES} case numbers a day: raise BENCH_COUNTERS or lower BENCH_EVENTS`,
      );
    }
    const rand = mulberry32(20261125);
    const plans = devices.map((d, i) => {
      const cases: string[] = [];
      const staff = clerks[d.info.hallId]!;
      const warm = makePushes(d, staff, warmup, warmup, CFG.noteRatio, rand, i * 7, cases);
      return {
        d,
        warm,
        pushes: makePushes(
          d,
          staff,
          perDevice,
          CFG.batch,
          CFG.noteRatio,
          rand,
          i * 7 + warmup,
          cases,
        ),
      };
    });
    const bytes = Buffer.byteLength(JSON.stringify(plans[0]!.pushes[0]));
    console.log(
      `  generated ${plans.reduce((a, p) => a + p.pushes.flat().length, 0)} events (a push of ${CFG.batch} is ${(bytes / 1024).toFixed(0)} KiB of JSON); warming up…`,
    );
    // Connected only now: a busy event loop here (making the events) would miss the hub's pings.
    await Promise.all(devices.map((d) => d.connect()));

    const warmTally = new Tally();
    await Promise.all(
      plans.map(async (p) => {
        for (const w of p.warm) warmTally.add(await push(p.d, w));
      }),
    );
    if (warmTally.accepted !== CFG.counters * warmup)
      throw new Error(`warm-up not all accepted: ${JSON.stringify(warmTally)}`);

    const tally = new Tally();
    const latencies: number[] = [];
    const meter = cpuMeter(hubPid);
    const t0 = performance.now();
    await Promise.all(
      plans.map(async (p) => {
        for (const events of p.pushes) {
          const s = performance.now();
          const r = await push(p.d, events);
          latencies.push(performance.now() - s);
          tally.add(r);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpu = meter();
    for (const d of devices) d.close();
    const ingest = {
      counters: CFG.counters,
      halls: [...new Set(devices.map((d) => d.info.hallId))],
      events: perDevice * CFG.counters,
      pushes: latencies.length,
      batch: CFG.batch,
      seconds: Math.round(seconds * 100) / 100,
      eventsPerSecond: Math.round(tally.accepted / seconds),
      ackMs: latencyStats(latencies),
      outcome: tally.toJSON(),
      cpu,
      /** Hub CPU per accepted event: what the hub would need with a core to itself. */
      hubCpuUsPerEvent: Math.round((cpu.hubCpuMs * 1000) / Math.max(1, tally.accepted)),
    };
    const target_ = kind === 'sqlite' ? TARGETS.ingestSqlite : TARGETS.ingestPostgres;
    console.log(
      `  ingest ${kind}: ${ingest.eventsPerSecond} events/s (target ≥ ${target_}) ${ingest.eventsPerSecond >= target_ ? 'OK' : 'SHORT'}; ack per push p50 ${ingest.ackMs.p50} ms, p99 ${ingest.ackMs.p99} ms, max ${ingest.ackMs.max} ms`,
    );
    console.log(
      `    ${tally.accepted} accepted, ${tally.rejected} rejected, ${tally.duplicate} duplicate in ${ingest.seconds} s; hub ${cpu.hubCores} cores (${ingest.hubCpuUsPerEvent} µs CPU per event, so ≤ ${Math.round(1e6 / ingest.hubCpuUsPerEvent)} events/s on one core), bench client ${cpu.benchClientCores} cores, machine ${cpu.machineBusyPct}% busy`,
    );
    if (tally.rejected || tally.errors) console.log('    rejections:', ingest.outcome.reasons);
    if (tally.errors)
      console.log(
        `    the hub's stderr ends: ${hub.stderr().trim().split('\n').slice(-3).join(' | ').slice(0, 1500)}`,
      );

    // 3. Catch-up: a fresh hall device (BJ) and a fresh region device pull everything.
    const stored = tally.accepted + warmTally.accepted;
    const catchUp: Record<string, unknown> = {};
    for (const [which, d] of Object.entries(catchUpDevices)) {
      await d.connect();
      const pages: number[] = [];
      let cursor = 0;
      let n = 0;
      const m = cpuMeter(hubPid);
      const s0 = performance.now();
      for (;;) {
        const s = performance.now();
        const r = (await d
          .socket!.timeout(120_000)
          .emitWithAck('pull', { cursor, limit: 5000 })) as PullResponse;
        pages.push(performance.now() - s);
        if (r.error) throw new Error(`pull failed: ${r.error.message}`);
        n += r.events.length;
        cursor = r.cursor;
        if (!r.more) break;
      }
      const secs = (performance.now() - s0) / 1000;
      d.close();
      const c = {
        device: `${d.info.deviceCode} (${d.info.scope})`,
        events: n,
        pages: pages.length,
        seconds: Math.round(secs * 100) / 100,
        eventsPerSecond: Math.round(n / secs),
        pageMs: latencyStats(pages),
        cpu: m(),
      };
      catchUp[which] = c;
      const expect = which === 'region' ? ` of ${stored} stored` : '';
      console.log(
        `  catch-up ${kind}, ${which} device: ${c.eventsPerSecond} events/s (target ≥ ${TARGETS.catchUp}) ${c.eventsPerSecond >= TARGETS.catchUp ? 'OK' : 'SHORT'}; ${n}${expect} events in ${c.pages} pulls of ≤5000, ${c.seconds} s; page p50 ${c.pageMs.p50} ms, max ${c.pageMs.max} ms; hub ${c.cpu.hubCores} cores`,
      );
      if (which === 'region' && n !== stored)
        console.log(`    ! the region feed has ${n} events, ${stored} were accepted`);
    }
    const died = running.died();
    const profile = await running.stop();
    if (profile) printProfile(`hub during ingest + catch-up on ${kind}`, profile);
    return { ingest, catchUp, hubDied: died, profile };
  } finally {
    await running.stop().catch(() => undefined);
    await target.cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// 4: a fleet of counters at a steady rate

async function fleet() {
  let n = CFG.fleet;
  const soft = ulimit('-n');
  const hard = ulimit('-Hn');
  const softN = soft === 'unlimited' ? Infinity : Number(soft);
  // Each side holds one socket per counter, plus ~100 for the rest (files, database, pipes).
  const fdNote = `ulimit -n is ${soft} (hard ${hard}); the hub process and this one each need about ${n} + 100 descriptors`;
  if (softN < n + 150) {
    const fit = Math.max(0, softN - 150);
    console.log(
      `  ! ${fdNote}: too few, so the fleet shrinks to ${fit}. Raise it first: ulimit -n ${Math.min(Number(hard) || 65536, 65536)}`,
    );
    n = fit;
  }
  console.log(
    `\n— fleet: ${n} connected counters, ${CFG.fleetRate} events/s in one-event pushes, ${CFG.fleetSeconds} s (+${CFG.fleetWarmupSeconds} s warm-up) on ${CFG.fleetStore}; ${fdNote}`,
  );
  const target = await freshStore(CFG.fleetStore);
  const running = await startHub(target, `fleet-${CFG.fleetStore}`);
  const { hub } = running;
  const devices: TestDevice[] = [];
  try {
    const hubPid = hub.pid;
    const tEnroll = performance.now();
    const clerks = await withStore(target, async (store) => {
      const clerks = await makeClerks(store);
      const slots = Array.from({ length: n }, (_, i) => ({
        hall: HALLS[i % HALLS.length]!,
        counter: (Math.floor(i / HALLS.length) % 99) + 1,
      }));
      const codes: string[] = [];
      for (const s of slots)
        codes.push(
          (
            await createEnrollCode(store.db, {
              hallId: s.hall,
              counterNo: s.counter,
              scope: 'hall',
            })
          ).code,
        );
      // Concurrent enrollments of one counter would race for its generation letter; these differ.
      await pool(codes, 8, async (code, i) => {
        devices[i] = await TestDevice.enroll(hub.url, code, `bench fleet ${i}`);
      });
      return clerks;
    });
    const enrollS = (performance.now() - tEnroll) / 1000;
    const tConnect = performance.now();
    let pokes = 0;
    await pool(devices, 25, async (d) => {
      await d.connect();
      d.socket!.on('poke', () => pokes++);
    });
    const connectS = (performance.now() - tConnect) / 1000;
    const fds = { hub: treeFds(hubPid), bench: readdirSync('/proc/self/fd').length };
    console.log(
      `  enrolled ${n} devices over HTTP in ${r1(enrollS)} s, connected in ${r1(connectS)} s; open descriptors: hub ${fds.hub}, bench ${fds.bench}`,
    );

    const rand = mulberry32(7);
    const cases = devices.map(() => [] as string[]);
    const makeOne = (i: number): Event => {
      const d = devices[i]!;
      const staff = clerks[d.info.hallId]!;
      const mine = cases[i]!;
      if (mine.length && rand() < CFG.noteRatio)
        return d.event(
          'case.note_added',
          mine[Math.floor(rand() * mine.length)]!,
          { text: '已电话联系申请人' },
          staff,
        );
      const e = received(d, staff, CATALOG[Math.floor(rand() * CATALOG.length)]!);
      mine.push(e.caseId);
      return e;
    };

    // A push is due every 1/rate s, device after device, so each device pushes every n/rate s.
    const interval = 1000 / CFG.fleetRate;
    const total = Math.round(CFG.fleetRate * (CFG.fleetWarmupSeconds + CFG.fleetSeconds));
    const warmCount = Math.round(CFG.fleetRate * CFG.fleetWarmupSeconds);
    const latencies: number[] = []; // emit → ack
    const fromDue: number[] = []; // when the push was due → ack (adds waiting behind the device's previous push)
    const late: number[] = [];
    const tally = new Tally();
    const busy = new Array<boolean>(n).fill(false);
    const waiting = Array.from({ length: n }, () => [] as { k: number; due: number }[]);
    let timeouts = 0;
    let inFlight = 0;
    let draining = false;
    let acceptedInWindow = 0;
    let windowEnd = Infinity;
    let meter: (() => ReturnType<ReturnType<typeof cpuMeter>>) | null = null;
    let pokes0 = 0;
    let pokesEnd = 0;
    let metrics0: Promise<Map<string, number> | null> = Promise.resolve(null);
    const loop = monitorEventLoopDelay({ resolution: 5 });

    const send = (i: number, k: number, due: number) => {
      busy[i] = true;
      inFlight++;
      const s = performance.now();
      if (k >= warmCount) late.push(s - due);
      push(devices[i]!, [makeOne(i)], 30_000)
        .then(
          (r) => {
            const now = performance.now();
            if (k >= warmCount) {
              latencies.push(now - s);
              fromDue.push(now - due);
              tally.add(r);
              if (now <= windowEnd)
                acceptedInWindow += r.results.filter((x) => x.status === 'accepted').length;
            }
          },
          () => {
            if (k >= warmCount) timeouts++;
          },
        )
        .finally(() => {
          inFlight--;
          busy[i] = false;
          const next = draining ? undefined : waiting[i]!.shift();
          if (next) send(i, next.k, next.due);
        });
    };

    const start = performance.now() + 200;
    const windowStart = start + CFG.fleetWarmupSeconds * 1000;
    let k = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = performance.now();
        while (k < total && start + k * interval <= now) {
          if (k === warmCount) {
            meter = cpuMeter(hubPid);
            pokes0 = pokes;
            metrics0 = scrape(hub.url);
            loop.enable();
          }
          const i = k % n;
          const due = start + k * interval;
          if (busy[i]) waiting[i]!.push({ k, due });
          else send(i, k, due);
          k++;
        }
        if (k < total) setTimeout(tick, 1);
        else resolve();
      };
      tick();
    });
    // The window closes one interval after the last push fell due; queued pushes are not sent after it.
    await new Promise((r) => setTimeout(r, interval));
    windowEnd = performance.now();
    draining = true;
    pokesEnd = pokes;
    loop.disable();
    const cpu =
      meter && !hub.exit() ? (meter as () => ReturnType<ReturnType<typeof cpuMeter>>)() : null;
    // What the hub itself counted in the window: accepted events, and the time its push handler took.
    const [m0, m1] = [await metrics0, await scrape(hub.url)];
    const delta = (key: string) => (m0 && m1 ? (m1.get(key) ?? 0) - (m0.get(key) ?? 0) : NaN);
    const hubAccepted = delta(ACCEPTED);
    const hubSide = {
      metricsAnswered: !!(m0 && m1),
      acceptedInWindow: hubAccepted,
      acceptedPerSecond: Math.round(hubAccepted / ((windowEnd - windowStart) / 1000)),
      handlerMeanMs: r1(
        (delta('tongban_push_seconds_sum') / delta('tongban_push_seconds_count')) * 1000,
      ),
      cpuMsPerAcceptedPush: cpu && hubAccepted > 0 ? r1(cpu.hubCpuMs / hubAccepted) : null,
    };
    for (let w = 0; inFlight > 0 && w < 300; w++) await new Promise((r) => setTimeout(r, 100));
    const windowS = (windowEnd - windowStart) / 1000;
    const scheduled = total - warmCount;
    const result = {
      counters: n,
      store: CFG.fleetStore,
      targetRate: CFG.fleetRate,
      seconds: r1(windowS),
      achievedRate: Math.round(acceptedInWindow / windowS),
      scheduled,
      acknowledged: latencies.length,
      timeouts,
      neverSent: scheduled - late.length,
      ackMs: latencyStats(latencies),
      dueToAckMs: latencyStats(fromDue),
      sendLateMs: latencyStats(late),
      benchEventLoopDelayMs: {
        p50: r1(loop.percentile(50) / 1e6),
        p99: r1(loop.percentile(99) / 1e6),
        max: r1(loop.max / 1e6),
      },
      pokesReceived: pokesEnd - pokes0,
      pokesPerSecond: Math.round((pokesEnd - pokes0) / windowS),
      outcome: tally.toJSON(),
      enrollSeconds: r1(enrollS),
      connectSeconds: r1(connectS),
      openDescriptors: fds,
      fdLimit: { soft, hard },
      cpu,
      /** The hub's own count (GET /metrics): events it accepted in the window, whoever pushed them when;
       *  its handler's mean time per push; its CPU per accepted one-event push (ingest, ack, pokes). */
      hub: hubSide,
      pokesPerHubAcceptedPush:
        hubAccepted > 0 ? Math.round((pokesEnd - pokes0) / hubAccepted) : null,
    };
    const ok =
      result.ackMs.p99 < TARGETS.fleetP99Ms &&
      !timeouts &&
      !result.neverSent &&
      result.achievedRate >= CFG.fleetRate * 0.95;
    console.log(
      `  fleet: ack p50 ${result.ackMs.p50} ms, p99 ${result.ackMs.p99} ms (target < ${TARGETS.fleetP99Ms}) ${ok ? 'OK' : 'SHORT'}; max ${result.ackMs.max} ms; from due time p99 ${result.dueToAckMs.p99} ms; ${result.achievedRate} events/s accepted in the window of ${CFG.fleetRate} asked`,
    );
    console.log(
      `    of ${scheduled} pushes due in ${result.seconds} s: ${result.acknowledged} acknowledged, ${timeouts} timed out (30 s), ${result.neverSent} never sent (the device's previous push was still unanswered)`,
    );
    console.log(
      `    ${tally.accepted} accepted, ${tally.rejected} rejected; pokes received ${result.pokesPerSecond}/s (${result.pokesPerHubAcceptedPush} per accepted push); hub ${cpu?.hubCores} cores, bench client ${cpu?.benchClientCores} cores, machine ${cpu?.machineBusyPct}% busy; bench event-loop delay p99 ${result.benchEventLoopDelayMs.p99} ms`,
    );
    if (!m0 || !m1)
      console.log(
        '    the hub did not answer GET /metrics within 20 s (its event loop was that busy), so there is no hub-side count',
      );
    else
      console.log(
        `    the hub's own count: ${hubSide.acceptedPerSecond} events/s accepted in the window, push handler ${hubSide.handlerMeanMs} ms mean, ${hubSide.cpuMsPerAcceptedPush} ms hub CPU per accepted push${hubSide.cpuMsPerAcceptedPush ? ` (so ≤ ${Math.round(1000 / hubSide.cpuMsPerAcceptedPush)} pushes/s on one core)` : ''}`,
      );
    if (tally.rejected || tally.errors) console.log('    rejections:', result.outcome.reasons);
    if (tally.errors)
      console.log(
        `    the hub's stderr ends: ${hub.stderr().trim().split('\n').slice(-3).join(' | ').slice(0, 1500)}`,
      );
    const died = running.died();
    for (const d of devices) d.close();
    const profile = await running.stop();
    if (profile)
      printProfile('hub during the fleet run (enrolment, connections, steady pushes)', profile);
    return { ...result, hubDied: died, profile };
  } finally {
    for (const d of devices) d?.close();
    await running.stop().catch(() => undefined);
    await target.cleanup();
  }
}

function printProfile(what: string, p: ProfileSummary): void {
  console.log(
    `  CPU profile of the ${what}: ${p.totalMs - p.idleMs} ms busy of ${p.totalMs} ms (${p.file})`,
  );
  console.log('    self time by package/file:');
  for (const f of p.files.slice(0, 10))
    console.log(`      ${String(f.pct).padStart(5)}%  ${f.where}`);
  console.log('    self time by function:');
  for (const f of p.functions.slice(0, 15))
    console.log(`      ${String(f.pct).padStart(5)}%  ${f.name}  ${f.where}`);
  if (p.inclusive.length) {
    console.log('    inclusive time of the ingest/pull steps:');
    for (const f of p.inclusive.slice(0, 10))
      console.log(`      ${String(f.pct).padStart(5)}%  ${f.name}  ${f.where}`);
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  // Which hub was measured: the commit, and whether hub/ or shared/ had uncommitted changes (read-only git).
  const git = (args: string[]) =>
    spawnSync('git', args, { encoding: 'utf8' }).stdout?.trimEnd() ?? '';
  // BENCH_CODE_LABEL names the code instead, for a copy that is not a git checkout (e.g. `git archive`).
  const code = process.env.BENCH_CODE_LABEL
    ? { commit: process.env.BENCH_CODE_LABEL, uncommitted: [] as string[] }
    : {
        commit: git(['rev-parse', 'HEAD']),
        uncommitted: git(['status', '--porcelain', '--', 'hub', 'shared'])
          .split('\n')
          .filter(Boolean),
      };
  const machine = {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? '',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    ulimitN: ulimit('-n'),
    loadAvgAtStart: loadavg().map(r1),
  };
  console.log(
    `hub benchmark — ${new Date().toISOString()} — ${machine.nproc} cores (${machine.cpu}), node ${machine.node}, ulimit -n ${machine.ulimitN}, load average ${machine.loadAvgAtStart.join(' ')}`,
  );
  // Other work on the machine skews every figure here: say so.
  if (machine.loadAvgAtStart[0]! > 0.5)
    console.log(
      `  ! the machine is already busy (load ${machine.loadAvgAtStart[0]}): figures will be low`,
    );
  console.log(
    `hub code: ${code.commit.slice(0, 40) || 'unknown commit'}${code.uncommitted.length ? ` with uncommitted changes in ${code.uncommitted.map((l) => l.slice(3)).join(', ')}` : ''}`,
  );
  console.log(
    `config: ${JSON.stringify({ ...CFG, pgUrl: CFG.pgUrl.replace(/:[^:@/]*@/, ':***@') })}`,
  );
  const results: Record<string, unknown> = {};
  const figures: {
    name: string;
    value: number | null;
    unit: string;
    target: string;
    ok: boolean | null;
  }[] = [];

  for (const kind of CFG.stores) {
    try {
      const r = await ingestAndCatchUp(kind);
      results[kind] = r;
      const tgt = kind === 'sqlite' ? TARGETS.ingestSqlite : TARGETS.ingestPostgres;
      figures.push({
        name: `ingest ${kind}`,
        value: r.ingest.eventsPerSecond,
        unit: 'events/s',
        target: `≥ ${tgt}`,
        ok: r.ingest.eventsPerSecond >= tgt,
      });
      figures.push({
        name: `ingest ${kind} ack p50 / p99`,
        value: r.ingest.ackMs.p99,
        unit: `ms (p50 ${r.ingest.ackMs.p50})`,
        target: '—',
        ok: null,
      });
      for (const [which, c] of Object.entries(r.catchUp) as [
        string,
        { eventsPerSecond: number },
      ][]) {
        figures.push({
          name: `catch-up ${kind} (${which} device)`,
          value: c.eventsPerSecond,
          unit: 'events/s',
          target: `≥ ${TARGETS.catchUp}`,
          ok: c.eventsPerSecond >= TARGETS.catchUp,
        });
      }
    } catch (e) {
      if (
        kind === 'postgres' &&
        /ECONNREFUSED|password|does not exist|only talks to/.test(String(e))
      ) {
        console.log(`\n— postgres skipped: ${String(e)}`);
        results[kind] = { skipped: String(e) };
        figures.push({
          name: 'ingest postgres',
          value: null,
          unit: 'skipped',
          target: `≥ ${TARGETS.ingestPostgres}`,
          ok: null,
        });
      } else throw e;
    }
  }
  if (CFG.fleet > 0) {
    const f = await fleet();
    results.fleet = f;
    figures.push({
      name: `fleet ${f.counters} counters @ ${CFG.fleetRate}/s ack p99`,
      value: Number.isFinite(f.ackMs.p99) ? f.ackMs.p99 : null,
      unit: `ms (p50 ${f.ackMs.p50}; ${f.achievedRate} ev/s done; ${f.acknowledged}/${f.scheduled} acked)`,
      target: `< ${TARGETS.fleetP99Ms} ms`,
      ok:
        f.ackMs.p99 < TARGETS.fleetP99Ms &&
        f.timeouts === 0 &&
        f.neverSent === 0 &&
        f.achievedRate >= CFG.fleetRate * 0.95 &&
        f.counters >= 1000 &&
        CFG.fleetRate >= 500,
    });
  }

  console.log('\n=== summary ===');
  for (const f of figures) {
    const verdict = f.ok === null ? '' : f.ok ? 'meets target' : 'SHORT of target';
    console.log(
      `${f.name.padEnd(48)} ${String(f.value ?? '—').padStart(9)} ${f.unit.padEnd(44)} target ${f.target.padEnd(10)} ${verdict}`,
    );
  }
  mkdirSync('tests/bench/results', { recursive: true });
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify({ date: new Date().toISOString(), code, machine: { ...machine, loadAvgAtEnd: loadavg().map(r1) }, config: { ...CFG, pgUrl: CFG.pgUrl.replace(/:[^:@/]*@/, ':***@') }, targets: TARGETS, figures, results }, null, 2)}\n`,
  );
  console.log(`\nwritten to ${RESULTS_FILE}`);
}

main()
  .then(() => cleanupAll())
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    console.error(e);
    bail(1, 'failed');
  });
