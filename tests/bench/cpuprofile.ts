// Reads a V8 .cpuprofile (node --cpu-prof) and sums self time by function and by file, so a
// benchmark can say where a process spent its CPU without opening DevTools. Our TypeScript runs
// through tsx, which loads it as one minified line; the line numbers here come from the source
// maps tsx keeps in its cache (os.tmpdir()/tsx-<uid>), when they are there.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  idleMs: number;
  /** Self time by function, largest first. */
  functions: { name: string; where: string; selfMs: number; pct: number }[];
  /** Self time by source file or package (node_modules/<pkg>), largest first. */
  files: { where: string; selfMs: number; pct: number }[];
  /** Inclusive time of chosen functions of ours (what they and everything they call cost). */
  inclusive: { name: string; where: string; totalMs: number; pct: number }[];
}

const shortUrl = (url: string): string => {
  if (!url) return '(native)';
  const u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = u.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    return `node_modules/${pkg}`;
  }
  const root = u.indexOf('/main/');
  return root >= 0 ? u.slice(root + '/main/'.length) : u;
};

/** Source maps of the files tsx transformed, newest per source file. */
let maps: Map<string, SourceMap> | null = null;
function tsxMaps(): Map<string, SourceMap> {
  if (maps) return maps;
  maps = new Map();
  const seen = new Map<string, number>();
  const dir = join(tmpdir(), `tsx-${process.getuid?.() ?? 0}`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return maps;
  }
  for (const name of names) {
    try {
      const file = join(dir, name);
      const mtime = statSync(file).mtimeMs;
      const entry = JSON.parse(readFileSync(file, 'utf8')) as { map?: SourceMapPayload };
      const source = entry.map?.sources?.[0];
      if (!entry.map || !source || (seen.get(source) ?? 0) > mtime) continue;
      seen.set(source, mtime);
      maps.set(source, new SourceMap(entry.map));
    } catch {
      /* not a cache entry */
    }
  }
  return maps;
}
/** The TypeScript line of a frame in a tsx-loaded file (1-based), or the generated one. */
function lineOf(url: string, line: number, column: number): number {
  const path = url.replace(/^file:\/\//, '');
  const m = path.endsWith('.ts') || path.endsWith('.tsx') ? tsxMaps().get(path) : undefined;
  if (m && line === 0) {
    const e = m.findEntry(line, column) as { originalLine?: number };
    if (e && typeof e.originalLine === 'number') return e.originalLine + 1;
  }
  return line + 1;
}

const fileOf = (url: string): string => {
  const u = url.replace(/^file:\/\//, '');
  const root = u.indexOf('/main/');
  return u.includes('node_modules/')
    ? shortUrl(url)
    : root >= 0
      ? u.slice(root + '/main/'.length)
      : u || '(native)';
};

export function summarizeProfile(
  file: string,
  top = 20,
  inclusiveOf: RegExp = /^(prepareJob|commitBatch|writeBatch|pullPage|validateEvent|checkEvent|domainRefusal|applyEvent|storedJson|jsonParam|inIngestTransaction)$/,
): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i]!;
    // timeDeltas[i] is the time before sample i; the sample's own duration is the next delta.
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    self.set(id, (self.get(id) ?? 0) + dt);
  }
  const totalMs = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, { name: string; where: string; selfMs: number }>();
  const files = new Map<string, number>();
  let idleMs = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id);
    if (!n) continue;
    const name = n.callFrame.functionName || '(anonymous)';
    if (name === '(idle)') idleMs += ms;
    const where = `${fileOf(n.callFrame.url)}:${lineOf(n.callFrame.url, n.callFrame.lineNumber, n.callFrame.columnNumber)}`;
    const key = `${name}@${where}`;
    const cur = fn.get(key) ?? { name, where, selfMs: 0 };
    cur.selfMs += ms;
    fn.set(key, cur);
    // V8's pseudo-frames ((garbage collector), (program), (idle)) have no url; anonymous functions do.
    const f = n.callFrame.url ? shortUrl(n.callFrame.url) : name;
    files.set(f, (files.get(f) ?? 0) + ms);
  }
  // Inclusive time: self time of a node plus all its descendants, summed over the nodes of one function.
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, { name: string; where: string; totalMs: number }>();
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n || !inclusiveOf.test(n.callFrame.functionName)) continue;
      const where = `${fileOf(n.callFrame.url)}:${lineOf(n.callFrame.url, n.callFrame.lineNumber, n.callFrame.columnNumber)}`;
      const key = `${n.callFrame.functionName}@${where}`;
      if (seen.has(key)) continue; // recursion counts once
      seen.add(key);
      const e = incl.get(key) ?? { name: n.callFrame.functionName, where, totalMs: 0 };
      e.totalMs += ms;
      incl.set(key, e);
    }
  }
  const busy = totalMs - idleMs || 1;
  const pct = (ms: number) => Math.round((ms / busy) * 1000) / 10;
  return {
    file,
    totalMs: Math.round(totalMs),
    idleMs: Math.round(idleMs),
    functions: [...fn.values()]
      .filter((f) => f.name !== '(idle)')
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top)
      .map((f) => ({ ...f, selfMs: Math.round(f.selfMs), pct: pct(f.selfMs) })),
    files: [...files.entries()]
      .filter(([w]) => w !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, ms]) => ({ where, selfMs: Math.round(ms), pct: pct(ms) })),
    inclusive: [...incl.values()]
      .sort((a, b) => b.totalMs - a.totalMs)
      .map((e) => ({ ...e, totalMs: Math.round(e.totalMs), pct: pct(e.totalMs) })),
  };
}

export interface WindowSummary {
  /** The window, in ms from the profile's start. */
  startMs: number;
  ms: number;
  /** Sampled time in the window that was not idle. */
  busyMs: number;
  /** Self time by function, largest first. */
  self: { name: string; ms: number }[];
  /** Time under each named function (`under` matches its name), largest first: which code ran. */
  under: { name: string; ms: number }[];
}

/**
 * What the profile's samples show inside given windows (a long task's start and duration, say, in
 * ms from the profile's start): the functions with the most self time, and the time spent under
 * the functions whose names `under` matches.
 */
export function summarizeWindows(file: string, windows: readonly { startMs: number; ms: number }[], under: RegExp, top = 8): WindowSummary[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  const out = windows.map((w) => ({ ...w, busy: 0, self: new Map<string, number>(), under: new Map<string, number>() }));
  let at = 0;
  for (let i = 0; i < samples.length; i++) {
    at += (deltas[i] ?? 0) / 1000;
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    const w = out.find((x) => at >= x.startMs && at < x.startMs + x.ms);
    const n = byId.get(samples[i]!);
    if (!w || !n) continue;
    const name = n.callFrame.functionName || '(anonymous)';
    if (name === '(idle)') continue;
    w.busy += dt;
    w.self.set(name, (w.self.get(name) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = samples[i]; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)?.callFrame.functionName ?? '';
      if (!under.test(f) || seen.has(f)) continue;
      seen.add(f);
      w.under.set(f, (w.under.get(f) ?? 0) + dt);
    }
  }
  const sorted = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms) }));
  return out.map((w) => ({ startMs: Math.round(w.startMs), ms: Math.round(w.ms), busyMs: Math.round(w.busy), self: sorted(w.self), under: sorted(w.under) }));
}
