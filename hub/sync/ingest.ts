// Push: one batch of a device's events checked and stored in one transaction (PROTOCOL.md, push).
// hubSeq comes from a counter row updated inside the transaction, so commit order is hubSeq order.
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { checkEvent } from '../../shared/case/actions';
import type { Principal } from '../../shared/case/permissions';
import { applyEvent, type CaseView } from '../../shared/case/projection';
import type { Event } from '../../shared/protocol/events';
import { validateAgainstCase } from '../../shared/protocol/validate-event';
import { withoutNul } from '../../shared/protocol/zod-locale';
import type { PushResponse, PushResult } from '../../shared/protocol/wire';
import type { SigningKeys } from '../domain/authority-keys';
import type { CatalogService } from '../domain/catalog';
import { issueCertificate } from '../domain/certificates';
import { caseNoDeviceAllowed } from '../domain/devices';
import type { Principals } from '../domain/staff';
import type { Clock } from '../domain/time';
import type { NativeStore } from '../store/db';
import { inIngestTransaction, type IngestTx } from '../store/ingest-sql';
import { checkEvents, type CheckedEvent } from './check-events';
import type {
  BlobRefTable,
  CaseTable,
  CertificateTable,
  DeviceTable,
  EventTable,
  FeedTable,
  HubDatabase,
  RejectionTable,
} from '../store/schema';

export interface IngestDeps {
  db: Kysely<HubDatabase>;
  native: NativeStore;
  principals: Principals;
  catalog: CatalogService;
  keys: SigningKeys;
  clock: Clock;
}

type Reason = { code: string; message: string };
const reject = (id: string, code: string, message: string): PushResult => ({
  id,
  status: 'rejected',
  reason: { code, message },
});
const REVOKED: PushResponse = {
  results: [],
  error: { code: 'DEVICE_REVOKED', message: '设备已被吊销' },
};

interface CaseSlot {
  view: CaseView;
  involved: string[];
  lastHubSeq: number;
}

/** What the batch will write, gathered in memory and written table by table at the end. */
interface Pending {
  events: EventTable[];
  rejections: RejectionTable[];
  feed: Omit<FeedTable, 'pos'>[];
  certificates: CertificateTable[];
  refs: BlobRefTable[];
}

/** One push of one device, waiting for its turn in a group commit. */
export interface PushJob {
  device: IngestDevice;
  raw: readonly unknown[];
}
export type IngestDevice = Pick<DeviceTable, 'device_id' | 'device_code' | 'hall_id' | 'scope'>;

interface KnownAnswer {
  deviceSeq?: number;
  hubSeq?: number;
  reason?: Reason;
}

/**
 * The stored event's JSON: the event as the schema gave it back, then hubSeq and receivedAt —
 * what JSON.stringify({ ...event, hubSeq, receivedAt }) writes, without copying the event.
 */
const storedJson = (event: Event, hubSeq: number, receivedAt: string): string =>
  `${JSON.stringify(event).slice(0, -1)},"hubSeq":${hubSeq},"receivedAt":${JSON.stringify(receivedAt)}}`;

/** One push checked as far as it can be without the database: schema, rules, staff, catalog. */
export interface PreparedJob {
  job: PushJob;
  events: CheckedEvent[];
  /** `${scope}:${staffId}` → the principal, or null for an unknown or disabled person. */
  principals: Map<string, Principal | null>;
  catalog: Awaited<ReturnType<CatalogService['current']>>;
}

/**
 * Several pushes, of one or many devices, checked in order and stored in ONE transaction (group
 * commit): one fsync and one turn of the hubSeq lock for all of them. Each push gets its own
 * answer, exactly as if it had been alone; a push of a revoked (or unknown) device is refused
 * whole, checked inside the transaction. Feed heads that grew come back too: hall id → new head;
 * `region` → the new hubSeq head.
 */
export async function ingestBatch(
  deps: IngestDeps,
  jobs: readonly PushJob[],
): Promise<{ outcomes: PushResponse[]; heads: Map<string, number> }> {
  return commitBatch(deps, await Promise.all(jobs.map((job) => prepareJob(deps, job))));
}

