// Push: one batch of a device's events checked and stored in one transaction (PROTOCOL.md, push).
// hubSeq comes from a counter row updated inside the transaction, so commit order is hubSeq order.
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { checkEvent } from '../../shared/case/actions';
import type { Principal } from '../../shared/case/permissions';
import { applyEvent, type CaseView } from '../../shared/case/projection';
import { EventIdentity, type Event, type StoredEvent } from '../../shared/protocol/events';
import { validateAgainstCase, validateEvent } from '../../shared/protocol/validate-event';
import { withoutNul } from '../../shared/protocol/zod-locale';
import type { PushResult } from '../../shared/protocol/wire';
import type { SigningKeys } from '../domain/authority-keys';
import type { CatalogService } from '../domain/catalog';
import { issueCertificate } from '../domain/certificates';
import type { Principals } from '../domain/staff';
import type { Clock } from '../domain/time';
import type { Dialect } from '../store/db';
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
  dialect: Dialect;
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

interface CaseSlot {
  view: CaseView;
  involved: string[];
  isNew: boolean;
  lastHubSeq: number;
}

/** What the batch will write, gathered in memory and written in a few multi-row statements. */
interface Pending {
  events: EventTable[];
  rejections: RejectionTable[];
  feed: Omit<FeedTable, 'pos'>[];
  certificates: CertificateTable[];
  refs: BlobRefTable[];
}

const withoutHistory = (view: CaseView): CaseView => ({ ...view, history: [] });

/** One push of one device, waiting for its turn in a group commit. */
export interface PushJob {
  device: IngestDevice;
  raw: readonly unknown[];
}
export type IngestDevice = Pick<DeviceTable, 'device_id' | 'device_code' | 'hall_id' | 'scope'>;

/**
 * Several pushes, of one or many devices, checked in order and stored in ONE transaction (group
 * commit): one fsync and one turn of the hubSeq lock for all of them. Each push gets its own
 * answers, exactly as if it had been alone.
 */
