// fast-check arbitraries for fuzzing the hub's wire contract (tests/integration/hub-fuzz.test.ts):
// odd strings, huge and deeply nested values, push and pull messages, and "valid-looking" events
// with one field mutated. Generated values are plain data; events are built against a live hub's
// device and staff by `buildEvent`, so a failing run shrinks and replays from its seed.
import fc from 'fast-check';
import { EVENT_TYPES, type EventType } from '../../shared/protocol/events';
import { samplePayload } from './events';

// ---------------------------------------------------------------------------------------------
// Strings

/**
 * Characters that make trouble somewhere: quotes and backslashes (JSON), line separators, lone
 * surrogates, bidi overrides, CJK, emoji, control characters, URL delimiters.
 *
 * U+0000 is left out on purpose: on PostgreSQL a NUL that reaches a query or a stored rejection
 * message makes the hub answer INTERNAL / 500 (see the "known hub bugs" tests of hub-fuzz.test.ts).
 * Put it back (`'\u0000'`) once the hub refuses or strips NUL, so the fuzz covers it again.
 */
const SPECIAL_CHARS = ['"', '\\', '\u2028', '\u2029', '\ud800', '\udfff', '\u202e', '\ufeff', '\uffff', '通', '办', '𠮷', '😀', '\u0001', '\u001b', '\u001f', '\u007f', '\u0085', '%', '/', '?', '#', '&', '<', '>', "'", ' ', '\t', '\n', '\r'];

export const char: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_CHARS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 0x1f }).map((c) => String.fromCharCode(c)) },
);

/** A string of odd characters, NUL excepted (see SPECIAL_CHARS). */
export const text = (maxLength = 24, minLength = 0): fc.Arbitrary<string> => fc.string({ unit: char, minLength, maxLength });

/** A long string built by repetition (cheap to generate, shrinks by length). */
export const longString = (min: number, max: number): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom('a', 'x9', '通', '"', '\\', 'ab\u0001', '😀'), fc.integer({ min, max })).map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n));

/** Huge strings, kept well under socket.io's 8 MiB message limit once JSON-escaped (≤ ~4 MiB). */
export const hugeString = longString(50_000, 600_000);

/** Values nested hundreds to thousands deep, as arrays or objects. */
export const deepValue: fc.Arbitrary<unknown> = fc
  // Deeper than ~1000 and fast-check's own printing of a counterexample overflows the stack.
  .tuple(fc.integer({ min: 50, max: 900 }), fc.boolean(), fc.jsonValue({ maxDepth: 1 }))
  .map(([depth, asArray, leaf]) => {
    let v: unknown = leaf;
    for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
    return v;
  });

/** Any JSON value whose strings use the odd characters above. */
export const json = (maxDepth = 3): fc.Arbitrary<unknown> => fc.jsonValue({ maxDepth, stringUnit: char });

/** fast-check's `anything` (NaN, -0, undefined, sparse arrays…) with odd keys and strings. */
export const anything = (maxDepth = 3): fc.Arbitrary<unknown> =>
  fc.anything({ maxDepth, maxKeys: 6, key: text(12), values: [fc.boolean(), fc.integer(), fc.double(), text(), fc.constant(null), fc.constant(undefined)] });

// ---------------------------------------------------------------------------------------------
// Field values that look almost right

export const badUuid: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '',
    'not-a-uuid',
    '0193b1c2-0000-7000-8000-00000000000', // one digit short
    '0193b1c2-0000-7000-8000-0000000000001', // one digit long
    '0193b1c2000070008000000000000001', // no hyphens
    '{0193b1c2-0000-7000-8000-000000000001}',
    '0193b1c2-0000-7000-8000-00000000000g',
    '0193b1c2-0000-7000-c000-000000000001', // bad variant
    ' 0193b1c2-0000-7000-8000-000000000001',
    '0193b1c2-0000-7000-8000-000000000001\n',
    'hub ',
    'HUB',
  ),
  fc.uuid().map((u) => `${u}x`),
  fc.uuid().map((u) => u.replace(/-/g, '_')),
  text(40),
  fc.integer(),
  fc.constant(null),
);