/**
 * The checks that need no database, done outside the transaction so the lock is held short —
 * and, in the queue, as a push arrives, while an earlier batch's transaction runs. Validation
 * runs synchronously, before the first await.
 */
export async function prepareJob(deps: IngestDeps, job: PushJob): Promise<PreparedJob> {
  const events = checkEvents(job.raw, new Date(deps.clock.now()));
  const catalog = await deps.catalog.current();
  // Staff are read before the transaction: SQLite has one connection, and the transaction holds it.
  const principals = new Map<string, Principal | null>();
  const scope = job.device.scope;
  for (const p of events) {
    const key = `${scope}:${p.checked.ok ? p.checked.value.actor.staffId : ''}`;
    if (p.checked.ok && !principals.has(key))
      principals.set(key, await deps.principals.principal(p.checked.value.actor.staffId, scope));
  }
  return { job, events, principals, catalog };
}

/** The transaction of a prepared batch: replays, permissions, transitions, then the writes. */
export async function commitBatch(
  deps: IngestDeps,
  batch: readonly PreparedJob[],
): Promise<{ outcomes: PushResponse[]; heads: Map<string, number> }> {
  if (!batch.length) return { outcomes: [], heads: new Map() };
  const now = new Date(deps.clock.now());
  const receivedAt = now.toISOString();
  const jobs = batch.map((b) => b.job);
  const preparedJobs = batch.map((b) => b.events);
  // The newest catalog any push of the batch saw; staff as each push found them.
  const catalog = batch[batch.length - 1]!.catalog;
  const principals = new Map(batch.flatMap((b) => [...b.principals]));
  const allPrepared = preparedJobs.flat();
  return inIngestTransaction(deps.native, deps.db, async (tx, kysely) => {
    // The lock every writer takes first: on PostgreSQL the row lock orders the commits.
    const seqRow = await tx.lockCounter('hub_seq');
    let hubSeq = seqRow;
    const deviceIds = [...new Set(jobs.map((j) => j.device.device_id))];
    const devRows = await tx.devices(deviceIds);
    // Revocation is checked here, under the lock: a push committed after a revocation cannot exist.
    const live = new Set(devRows.filter((d) => !d.revoked_at).map((d) => d.device_id));
    const lastSeqs = new Map(devRows.map((d) => [d.device_id, Number(d.last_seq)]));
    const startSeqs = new Map(lastSeqs);
    const idsByDevice = new Map<string, string[]>();
    const seqsByDevice = new Map<string, number[]>();
    for (const [j, prepared] of preparedJobs.entries()) {
      const deviceId = jobs[j]!.device.device_id;
      if (!live.has(deviceId)) continue;
      const last = lastSeqs.get(deviceId) ?? 0;
      const ids = idsByDevice.get(deviceId) ?? [];
      const seqs = seqsByDevice.get(deviceId) ?? [];
      for (const p of prepared) {
        if (!p.identity) continue;
        ids.push(p.identity.id);
        if (p.identity.deviceSeq <= last) seqs.push(p.identity.deviceSeq);
      }
      idsByDevice.set(deviceId, ids);
      seqsByDevice.set(deviceId, seqs);
    }
    // Replays: what the store already answered, by id (any device) and by this device's seq.
    const byIdRows = new Map(
      (await tx.eventsById([...new Set([...idsByDevice.values()].flat())])).map((r) => [r.id, r]),
    );
    const knownBy = new Map<string, { byId: Map<string, KnownAnswer>; bySeq: Map<number, KnownAnswer> }>();
    for (const [deviceId, ids] of idsByDevice) {
      const byId = new Map<string, KnownAnswer>();
      for (const id of ids) {
        const r = byIdRows.get(id);
        if (r)
          byId.set(id, {
            hubSeq: Number(r.hub_seq),
            deviceSeq: r.device_id === deviceId ? Number(r.device_seq) : -1,
          });
      }
      const bySeq = new Map<number, KnownAnswer>();
      const seqs = seqsByDevice.get(deviceId)!;
      if (seqs.length) {
        for (const r of await tx.eventsBySeq(deviceId, seqs))
          bySeq.set(Number(r.device_seq), { hubSeq: Number(r.hub_seq), deviceSeq: Number(r.device_seq) });
        for (const r of await tx.rejectionsBySeq(deviceId, seqs))
          bySeq.set(
            Number(r.device_seq),
            r.code === 'DUPLICATE_OF'
              ? { hubSeq: Number(r.message), deviceSeq: Number(r.device_seq) }
              : { reason: { code: r.code, message: r.message }, deviceSeq: Number(r.device_seq) },
          );
      }
      knownBy.set(deviceId, { byId, bySeq });
    }
    const prepared = allPrepared;

    const cases = new Map<string, CaseSlot | null>();
    const caseIds = [
      ...new Set(
        prepared
          .map((p) => (p.checked.ok ? p.checked.value.caseId : null))
          .filter((x): x is string => !!x),
      ),
    ];
    for (const row of await tx.cases(caseIds)) {
      cases.set(row.case_id, {
        view: JSON.parse(row.view) as CaseView,
        involved: JSON.parse(row.involved) as string[],
        lastHubSeq: Number(row.last_hub_seq),
      });
    }
    const newCaseNos = prepared.flatMap((p) =>
      p.checked.ok && p.checked.value.type === 'case.received'
        ? [p.checked.value.payload.caseNo]
        : [],
    );
    const takenCaseNos = new Set(await tx.takenCaseNos([...new Set(newCaseNos)]));
    const shas = [
      ...new Set(prepared.flatMap((p) => (p.checked.ok ? attachmentsOf(p.checked.value) : []))),
    ];
    const presentBlobs = new Set(await tx.presentBlobs(shas));

    const pending: Pending = { events: [], rejections: [], feed: [], certificates: [], refs: [] };
    // This batch's own answers so far, for a replay inside the batch: device:seq and device:id.
    const storedBySeq = new Map<string, number>();
    const storedById = new Map<string, number>();
    const rejectedBySeq = new Map<string, RejectionTable>();
    const touched = new Set<string>();
    const seenByDevice = new Map<string, Set<string>>();
    let hubDeviceSeq: number | null = null;
    const backfill: { hall: string; caseId: string; upTo: number }[] = [];
    const outcomes: PushResponse[] = [];

    for (const [j, job] of jobs.entries()) {
      const device = job.device;
      if (!live.has(device.device_id)) {
        outcomes.push(REVOKED);
        continue;
      }
      const known = knownBy.get(device.device_id)!;
      let lastSeq = lastSeqs.get(device.device_id) ?? 0;
      const seenIds = seenByDevice.get(device.device_id) ?? new Set<string>();
      seenByDevice.set(device.device_id, seenIds);
      const results: PushResult[] = [];

      const useSeq = (seq: number, id: string, reason: Reason) => {
        const row: RejectionTable = {
          device_id: device.device_id,
          device_seq: seq,
          event_id: id,
          code: reason.code,
          message: withoutNul(reason.message),
          at: receivedAt,
        };
        pending.rejections.push(row);
        const key = `${device.device_id}:${seq}`;
        if (!rejectedBySeq.has(key)) rejectedBySeq.set(key, row);
        lastSeq = seq;
        return reject(id, reason.code, reason.message);
      };
      /** The first event this batch stored for this device under this seq or this id. */
      const storedAgain = (seq: number | null, id: string): number | undefined => {
        const a = seq === null ? undefined : storedBySeq.get(`${device.device_id}:${seq}`);
        const b = storedById.get(`${device.device_id}:${id}`);
        return a === undefined ? b : b === undefined ? a : Math.min(a, b);
      };

      const store = (event: Event, slot: CaseSlot) => {
        hubSeq += 1;
        pending.events.push({
          hub_seq: hubSeq,
          id: event.id,
          device_id: event.deviceId,
          device_seq: event.deviceSeq,
          case_id: event.caseId,
          type: event.type,
          body: storedJson(event, hubSeq, receivedAt),
          received_at: receivedAt,
        });
        const seqKey = `${event.deviceId}:${event.deviceSeq}`;
        const idKey = `${event.deviceId}:${event.id}`;
        if (!storedBySeq.has(seqKey)) storedBySeq.set(seqKey, hubSeq);
        if (!storedById.has(idKey)) storedById.set(idKey, hubSeq);
        for (const sha256 of attachmentsOf(event))
          pending.refs.push({ sha256, case_id: event.caseId });
        // A hall that joins the case receives its earlier events first, then this one.
        for (const hall of [
          slot.view.halls.intakeHallId,
          slot.view.halls.homeHallId,
          slot.view.halls.deliveryHallId,
        ]) {
          if (!slot.involved.includes(hall)) {
            slot.involved.push(hall);
            // Backfilled when the case has events already, stored before or earlier in this batch (a
            // case taken and re-routed to another hall in one push): the hall gets it whole.
            if (slot.lastHubSeq > 0) backfill.push({ hall, caseId: event.caseId, upTo: hubSeq });
          }
        }
        for (const hall of slot.involved) pending.feed.push({ hall_id: hall, hub_seq: hubSeq });
        slot.lastHubSeq = hubSeq;
        touched.add(event.caseId);
        return hubSeq;
      };

      for (const p of preparedJobs[j]!) {
        const id = p.identity?.id ?? p.rawId;
        if (!p.identity) {
          results.push(reject(id, 'INVALID_EVENT', '事件的 id、deviceId 或 deviceSeq 格式错误'));
          continue;
        }
        const { deviceSeq } = p.identity;
        if (p.identity.deviceId !== device.device_id) {
          results.push(reject(id, 'FORBIDDEN', '事件的 deviceId 与推送设备不符'));
          continue;
        }
        // An id another device already used is not a replay of ours: refused for good.
        const foreign = known.byId.get(id);
        if (
          foreign &&
          foreign.deviceSeq === -1 &&
          deviceSeq === lastSeq + 1 &&
          !known.bySeq.has(deviceSeq)
        ) {
          results.push(
            useSeq(deviceSeq, id, { code: 'INVALID_EVENT', message: '事件 id 已被其他设备使用' }),
          );
          continue;
        }
        // Replays: the same (device, seq) or the same id gets the answer it got the first time.
        const prior =
          known.bySeq.get(deviceSeq) ?? (foreign?.deviceSeq === -1 ? undefined : foreign);
        if (deviceSeq <= lastSeq || prior) {
          if (prior?.hubSeq !== undefined)
            results.push({ id, status: 'duplicate', hubSeq: prior.hubSeq });
          else if (prior?.reason) results.push({ id, status: 'rejected', reason: prior.reason });
          else if (seenIds.has(id) || deviceSeq <= lastSeq) {
            const again = storedAgain(deviceSeq, id);
            const rej = rejectedBySeq.get(`${device.device_id}:${deviceSeq}`);
            if (again !== undefined) results.push({ id, status: 'duplicate', hubSeq: again });
            else if (rej) results.push(reject(id, rej.code, rej.message));
            else results.push(reject(id, 'SEQ_GAP', `序号 ${deviceSeq} 已被使用`));
          }
          if (
            prior &&
            deviceSeq === lastSeq + 1 &&
            prior.hubSeq !== undefined &&
            prior.deviceSeq !== deviceSeq
          ) {
            // The same event under a new seq: answer duplicate and use the seq up, so the device moves on.
            useSeq(deviceSeq, id, { code: 'DUPLICATE_OF', message: String(prior.hubSeq) });
          }
          continue;
        }
        if (seenIds.has(id)) {
          const again = storedAgain(null, id);
          if (again !== undefined && deviceSeq === lastSeq + 1) {
            useSeq(deviceSeq, id, { code: 'DUPLICATE_OF', message: String(again) });
            results.push({ id, status: 'duplicate', hubSeq: again });
            continue;
          }
        }
        if (deviceSeq !== lastSeq + 1) {
          results.push(reject(id, 'SEQ_GAP', `期望序号 ${lastSeq + 1}，收到 ${deviceSeq}`));
          continue;
        }
        seenIds.add(id);
        if (!p.checked.ok) {
          results.push(useSeq(deviceSeq, id, p.checked.error));
          continue;
        }
        const event = p.checked.value;
        const principal = principals.get(`${device.scope}:${event.actor.staffId}`) ?? null;
        if (!principal) {
          results.push(
            useSeq(deviceSeq, id, { code: 'FORBIDDEN', message: '经办人不存在或已停用' }),
          );
          continue;
        }
        if (device.scope === 'hall' && principal.hallId !== device.hall_id) {
          results.push(
            useSeq(deviceSeq, id, { code: 'FORBIDDEN', message: '经办人不属于本设备所在营业厅' }),
          );
          continue;
        }
        const slot = cases.get(event.caseId) ?? null;
        const checked = checkEvent(principal, event, slot?.view ?? null);
        if (!checked.ok) {
          results.push(useSeq(deviceSeq, id, checked.error));
          continue;
        }
        const refusal = domainRefusal(
          event,
          checked.value,
          device.device_code,
          takenCaseNos,
          catalog.items,
          now,
        );
        if (refusal) {
          results.push(useSeq(deviceSeq, id, refusal));
          continue;
        }
        const missing = attachmentsOf(event).filter((sha) => !presentBlobs.has(sha));
        if (missing.length) {
          // "Not yet": uses up nothing; later events of this device in the batch will be gaps.
          results.push(
            reject(id, 'MISSING_BLOB', `附件尚未上传：${missing.slice(0, 3).join(', ')}`),
          );
          continue;
        }
        const next: CaseSlot = slot
          ? { ...slot, view: checked.value }
          : { view: checked.value, involved: [], lastHubSeq: 0 };
        if (event.type === 'case.received') takenCaseNos.add(event.payload.caseNo);
        lastSeq = deviceSeq;
        const seq = store(event, next);
        cases.set(event.caseId, next);
        results.push({ id, status: 'accepted', hubSeq: seq });

        if (event.type === 'case.approved') {
          const item = catalog.items.get(next.view.itemCode);
          const payload = item
            ? await issueCertificate(deps.keys, next.view, item, receivedAt, kysely)
            : null;
          if (payload) {
            hubDeviceSeq ??= await tx.lockCounter('hub_device_seq');
            hubDeviceSeq += 1;
            const certEvent = {
              id: uuidv7(),
              deviceId: 'hub',
              deviceSeq: hubDeviceSeq,
              caseId: event.caseId,
              type: 'certificate.issued',
              payload,
              actor: { staffId: 'hub', hallId: next.view.halls.homeHallId },
              at: receivedAt,
            } as Event;
            const applied = applyEvent(next.view, certEvent);
            if (!applied.ok) throw new Error(`证照签发失败：${applied.error.message}`);
            next.view = applied.value;
            store(certEvent, next);
            pending.certificates.push({
              certificate_id: payload.certificate.certificateId,
              case_id: event.caseId,
              body: JSON.stringify(payload.certificate),
              signature: payload.signature,
              key_id: payload.keyId,
              status: 'valid',
              issued_at: receivedAt,
            });
          }
        }
      }

      lastSeqs.set(device.device_id, lastSeq);
      outcomes.push({ results });
    }

    const heads = await writeBatch(tx, pending, backfill, cases, touched, receivedAt);
    const counters = new Map<string, number>();
    for (const [hall, head] of heads) counters.set(`feed:${hall}`, head);
    if (hubSeq !== seqRow) {
      counters.set('hub_seq', hubSeq);
      heads.set('region', hubSeq);
    }
    if (hubDeviceSeq !== null) counters.set('hub_device_seq', hubDeviceSeq);
    await tx.setCounters(counters);
    const moved = new Map<string, number>();
    for (const [deviceId, last] of lastSeqs) if (last !== startSeqs.get(deviceId)) moved.set(deviceId, last);
    await tx.setLastSeqs(moved);
    return { outcomes, heads };
  });
}

