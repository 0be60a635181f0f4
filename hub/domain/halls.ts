// Halls are data: the four of the region are seeded; an admin may add more.
import type { Kysely } from 'kysely';
import { SEED_HALLS } from '../../shared/halls';
import type { HubDatabase } from '../store/schema';
import { isoNow } from './time';

export async function seedHalls(db: Kysely<HubDatabase>): Promise<void> {
  for (const h of SEED_HALLS) {
    await db
      .insertInto('halls')
      .values({ hall_id: h.hallId, name: h.name, authority: h.authority, city: h.city, created_at: isoNow() })
      .onConflict((oc) => oc.column('hall_id').doNothing())
      .execute();
  }
}

export async function addHall(db: Kysely<HubDatabase>, hall: { hallId: string; name: string; authority: string; city: string }): Promise<void> {
  await db.insertInto('halls').values({ hall_id: hall.hallId, name: hall.name, authority: hall.authority, city: hall.city, created_at: isoNow() }).execute();
}