export const badHall: fc.Arbitrary<unknown> = fc.constantFrom('tj', 'bj', 'sjz', 'xa', 'Tj', 'T', 'TJTJTJT', 'T J', 'TJ ', '北京', '', 7, null);
export const badSha: fc.Arbitrary<unknown> = fc.oneof(
  fc.stringMatching(/^[0-9A-F]{64}$/).filter((s) => /[A-F]/.test(s)),
  fc.stringMatching(/^[0-9a-f]{63}$/),
  fc.stringMatching(/^[0-9a-f]{65}$/),
  fc.stringMatching(/^[0-9a-f]{63}[g-z]$/),
  fc.constantFrom('', 'sha256:', 42, null),
);
export const badTime: fc.Arbitrary<unknown> = fc.constantFrom(
  '2026-11-25T08:30:00Z',
  '2026-11-25T08:30:00.000+08:00',
  '2026-11-25 08:30:00.000Z',
  '2026-13-01T00:00:00.000Z',
  '2026-11-25',
  'yesterday',
  '',
  1764059400000,
  null,
);
export const badSeq: fc.Arbitrary<unknown> = fc.constantFrom(0, -1, -0.5, 1.5, Number.MAX_SAFE_INTEGER + 1, 2 ** 63, 1e308, Number.NaN, Number.POSITIVE_INFINITY, '1', '', null, true, [1], { seq: 1 });
export const unknownType: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('case.RECEIVED', 'case.received ', 'Case.received', 'case.deleted', 'certificate.revoked', 'case', '', 'case.note_added\u0001', '__proto__', 'constructor'),
  text(30).filter((s) => !(EVENT_TYPES as string[]).includes(s)),
);
/** A string just past one of the contract's length limits (and a few far past). */
export const oversized: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(41, 65, 101, 201, 501, 2001).map((n) => '长'.repeat(n)),
  longString(2001, 200_000),
);
/** A value of the wrong kind for most fields: numbers where strings belong and the reverse. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  text(),
  json(2),
  fc.constantFrom('', '   ', 0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1),
);

// ---------------------------------------------------------------------------------------------
// Events: a spec (plain generated data) built into an event against a live hub

export type Mutation =
  | { kind: 'none' }
  | { kind: 'set'; pick: number; value: unknown }
  | { kind: 'delete'; pick: number }
  | { kind: 'addKey'; pick: number; key: string; value: unknown }
  | { kind: 'oversize'; pick: number; value: string }
  | { kind: 'seq'; value: unknown }
  | { kind: 'uuid'; field: 'id' | 'deviceId' | 'caseId' | 'certificateId'; value: unknown }
  | { kind: 'type'; value: string }
  | { kind: 'otherPayload'; type: EventType }
  | { kind: 'hall'; pick: number; value: unknown }
  | { kind: 'sha'; value: unknown }
  | { kind: 'at'; value: unknown }
  | { kind: 'replace'; value: unknown };

export interface EventSpec {
  type: EventType;
  id: string;
  /** The seeded case or a random (unknown) one. */
  caseId: string | 'seeded';
  /** Added to the deviceSeq the device should send next: 0 mostly, a gap or a replay sometimes. */
  seqShift: number;
  mutation: Mutation;
}

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'none' }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: wrongValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('addKey' as const), pick: fc.nat(), key: text(16), value: wrongValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('oversize' as const), pick: fc.nat(), value: oversized }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('seq' as const), value: badSeq }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('uuid' as const), field: fc.constantFrom('id' as const, 'deviceId' as const, 'caseId' as const, 'certificateId' as const), value: badUuid }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('type' as const), value: unknownType }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('otherPayload' as const), type: fc.constantFrom(...EVENT_TYPES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('hall' as const), pick: fc.nat(), value: badHall }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sha' as const), value: badSha }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('at' as const), value: badTime }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), value: fc.oneof(json(3), anything(2), deepValue) }) },
);

export const eventSpec: fc.Arbitrary<EventSpec> = fc.record({
  type: fc.constantFrom(...EVENT_TYPES),
  id: fc.uuid({ version: 7 }),
  caseId: fc.oneof(fc.constant<'seeded'>('seeded'), fc.uuid({ version: 7 })),
  seqShift: fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(1, 3, -1, -1000, 2 ** 40) }),
  mutation,
});