/** Writes what the batch gathered; returns the new head of every hall feed that grew. */
async function writeBatch(
  tx: IngestTx,
  pending: Pending,
  backfill: { hall: string; caseId: string; upTo: number }[],
  cases: Map<string, CaseSlot | null>,
  touched: Set<string>,
  at: string,
): Promise<Map<string, number>> {
  // Feed rows: a hall that joined a case late first receives the case's earlier events — those
  // stored before this batch (read before this batch's events are written, so none comes twice),
  // then this batch's own.
  const feedRows: { hall_id: string; hub_seq: number }[] = [];
  const backfillByHall = new Map<string, { caseId: string; upTo: number }[]>();
  for (const b of backfill) backfillByHall.set(b.hall, [...(backfillByHall.get(b.hall) ?? []), b]);
  for (const [hall, list] of backfillByHall) {
    for (const b of list) {
      const earlier = await tx.earlierEvents(b.caseId, b.upTo);
      const fresh = pending.events
        .filter((e) => e.case_id === b.caseId && e.hub_seq < b.upTo)
        .map((e) => e.hub_seq);
      for (const s of [...earlier, ...fresh]) feedRows.push({ hall_id: hall, hub_seq: s });
    }
  }
  await tx.insertEvents(pending.events);
  await tx.insertRejections(pending.rejections);
  await tx.insertCertificates(pending.certificates);
  await tx.insertBlobRefs(pending.refs);

  // Keep each hall's rows in the order the hub decided: backfill first, in hubSeq order, then the batch.
  const ordered = [...feedRows, ...pending.feed];
  const heads = new Map<string, number>();
  const halls = [...new Set(ordered.map((r) => r.hall_id))].sort();
  const start = new Map<string, number>();
  for (const hall of halls) start.set(hall, await tx.lockCounter(`feed:${hall}`));
  const positioned = ordered.map((r) => {
    const pos = (heads.get(r.hall_id) ?? start.get(r.hall_id) ?? 0) + 1;
    heads.set(r.hall_id, pos);
    return { hall_id: r.hall_id, pos, hub_seq: r.hub_seq };
  });
  await tx.insertFeed(positioned);

  const caseRows: CaseTable[] = [];
  for (const caseId of touched) {
    const slot = cases.get(caseId);
    if (!slot) continue;
    const v = slot.view;
    caseRows.push({
      case_id: caseId,
      case_no: v.caseNo,
      state: v.state,
      item_code: v.itemCode,
      intake_hall_id: v.halls.intakeHallId,
      home_hall_id: v.halls.homeHallId,
      delivery_hall_id: v.halls.deliveryHallId,
      involved: JSON.stringify(slot.involved),
      view: JSON.stringify(withoutHistory(v)),
      last_hub_seq: slot.lastHubSeq,
      updated_at: at,
    });
  }
  await tx.upsertCases(caseRows);
  return heads;
}

