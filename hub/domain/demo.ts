// The demo region `npm start` seeds on first run: per hall a clerk, a reviewer and a supervisor,
// and one enrollment code per hall, printed with how to log in. Demo passwords are for demos only.
import type { Kysely } from 'kysely';
import { SEED_HALLS } from '../../shared/halls';
import type { Role } from '../../shared/protocol/primitives';
import type { HubDatabase } from '../store/schema';
import { createEnrollCode, hashCode } from './devices';
import { getMeta, setMeta } from './meta';
import { addStaff } from './staff';

export const DEMO_PASSWORD = 'tongban2026';
const ROLES: [Role, string][] = [
  ['clerk', '窗口受理员'],
  ['reviewer', '审核员'],
  ['supervisor', '督查员'],
];
const SURNAMES: Record<string, string[]> = { BJ: ['王芳', '张伟', '刘洋'], TJ: ['李静', '陈磊', '杨帆'], SJZ: ['赵敏', '孙强', '周婷'], XA: ['吴昊', '郑丽', '冯军'] };

export interface DemoInfo {
  password: string;
  staff: { username: string; name: string; hallId: string; role: Role }[];
  codes: { hallId: string; counterNo: number; code: string; scope: 'hall' | 'region' }[];
}

export async function seedDemo(db: Kysely<HubDatabase>): Promise<DemoInfo> {
  const existing = await getMeta(db, 'demo');
  let info: DemoInfo;
  if (existing) {
    info = JSON.parse(existing) as DemoInfo;
  } else {
    info = { password: DEMO_PASSWORD, staff: [], codes: [] };
    for (const hall of SEED_HALLS) {
      for (const [i, [role]] of ROLES.entries()) {
        const username = `${hall.hallId.toLowerCase()}-${role}`;
        const name = SURNAMES[hall.hallId]?.[i] ?? username;
        await addStaff(db, { username, name, hallId: hall.hallId, roles: [role], password: DEMO_PASSWORD });
        info.staff.push({ username, name, hallId: hall.hallId, role });
      }
    }
  }
  // A code used since the last start is replaced, so the printed codes always work.
  const codes: DemoInfo['codes'] = [];
  const wanted = [...SEED_HALLS.map((h) => ({ hallId: h.hallId as string, counterNo: 1, scope: 'hall' as const })), { hallId: 'BJ', counterNo: 99, scope: 'region' as const }];
  for (const w of wanted) {
    const prior = info.codes.find((c) => c.hallId === w.hallId && c.counterNo === w.counterNo);
    const row = prior ? await db.selectFrom('enroll_codes').select(['used_at', 'expires_at']).where('code_hash', '=', hashCode(prior.code)).executeTakeFirst() : undefined;
    if (prior && row && !row.used_at && Date.parse(row.expires_at) > Date.now()) codes.push(prior);
    else codes.push({ ...w, code: (await createEnrollCode(db, w)).code });
  }
  info.codes = codes;
  await setMeta(db, 'demo', JSON.stringify(info));
  return info;
}

export function describeDemo(info: DemoInfo, url: string): string {
  const lines = [
    '',
    '━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━',
    ` 通办演示区已就绪：在浏览器打开 ${url}/`,
    '━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━',
    ' 1. 首次打开时输入中心地址与注册码（每个码只能用一次）：',
    ...info.codes.map((c) => `      ${c.hallId.padEnd(4)} ${String(c.counterNo).padStart(2, '0')} 号${c.scope === 'region' ? '（全区督查）' : '窗口'}  ${c.code}`),
    ` 2. 用以下账号登录，密码均为 ${info.password}：`,
    ...SEED_HALLS.map((h) => `      ${h.hallId.padEnd(4)} ${info.staff.filter((s) => s.hallId === h.hallId).map((s) => s.username).join('  ')}`),
    '━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━',
    '',
  ];
  return lines.join('\n');
}