/** What an event is built against: the pushing device, a staff member it may not act for, a case. */
export interface EventContext {
  deviceId: string;
  /** A valid case number of the pushing device (for case.received and certificates). */
  caseNo: string;
  staffId: string;
  hallId: string;
  seededCaseId: string;
  at: string;
}

const SHA_A = 'a'.repeat(64);

/** A schema-valid payload of each type (checked against validateEvent by the test). */
export function basePayload(type: EventType, ctx: EventContext, caseId: string): Record<string, unknown> {
  const p = structuredClone(samplePayload(type, caseId));
  if (type === 'case.received') {
    p.caseNo = ctx.caseNo;
    p.materials = [{ materialId: 'idcard', provided: 'electronic', attachments: [{ sha256: SHA_A, name: '身份证.jpg', mime: 'image/jpeg', size: 1024 }] }];
  }
  if (type === 'case.correction_submitted') {
    p.materials = [{ materialId: 'diploma', provided: 'electronic', attachments: [{ sha256: SHA_A, name: '学历.pdf', mime: 'application/pdf', size: 2048 }] }];
  }
  if (type === 'certificate.issued') (p.certificate as Record<string, unknown>).caseNo = ctx.caseNo;
  // A consultation is recorded by its caller: the event's actor.
  if (type === 'consult.started') Object.assign(p.caller as object, { staffId: ctx.staffId, hallId: ctx.hallId });
  if (type === 'consult.ended') Object.assign((p.participants as object[])[0]!, { staffId: ctx.staffId, hallId: ctx.hallId });
  // A new rectification deadline may not lie before the day it is set.
  if (type === 'rectification.returned') p.rectifyBy = new Date(Date.parse(ctx.at) + 30 * 86_400_000).toISOString().slice(0, 10);
  return p;
}

type Path = (string | number)[];

/** Every path below the root of a JSON value, parents before children. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const out: Path[] = [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [k, v] of entries) {
    out.push([...prefix, k]);
    out.push(...pathsOf(v, [...prefix, k]));
  }
  return out;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | null {
  let cur: unknown = root;
  for (const k of path.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur !== null && typeof cur === 'object' ? (cur as Record<string | number, unknown>) : null;
}

function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = parentOf(root, path);
  if (parent) parent[path[path.length - 1]!] = value;
}

function deleteAt(root: unknown, path: Path): void {
  const parent = parentOf(root, path);
  if (!parent) return;
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
}

const pickFrom = <T>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

/** The event of a spec, at `deviceSeq`, with its one mutation applied. */
export function buildEvent(spec: EventSpec, ctx: EventContext, deviceSeq: number): unknown {
  const caseId = spec.caseId === 'seeded' ? ctx.seededCaseId : spec.caseId;
  const ev: Record<string, unknown> = {
    id: spec.id,
    deviceId: ctx.deviceId,
    deviceSeq,
    caseId,
    type: spec.type,
    payload: basePayload(spec.type, ctx, caseId),
    actor: { staffId: ctx.staffId, hallId: ctx.hallId },
    at: ctx.at,
  };
  const m = spec.mutation;
  switch (m.kind) {
    case 'none':
    case 'set':
    case 'delete':
    case 'addKey':
    case 'oversize':
    case 'replace':
      return mutate(ev, m);
    case 'seq':
      ev.deviceSeq = m.value;
      return ev;
    case 'uuid': {
      if (m.field === 'certificateId') {
        const path = pathsOf(ev).find((p) => p[p.length - 1] === 'certificateId');
        setAt(ev, path ?? ['id'], m.value);
      } else ev[m.field] = m.value;
      return ev;
    }
    case 'type':
      ev.type = m.value;
      return ev;
    case 'otherPayload': {
      const other = m.type === spec.type ? EVENT_TYPES[(EVENT_TYPES.indexOf(m.type) + 1) % EVENT_TYPES.length]! : m.type;
      ev.payload = basePayload(other, ctx, caseId);
      return ev;
    }
    case 'hall': {
      const halls = pathsOf(ev).filter((p) => /hallId$/i.test(String(p[p.length - 1])));
      const path = pickFrom(halls, m.pick);
      if (path) setAt(ev, path, m.value);
      return ev;
    }
    case 'sha': {
      const path = pathsOf(ev).find((p) => p[p.length - 1] === 'sha256');
      setAt(ev, path ?? ['payload', 'sha256'], m.value);
      return ev;
    }
    case 'at':
      ev.at = m.value;
      return ev;
  }
}