const withoutHistory = (view: CaseView): CaseView => ({ ...view, history: [] });

function attachmentsOf(event: Event): string[] {
  if (event.type === 'case.received' || event.type === 'case.correction_submitted') {
    return event.payload.materials.flatMap((m) => m.attachments.map((a) => a.sha256));
  }
  return [];
}

/** Rules that need the hub's knowledge: the device's own code, numbers in use, the catalog. */
function domainRefusal(
  event: Event,
  next: CaseView,
  deviceCode: string,
  taken: Set<string>,
  items: Map<string, { homeHallId: string }>,
  now: Date,
): Reason | null {
  if (event.type === 'case.received') {
    const p = event.payload;
    // validateEvent already checked that the number is canonical: its first segment is the device code.
    const numberDevice = p.caseNo.slice(0, p.caseNo.indexOf('-'));
    if (!caseNoDeviceAllowed(numberDevice, deviceCode))
      return {
        code: 'INVALID_EVENT',
        message: `办件编号的设备编号 ${numberDevice} 不是本设备（${deviceCode}）`,
      };
    if (taken.has(p.caseNo))
      return { code: 'DUPLICATE_CASE_NO', message: `办件编号 ${p.caseNo} 已被其他办件使用` };
    const item = items.get(p.itemCode);
    if (!item) return { code: 'INVALID_EVENT', message: `事项编码 ${p.itemCode} 不在目录中` };
    if (item.homeHallId !== p.homeHallId)
      return {
        code: 'INVALID_EVENT',
        message: `事项 ${p.itemCode} 的主管营业厅是 ${item.homeHallId}，不是 ${p.homeHallId}`,
      };
  }
  const id = validateAgainstCase(event, next, now);
  return id ? { code: 'INVALID_EVENT', message: id } : null;
}

