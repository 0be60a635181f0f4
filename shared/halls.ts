// The four halls of the region. More halls are data (a hub admin adds them); these are the seed.

export const SEED_HALLS = [
  { hallId: 'BJ', name: '北京市政务服务中心', city: '北京', authority: '北京市' },
  { hallId: 'TJ', name: '天津市政务服务中心', city: '天津', authority: '天津市' },
  { hallId: 'SJZ', name: '河北省政务服务中心（石家庄）', city: '石家庄', authority: '河北省' },
  { hallId: 'XA', name: '雄安新区政务服务中心', city: '雄安', authority: '雄安新区' },
] as const;

export type SeedHallId = (typeof SEED_HALLS)[number]['hallId'];

/** A hall id: upper-case letters, 2 to 6 of them (BJ, TJ, SJZ, XA, and halls an admin adds). */
export const HALL_ID_PATTERN = /^[A-Z]{2,6}$/;

export function hallName(hallId: string): string {
  return SEED_HALLS.find((h) => h.hallId === hallId)?.name ?? hallId;
}
