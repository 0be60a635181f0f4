// Pull: a device's feed from its cursor. A hall device reads its hall's feed (positions), a region
// device the whole log (hubSeq, gapless in commit order).
import type { Kysely } from 'kysely';
import { DEFAULT_PULL_LIMIT, type PullResponse } from '../../shared/protocol/wire';
import type { StoredEvent } from '../../shared/protocol/events';
import type { DeviceTable, HubDatabase } from '../store/schema';

export async function pull(db: Kysely<HubDatabase>, device: Pick<DeviceTable, 'hall_id' | 'scope'>, cursor: number, limit = DEFAULT_PULL_LIMIT): Promise<PullResponse> {
  let rows: { pos: number; body: string }[];
  if (device.scope === 'region') {
    rows = (await db.selectFrom('events').select(['hub_seq as pos', 'body']).where('hub_seq', '>', cursor).orderBy('hub_seq').limit(limit + 1).execute()).map((r) => ({ pos: Number(r.pos), body: r.body }));
  } else {
    rows = (
      await db
        .selectFrom('feed')
        .innerJoin('events', 'events.hub_seq', 'feed.hub_seq')
        .select(['feed.pos as pos', 'events.body as body'])
        .where('feed.hall_id', '=', device.hall_id)
        .where('feed.pos', '>', cursor)
        .orderBy('feed.pos')
        .limit(limit + 1)
        .execute()
    ).map((r) => ({ pos: Number(r.pos), body: r.body }));
  }
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return {
    events: page.map((r) => JSON.parse(r.body) as StoredEvent),
    cursor: page.length ? page[page.length - 1]!.pos : cursor,
    more,
  };
}

/** The current head of a device's feed (what a poke announces). */
export async function feedHead(db: Kysely<HubDatabase>, device: Pick<DeviceTable, 'hall_id' | 'scope'>): Promise<number> {
  const name = device.scope === 'region' ? 'hub_seq' : `feed:${device.hall_id}`;
  const row = await db.selectFrom('counters').select('value').where('name', '=', name).executeTakeFirst();
  return row ? Number(row.value) : 0;
}
