// The names of staff in every hall, from the hub, kept for offline use: timelines say who acted.
import { StaffDirectory, type Staff } from '../../shared/protocol/wire';
import { getMeta, setMeta } from './db';
import { hubFetch } from './device';

export const STAFF_DIRECTORY_KEY = 'staffDirectory';

export async function refreshStaffDirectory(): Promise<Staff[]> {
  const res = await hubFetch('/api/v1/staff');
  const parsed = StaffDirectory.safeParse(await res.json());
  if (!parsed.success) throw new Error('中心返回的人员名录格式不对');
  await setMeta(STAFF_DIRECTORY_KEY, parsed.data.staff);
  return parsed.data.staff;
}

export async function localStaffDirectory(): Promise<Staff[]> {
  return (await getMeta<Staff[]>(STAFF_DIRECTORY_KEY)) ?? [];
}
