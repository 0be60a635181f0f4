// The re-enrollment's store over the counter's IndexedDB (renderer/data/db.ts): the switch to the new
// device is one Dexie transaction, so a crash leaves either the old identity with its outbox or the
// new one with the outbox re-authored, never a mix.
import type { Event } from '../../../shared/protocol/events';
import { dueTables, rebuildCases } from '../../data/case-rows';
import { db, getMeta, setMeta, type DeviceIdentity } from '../../data/db';
import { DexieSyncStorage } from '../../data/dexie-storage';
import { reauthorEvents } from './reauthor';
import type { ReenrollStore, StagedEnrollment } from './reenroll';

const STAGED = 'reenroll.staged';
/** Earlier identities of this machine, newest last (the diagnostics page lists them). */
export const PREVIOUS_DEVICES = 'previousDevices';
/** DexieSyncStorage's counter of the last deviceSeq handed out (renderer/data/dexie-storage.ts). */
const LAST_SEQ = 'lastDeviceSeq';
/**
 * Settled outbox rows of an earlier identity move below zero by this much per re-enrollment: the
 * outbox's deviceSeq index is unique, and the new device counts from 1 again. The rows keep their
 * events untouched and their order; only the index value moves.
 */
const SETTLED_SHIFT = 2 ** 32;

export function previousDevices(): Promise<DeviceIdentity[]> {
  return getMeta<DeviceIdentity[]>(PREVIOUS_DEVICES).then((v) => v ?? []);
}

export function dexieReenrollStore(): ReenrollStore {
  const d = db();
  const sync = new DexieSyncStorage(d);
  return {
    pendingEvents: async () => (await d.outbox.where('state').equals('pending').sortBy('deviceSeq')).map((r) => r.event),
    sync,
    staged: () => getMeta<StagedEnrollment>(STAGED),
    stage: (s) => setMeta(STAGED, s),
    commit: async (next, previous) => {
      await d.transaction('rw', [d.meta, d.keys, d.outbox, d.feed, d.cases, ...dueTables(d)], async () => {
        const rows = await d.outbox.orderBy('deviceSeq').toArray();
        const reauthored = reauthorEvents(rows.filter((r) => r.state === 'pending').map((r) => r.event), next.identity.deviceId);
        const byId = new Map<string, Event>(reauthored.map((e) => [e.id, e]));
        for (const row of rows) {
          if (row.state !== 'pending') await d.outbox.update(row.id, { deviceSeq: row.deviceSeq - SETTLED_SHIFT });
        }
        // Ascending, so each new number is free when it is taken (see reauthor.ts for the rules).
        for (const row of rows) {
          const event = byId.get(row.id);
          if (row.state === 'pending' && event) await d.outbox.update(row.id, { deviceSeq: event.deviceSeq, event });
        }
        await d.keys.put({ id: 'device', publicKey: next.keys.publicKey, privateKey: next.keys.privateKey });
        await setMeta(LAST_SEQ, reauthored.length);
        await setMeta(PREVIOUS_DEVICES, [...(await previousDevices()), previous]);
        await setMeta('device', next.identity);
        await d.meta.delete(STAGED);
        await rebuildCases(d, reauthored.map((e) => e.caseId));
      });
    },
  };
}