/** Feed heads that grew come back too: hall id → new head; `region` → the new hubSeq head. */
export async function ingestBatch(
  deps: IngestDeps,
  jobs: readonly PushJob[],
): Promise<{ outcomes: PushResult[][]; heads: Map<string, number> }> {
  const now = new Date(deps.clock.now());
  const receivedAt = now.toISOString();

  // Checks that need no database happen before the transaction, to keep the lock short.
  const preparedJobs = jobs.map((job) =>
    job.raw.map((r) => {
      const identity = EventIdentity.safeParse(r);
      const checked = validateEvent(r, now);
      return {
        identity: identity.success ? identity.data : null,
        checked,
        rawId: typeof (r as { id?: unknown })?.id === 'string' ? (r as { id: string }).id : '',
      };
    }),
  );
  const allPrepared = preparedJobs.flat();
  const catalog = await deps.catalog.current();
  // Staff are read before the transaction: SQLite has one connection, and the transaction holds it.
  const principals = new Map<string, Principal | null>();
  for (const [j, prepared] of preparedJobs.entries()) {
    const scope = jobs[j]!.device.scope;
    for (const p of prepared) {
      const key = `${scope}:${p.checked.ok ? p.checked.value.actor.staffId : ''}`;
      if (p.checked.ok && !principals.has(key))
        principals.set(key, await deps.principals.principal(p.checked.value.actor.staffId, scope));
    }
  }

  return deps.db.transaction().execute(async (trx) => {
    // The lock every writer takes first: on PostgreSQL the row lock orders the commits.
    const seqRow = await lockCounter(trx, deps.dialect, 'hub_seq');
    let hubSeq = seqRow;
    const deviceIds = [...new Set(jobs.map((j) => j.device.device_id))];
    const devRows = await trx
      .selectFrom('devices')
      .select(['device_id', 'last_seq'])
      .where('device_id', 'in', deviceIds)
      .execute();
    const lastSeqs = new Map(devRows.map((d) => [d.device_id, Number(d.last_seq)]));
    const startSeqs = new Map(lastSeqs);
    const knownBy = new Map<string, Awaited<ReturnType<typeof knownAnswers>>>();
    for (const deviceId of deviceIds) {
      const mine = preparedJobs.filter((_, j) => jobs[j]!.device.device_id === deviceId).flat();
      const last = lastSeqs.get(deviceId) ?? 0;
      const ids = mine.map((p) => p.identity?.id).filter((x): x is string => !!x);
      const seqs = mine
        .map((p) => p.identity?.deviceSeq)
        .filter((x): x is number => x !== undefined && x <= last);
      knownBy.set(deviceId, await knownAnswers(trx, deviceId, ids, seqs));
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
    for (const row of caseIds.length
      ? await trx.selectFrom('cases').selectAll().where('case_id', 'in', caseIds).execute()
      : []) {
      cases.set(row.case_id, {
        view: JSON.parse(row.view) as CaseView,
        involved: JSON.parse(row.involved) as string[],
        isNew: false,
        lastHubSeq: Number(row.last_hub_seq),
      });
    }
    const newCaseNos = prepared.flatMap((p) =>
      p.checked.ok && p.checked.value.type === 'case.received'
        ? [p.checked.value.payload.caseNo]
        : [],
    );
    const takenCaseNos = new Set(
      newCaseNos.length
        ? (
            await trx
              .selectFrom('cases')
              .select('case_no')
              .where('case_no', 'in', newCaseNos)
              .execute()
          ).map((r) => r.case_no)
        : [],
    );
    const shas = [
      ...new Set(prepared.flatMap((p) => (p.checked.ok ? attachmentsOf(p.checked.value) : []))),
    ];
    const presentBlobs = new Set(
      shas.length
        ? (
            await trx.selectFrom('blobs').select('sha256').where('sha256', 'in', shas).execute()
          ).map((r) => r.sha256)
        : [],
    );

    const pending: Pending = { events: [], rejections: [], feed: [], certificates: [], refs: [] };
    const touched = new Set<string>();
    const seenByDevice = new Map<string, Set<string>>();
    let hubDeviceSeq: number | null = null;
    const backfill: { hall: string; caseId: string; upTo: number }[] = [];
    const outcomes: PushResult[][] = [];

    for (const [j, job] of jobs.entries()) {
      const device = job.device;
      const known = knownBy.get(device.device_id)!;
      let lastSeq = lastSeqs.get(device.device_id) ?? 0;
      const seenIds = seenByDevice.get(device.device_id) ?? new Set<string>();
      seenByDevice.set(device.device_id, seenIds);
      const results: PushResult[] = [];

      const useSeq = (seq: number, id: string, reason: Reason) => {
        pending.rejections.push({
          device_id: device.device_id,
          device_seq: seq,
          event_id: id,
          code: reason.code,
          message: withoutNul(reason.message),
          at: receivedAt,
        });
        lastSeq = seq;
        return reject(id, reason.code, reason.message);
      };

      const store = (event: Event, slot: CaseSlot) => {
        hubSeq += 1;
        const stored: StoredEvent = { ...event, hubSeq, receivedAt };
        pending.events.push({
          hub_seq: hubSeq,
          id: event.id,
          device_id: event.deviceId,
          device_seq: event.deviceSeq,
          case_id: event.caseId,
          type: event.type,
          body: JSON.stringify(stored),
          received_at: receivedAt,
        });
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
            if (!slot.isNew) backfill.push({ hall, caseId: event.caseId, upTo: hubSeq });
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
            const again = pending.events.find(
              (e) =>
                e.device_id === device.device_id && (e.device_seq === deviceSeq || e.id === id),
            );
            const rej = pending.rejections.find(
              (r) => r.device_id === device.device_id && r.device_seq === deviceSeq,
            );
            if (again) results.push({ id, status: 'duplicate', hubSeq: again.hub_seq });
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
          const again = pending.events.find((e) => e.device_id === device.device_id && e.id === id);
          if (again && deviceSeq === lastSeq + 1) {
            useSeq(deviceSeq, id, { code: 'DUPLICATE_OF', message: String(again.hub_seq) });
            results.push({ id, status: 'duplicate', hubSeq: again.hub_seq });
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
          : { view: checked.value, involved: [], isNew: true, lastHubSeq: 0 };
        if (event.type === 'case.received') takenCaseNos.add(event.payload.caseNo);
        lastSeq = deviceSeq;
        const seq = store(event, next);
        cases.set(event.caseId, next);
        results.push({ id, status: 'accepted', hubSeq: seq });

        if (event.type === 'case.approved') {
          const item = catalog.items.get(next.view.itemCode);
          const payload = item
            ? await issueCertificate(deps.keys, next.view, item, receivedAt, trx)
            : null;
          if (payload) {
            hubDeviceSeq ??= await lockCounter(trx, deps.dialect, 'hub_device_seq');
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
      outcomes.push(results);
    }

    const heads = await writeBatch(
      trx,
      deps.dialect,
      pending,
      backfill,
      cases,
      touched,
      receivedAt,
    );
    if (hubSeq !== seqRow) {
      await trx
        .updateTable('counters')
        .set({ value: hubSeq })
        .where('name', '=', 'hub_seq')
        .execute();
      heads.set('region', hubSeq);
    }
    if (hubDeviceSeq !== null)
      await trx
        .updateTable('counters')
        .set({ value: hubDeviceSeq })
        .where('name', '=', 'hub_device_seq')
        .execute();
    for (const [deviceId, last] of lastSeqs) {
      if (last !== startSeqs.get(deviceId))
        await trx
          .updateTable('devices')
          .set({ last_seq: last })
          .where('device_id', '=', deviceId)
          .execute();
    }
    return { outcomes, heads };
  });
}

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
    if (numberDevice !== deviceCode)
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

async function lockCounter(
  trx: Transaction<HubDatabase>,
  dialect: Dialect,
  name: string,
): Promise<number> {
  // SQLite: write first, so the transaction holds the write lock from its start and a second hub
  // process on the same file waits (busy_timeout) instead of failing to upgrade a read snapshot.
  if (dialect === 'sqlite')
    await trx
      .updateTable('counters')
      .set((eb) => ({ value: eb.ref('value') }))
      .where('name', '=', name)
      .execute();
  const q = trx.selectFrom('counters').select('value').where('name', '=', name);
  const row = await (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
  if (row) return Number(row.value);
  await trx
    .insertInto('counters')
    .values({ name, value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const again = await (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirstOrThrow();
  return Number(again.value);
}

interface KnownAnswer {
  deviceSeq?: number;
  hubSeq?: number;
  reason?: Reason;
}

async function knownAnswers(
  trx: Transaction<HubDatabase>,
  deviceId: string,
  ids: string[],
  seqs: number[],
): Promise<{ byId: Map<string, KnownAnswer>; bySeq: Map<number, KnownAnswer> }> {
  const byId = new Map<string, KnownAnswer>();
  const bySeq = new Map<number, KnownAnswer>();
  if (ids.length) {
    for (const r of await trx
      .selectFrom('events')
      .select(['id', 'hub_seq', 'device_id', 'device_seq'])
      .where('id', 'in', ids)
      .execute()) {
      byId.set(r.id, {
        hubSeq: Number(r.hub_seq),
        deviceSeq: r.device_id === deviceId ? Number(r.device_seq) : -1,
      });
    }
  }
  if (seqs.length) {
    for (const r of await trx
      .selectFrom('events')
      .select(['hub_seq', 'device_seq'])
      .where('device_id', '=', deviceId)
      .where('device_seq', 'in', seqs)
      .execute()) {
      bySeq.set(Number(r.device_seq), {
        hubSeq: Number(r.hub_seq),
        deviceSeq: Number(r.device_seq),
      });
    }
    for (const r of await trx
      .selectFrom('rejections')
      .selectAll()
      .where('device_id', '=', deviceId)
      .where('device_seq', 'in', seqs)
      .execute()) {
      const answer: KnownAnswer =
        r.code === 'DUPLICATE_OF'
          ? { hubSeq: Number(r.message), deviceSeq: Number(r.device_seq) }
          : { reason: { code: r.code, message: r.message }, deviceSeq: Number(r.device_seq) };
      bySeq.set(Number(r.device_seq), answer);
    }
  }
  return { byId, bySeq };
}

const CHUNK = 400;
function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

async function writeBatch(
  trx: Transaction<HubDatabase>,
  dialect: Dialect,
  pending: Pending,
  backfill: { hall: string; caseId: string; upTo: number }[],
  cases: Map<string, CaseSlot | null>,
  touched: Set<string>,
  at: string,
): Promise<Map<string, number>> {
  for (const rows of chunks(pending.events, 200))
    await trx.insertInto('events').values(rows).execute();
  for (const rows of chunks(pending.rejections))
    await trx.insertInto('rejections').values(rows).execute();
  for (const rows of chunks(pending.certificates))
    await trx.insertInto('certificates').values(rows).execute();
  const refs = pending.refs;
  for (const rows of chunks(refs))
    await trx
      .insertInto('blob_refs')
      .values(rows)
      .onConflict((oc) => oc.columns(['sha256', 'case_id']).doNothing())
      .execute();

  // Feed rows: a hall that joined a case late first receives the case's earlier events.
  const feedRows: { hall_id: string; hub_seq: number }[] = [];
  const backfillByHall = new Map<string, { caseId: string; upTo: number }[]>();
  for (const b of backfill) backfillByHall.set(b.hall, [...(backfillByHall.get(b.hall) ?? []), b]);
  for (const [hall, list] of backfillByHall) {
    for (const b of list) {
      const earlier = await trx
        .selectFrom('events')
        .select('hub_seq')
        .where('case_id', '=', b.caseId)
        .where('hub_seq', '<', b.upTo)
        .orderBy('hub_seq')
        .execute();
      const fresh = pending.events
        .filter((e) => e.case_id === b.caseId && e.hub_seq < b.upTo)
        .map((e) => e.hub_seq);
      for (const s of [...earlier.map((r) => Number(r.hub_seq)), ...fresh])
        feedRows.push({ hall_id: hall, hub_seq: s });
    }
  }
  // Keep each hall's rows in the order the hub decided: backfill first, in hubSeq order, then the batch.
  const ordered = [...feedRows, ...pending.feed];
  const heads = new Map<string, number>();
  const halls = [...new Set(ordered.map((r) => r.hall_id))].sort();
  const start = new Map<string, number>();
  for (const hall of halls) start.set(hall, await lockCounter(trx, dialect, `feed:${hall}`));
  const positioned = ordered.map((r) => {
    const pos = (heads.get(r.hall_id) ?? start.get(r.hall_id) ?? 0) + 1;
    heads.set(r.hall_id, pos);
    return { hall_id: r.hall_id, pos, hub_seq: r.hub_seq };
  });
  for (const rows of chunks(positioned, 1000)) await trx.insertInto('feed').values(rows).execute();
  for (const [hall, head] of heads)
    await trx
      .updateTable('counters')
      .set({ value: head })
      .where('name', '=', `feed:${hall}`)
      .execute();

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
  for (const rows of chunks(caseRows, 200)) {
    await trx
      .insertInto('cases')
      .values(rows)
      .onConflict((oc) =>
        oc.column('case_id').doUpdateSet((eb) => ({
          state: eb.ref('excluded.state'),
          delivery_hall_id: eb.ref('excluded.delivery_hall_id'),
          involved: eb.ref('excluded.involved'),
          view: eb.ref('excluded.view'),
          last_hub_seq: eb.ref('excluded.last_hub_seq'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  return heads;
}
