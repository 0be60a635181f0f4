// Preparing a store for a fleet of test devices before any hub runs: staff and enrollment codes.
import { createServer } from 'node:net';
import { createEnrollCode } from '../../hub/domain/devices';
import { addStaff } from '../../hub/domain/staff';
import { prepareStore } from '../../hub/server';
import { openStore } from '../../hub/store/db';
import type { StoreTarget } from './hub-process';

export const FLEET_PASSWORD = 'fleet-password-1';
export const HALLS = ['BJ', 'TJ', 'SJZ', 'XA'] as const;
/** An item of each home hall that issues no certificate, so tests control every event. */
export const ITEM_OF: Record<string, string> = { BJ: 'GG00406001-BJ', TJ: 'JF00201001-TJ', SJZ: 'JF00201001-SJZ', XA: 'GG00406001-XA' };

export interface Fleet {
  clerks: Record<string, string>;
  codes: { hallId: string; code: string; scope: 'hall' | 'region' }[];
}

/** A clerk per hall and `perHall` codes per hall (counters 1…), plus `region` region codes. */
export async function prepareFleet(target: StoreTarget, perHall: number, region = 1): Promise<Fleet> {
  const store = await openStore({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
  try {
    await prepareStore(store);
    const clerks: Record<string, string> = {};
    const codes: Fleet['codes'] = [];
    for (const hallId of HALLS) {
      clerks[hallId] = (await addStaff(store.db, { username: `${hallId.toLowerCase()}-fleet`, name: `${hallId}窗口`, hallId, roles: ['clerk'], password: FLEET_PASSWORD })).staffId;
      for (let i = 1; i <= perHall; i++) codes.push({ hallId, scope: 'hall', code: (await createEnrollCode(store.db, { hallId, counterNo: i, scope: 'hall' })).code });
    }
    for (let i = 0; i < region; i++) codes.push({ hallId: 'BJ', scope: 'region', code: (await createEnrollCode(store.db, { hallId: 'BJ', counterNo: 99 - i, scope: 'region' })).code });
    return { clerks, codes };
  } finally {
    await store.close();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