/** A field-agnostic mutation of a JSON object, for events and HTTP bodies alike. */
export type ObjectMutation = Extract<Mutation, { kind: 'none' | 'set' | 'delete' | 'addKey' | 'oversize' | 'replace' }>;

export const objectMutation: fc.Arbitrary<ObjectMutation> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<ObjectMutation>({ kind: 'none' }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: wrongValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addKey' as const), pick: fc.nat(), key: text(16), value: wrongValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('oversize' as const), pick: fc.nat(), value: oversized }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), value: fc.oneof(json(2), anything(2)) }) },
);

/** Applies one mutation to (a clone of) `value`. */
export function mutate(value: Record<string, unknown>, m: ObjectMutation): unknown {
  const obj = structuredClone(value);
  switch (m.kind) {
    case 'none':
      return obj;
    case 'set': {
      const path = pickFrom(pathsOf(obj), m.pick);
      if (path) setAt(obj, path, m.value);
      return obj;
    }
    case 'delete': {
      const path = pickFrom(pathsOf(obj), m.pick);
      if (path) deleteAt(obj, path);
      return obj;
    }
    case 'addKey': {
      const objects = [[] as Path, ...pathsOf(obj)].filter((p) => {
        const v = p.length ? parentOf(obj, p)?.[p[p.length - 1]!] : obj;
        return v !== null && typeof v === 'object' && !Array.isArray(v);
      });
      const path = pickFrom(objects, m.pick) ?? [];
      const target = (path.length ? parentOf(obj, path)?.[path[path.length - 1]!] : obj) as Record<string, unknown>;
      // A key the schema names would not be "unknown": prefix it so it never is.
      Object.defineProperty(target, `x-${m.key}`, { value: m.value, enumerable: true, writable: true, configurable: true });
      return obj;
    }
    case 'oversize': {
      const strings = pathsOf(obj).filter((p) => typeof parentOf(obj, p)?.[p[p.length - 1]!] === 'string');
      const path = pickFrom(strings, m.pick);
      if (path) setAt(obj, path, m.value);
      return obj;
    }
    case 'replace':
      return m.value;
  }
}

// ---------------------------------------------------------------------------------------------
// Whole messages

/** Anything a client might send as a `push` message: mostly wrong, sometimes a batch of junk. */
export const pushMessage: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anything(3) },
  { weight: 2, arbitrary: json(3) },
  { weight: 2, arbitrary: fc.record({ events: anything(2) }) },
  { weight: 3, arbitrary: fc.record({ events: fc.array(fc.oneof(anything(2), json(2)), { maxLength: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ events: fc.array(fc.oneof(anything(1), json(1)), { maxLength: 10 }), extra: anything(1) }) },
  { weight: 1, arbitrary: fc.record({ events: fc.array(fc.constantFrom(0, null, 'x', {}), { minLength: 501, maxLength: 1500 }) }) },
  { weight: 1, arbitrary: fc.integer({ min: 498, max: 503 }).map((n) => ({ events: new Array(n).fill(null).map((_, i) => ({ id: i })) })) },
  { weight: 1, arbitrary: fc.array(fc.record({ events: fc.constant([]) }), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.oneof(hugeString, hugeString.map((s) => ({ events: [s] })), hugeString.map((s) => ({ events: [{ id: s, deviceId: s, deviceSeq: 1 }] })), hugeString.map((s) => ({ events: [], [s.slice(0, 10_000)]: 1 }))) },
  { weight: 1, arbitrary: fc.oneof(deepValue, deepValue.map((d) => ({ events: d })), deepValue.map((d) => ({ events: [d] })), deepValue.map((d) => ({ events: [{ id: d, payload: d }] }))) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, 0, '', [], {}, { events: null }, { events: {} }, { events: '[]' }, { Events: [] }, { events: [[]] }) },
);

/** Anything a client might send as a `pull` message. */
export const pullMessage: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: anything(2) },
  { weight: 2, arbitrary: fc.record({ cursor: wrongValue }, { requiredKeys: [] }) },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        cursor: fc.oneof(fc.integer({ min: -3, max: 200 }), fc.constantFrom(0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, 2 ** 63, 1e308, 0.5, -0, Number.NaN, Number.POSITIVE_INFINITY), wrongValue),
        limit: fc.oneof(fc.integer({ min: -2, max: 5002 }), fc.constantFrom(1, 5000, 5001, 1.5, 0, Number.NaN, null), wrongValue),
        extra: anything(1),
      },
      { requiredKeys: ['cursor'] },
    ),
  },
  { weight: 1, arbitrary: fc.oneof(hugeString.map((s) => ({ cursor: 0, s })), deepValue.map((d) => ({ cursor: d })), deepValue) },
);

// ---------------------------------------------------------------------------------------------
// HTTP

/** A header value fetch accepts (visible ASCII and spaces, no CR/LF, no edge spaces). */
export const headerValue: fc.Arbitrary<string> = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,60}[\x21-\x7e])?$/);

export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  { weight: 3, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'Application/JSON', 'application/octet-stream', 'text/plain', 'text/html', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/jsonx', 'image/png') },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: headerValue },
);

/** Extra request headers: known ones with odd values, and unknown ones. */
export const extraHeaders: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.oneof(
    fc.constantFrom('content-range', 'if-none-match', 'authorization', 'x-device-id', 'x-timestamp', 'x-signature', 'accept', 'accept-encoding', 'content-encoding', 'x-forwarded-for', 'cookie', 'origin', 'range'),
    fc.stringMatching(/^x-fuzz-[a-z0-9-]{1,12}$/),
  ),
  headerValue,
  { maxKeys: 3 },
);

/** A raw request body: JSON text of odd values, not-quite JSON, bytes. */
export const rawBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: json(3).map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: text(80) },
  { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":', 'null', '[]', '"x"', '1e999', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '\ufeff{}') },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  { weight: 1, arbitrary: longString(10_000, 300_000).map((s) => JSON.stringify({ s })) },
  { weight: 1, arbitrary: deepValue.map((d) => JSON.stringify(d)) },
);

/**
 * A path segment for `/api/v1/certificates/{x}`, `/verify/{x}` and `/api/v1/blobs/{x}`: encoded,
 * and kept where the hub's own routes answer. Left out on purpose (known hub bugs, see the test):
 * bad percent-encoding (Fastify's FST_ERR_BAD_URL), segments over 100 characters
 * (FST_ERR_MAX_PARAM_LENGTH), segments that make the URL match no route, and encoded NUL.
 */
export const pathSegment = (base: string): fc.Arbitrary<string> =>
  fc
    .oneof(
      { weight: 4, arbitrary: text(40, 1).map((s) => encodeURIComponent(wellFormed(s))) },
      { weight: 2, arbitrary: fc.uuid() },
      { weight: 2, arbitrary: fc.stringMatching(/^[0-9a-f]{64}$/) },
      { weight: 1, arbitrary: fc.stringMatching(/^[0-9A-F]{64}$/) },
      { weight: 1, arbitrary: fc.constantFrom('%20', '%2F', '%2e', '%25', '%E9%80%9A', '%F0%9F%98%80', 'a%2Fb', '..%2F..%2Fetc%2Fpasswd', '%3Cscript%3E', "'%3B%20drop%20table%20events%3B--", 'null', 'undefined', '0') },
    )
    .filter((seg) => seg.length > 0 && seg.length <= 100 && new URL(`${base}${seg}`, 'http://h').pathname === `${base}${seg}` && !/%00/i.test(seg));

/** Lone surrogates replaced by U+FFFD (what a URL or a UTF-8 body can carry at all). */
export const wellFormed = (s: string): string => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

export const queryString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.dictionary(text(8, 1).map(wellFormed), text(16).map(wellFormed), { maxKeys: 3 }).map((d) => `?${new URLSearchParams(d).toString()}`) },
);
