// The hall the counter benchmark bootstraps: `cases` cases that all involve Beijing (taken in any
// hall for a Beijing item, or in Beijing for another hall's item), pushed through a real hub by real
// counters of every hall, each case carried as far through its life as its number says: review,
// correction, approval (the hub signs a certificate), printing and handing over, refusal,
// withdrawal, notes. About five events a case. Every applicant has a name and a valid ID number of
// their own, so searches find what a clerk would look for.
import { readFileSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { makeCaseNumber } from '../../shared/case-number';
import { mod11_2CheckCharacter } from '../../shared/iso7064';
import type { Event } from '../../shared/protocol/events';
import { createEnrollCode } from '../../hub/domain/devices';
import { openStore } from '../../hub/store/db';
import { TestDevice } from '../support/device';

const HALLS = ['BJ', 'TJ', 'SJZ', 'XA'] as const;
type Hall = (typeof HALLS)[number];
const DAILY = 9000;

interface Item {
  code: string;
  homeHallId: string;
  applicantKinds: string[];
  certificate: unknown;
}
const ITEMS: Item[] = (JSON.parse(readFileSync('resources/catalog/catalog.json', 'utf8')) as { items: Item[] }).items.filter((i) => i.certificate && i.applicantKinds.includes('person'));
const itemsOf = (hall: string) => ITEMS.filter((i) => i.homeHallId === hall);

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鹏飞建国志强晓东海燕雪莉宁波博文思远子涵梓萱浩然雨欣俊杰一鸣嘉怡';

/** A person for case i: a name and a resident ID number with a right check digit. */
export function applicantOf(i: number): { name: string; idNumber: string } {
  const s = SURNAMES[i % SURNAMES.length]!;
  const g1 = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!;
  const g2 = GIVEN[Math.floor(i / (SURNAMES.length * GIVEN.length)) % GIVEN.length]!;
  const birth = new Date(Date.UTC(1950, 0, 1) + (i % 18_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const body = `110105${birth}${String(Math.floor(i / 18_000) % 1000).padStart(3, '0')}`;
  return { name: i % 3 ? `${s}${g1}${g2}` : `${s}${g1}`, idNumber: body + mod11_2CheckCharacter(body) };
}

/** How far case i has come: a tenth… a twentieth of the cases per stage. */
const STAGES = ['delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'printed', 'printed', 'printed', 'approved', 'approved', 'in_review', 'in_review', 'needs_correction', 'corrected', 'rejected', 'received', 'withdrawn'] as const;
type Stage = (typeof STAGES)[number];
const stageOf = (i: number): Stage => STAGES[i % STAGES.length]!;
const reached = (s: Stage, step: 'review' | 'approved' | 'printed' | 'delivered') =>
  ({ review: s !== 'received' && s !== 'withdrawn', approved: s === 'approved' || s === 'printed' || s === 'delivered', printed: s === 'printed' || s === 'delivered', delivered: s === 'delivered' })[step];

interface Plan {
  i: number;
  caseId: string;
  intake: Hall;
  home: Hall;
  item: Item;
  applicant: { name: string; idNumber: string };
  stage: Stage;
}

function planOf(i: number): Plan {
  const others: Hall[] = ['TJ', 'SJZ', 'XA'];
  const home: Hall = i % 2 === 0 ? 'BJ' : others[Math.floor(i / 2) % 3]!;
  const intake: Hall = home === 'BJ' ? HALLS[Math.floor(i / 2) % 4]! : 'BJ';
  const items = itemsOf(home);
  return { i, caseId: uuidv7(), intake, home, item: items[Math.floor(i / 8) % items.length]!, applicant: applicantOf(i), stage: stageOf(i) };
}

export interface SeedResult {
  cases: number;
  events: number;
  seconds: number;
}

/** Pushes `events` from `device` in pushes of 500; throws on anything but accepted. */
async function pushAll(device: TestDevice, events: Event[]): Promise<void> {
  for (let k = 0; k < events.length; k += 500) {
    const r = await device.push(events.slice(k, k + 500), 300_000);
    const bad = r.results.find((x) => x.status !== 'accepted');
    if (r.error || bad) throw new Error(`seed push refused: ${JSON.stringify(r.error ?? bad)}`);
  }
}

/** Runs one phase: each device pushes its events; the devices of all halls at once. */
async function phase(name: string, work: Map<TestDevice, Event[]>, log: (s: string) => void): Promise<number> {
  const t = performance.now();
  const n = [...work.values()].reduce((a, e) => a + e.length, 0);
  await Promise.all([...work].map(([d, events]) => pushAll(d, events)));
  log(`  seed ${name}: ${n} events in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return n;
}

/** Seeds the running hub at `url` whose SQLite store is under `dataDir`. */
export async function seedHall(url: string, dataDir: string, cases: number, log: (s: string) => void): Promise<SeedResult> {
  const t0 = performance.now();
  const store = await openStore({ dataDir });
  const staff = new Map<string, string>();
  const devices = new Map<Hall, TestDevice[]>();
  try {
    for (const r of await store.db.selectFrom('staff').select(['staff_id', 'username']).execute()) staff.set(r.username, r.staff_id);
    const plans = Array.from({ length: cases }, (_, i) => planOf(i));
    let counter = 40;
    for (const hall of HALLS) {
      const intakes = plans.filter((p) => p.intake === hall).length;
      const list: TestDevice[] = [];
      for (let k = 0; k < Math.max(3, Math.ceil(intakes / DAILY)); k++) {
        const { code } = await createEnrollCode(store.db, { hallId: hall, counterNo: counter++, scope: 'hall' });
        list.push(await TestDevice.enroll(url, code, `bench seed ${hall}`));
      }
      devices.set(hall, list);
    }
    await Promise.all([...devices.values()].flat().map((d) => d.connect(url, 30_000)));
    const clerk = (h: string) => staff.get(`${h.toLowerCase()}-clerk`)!;
    const reviewer = (h: string) => staff.get(`${h.toLowerCase()}-reviewer`)!;

    /** Spreads each hall's events over its devices; `own` pins an event to the device that must push it. */
    const work = () => {
      const m = new Map<TestDevice, Event[]>();
      const rr = new Map<Hall, number>();
      return {
        add(hall: Hall, make: (d: TestDevice) => Event, own?: TestDevice) {
          const list = devices.get(hall)!;
          const d = own ?? list[(rr.set(hall, (rr.get(hall) ?? 0) + 1).get(hall)!) % list.length]!;
          const list_ = m.get(d);
          if (list_) list_.push(make(d));
          else m.set(d, [make(d)]);
        },
        map: m,
      };
    };
    const event = (d: TestDevice, type: Event['type'], p: Plan, payload: unknown, staffId: string) => d.event(type, p.caseId, payload as never, staffId);

    // 1. Intake: each case in its intake hall, its number from the device that takes it.
    const intake = work();
    const taken = new Map<Hall, number>();
    for (const p of plans) {
      const list = devices.get(p.intake)!;
      const n = taken.get(p.intake) ?? 0;
      taken.set(p.intake, n + 1);
      const d = list[Math.floor(n / DAILY)]!;
      intake.add(
        p.intake,
        (dev) => {
          dev.cases += 1;
          const no = makeCaseNumber({ deviceCode: dev.info.deviceCode, at: new Date(), dailyCount: dev.cases });
          if (!no.ok) throw new Error(no.error.message);
          return event(dev, 'case.received', p, {
            caseNo: no.value,
            itemCode: p.item.code,
            applicant: { kind: 'person', name: p.applicant.name, idType: 'resident', idNumber: p.applicant.idNumber, phone: `138${String(10_000_000 + (p.i % 89_999_999)).slice(-8)}` },
            form: { practiceOrg: '首都医科大学附属北京同仁医院', contactPhone: '13800138000', fromPlace: '天津市河西区', toPlace: '北京市东城区', remark: '申请人现场提交纸质材料，已核对原件' },
            materials: [
              { materialId: 'id-card', provided: 'original', attachments: [] },
              { materialId: 'application-form', provided: 'original', attachments: [] },
            ],
            intakeHallId: p.intake,
            homeHallId: p.home,
            deliveryHallId: p.intake,
            queryCode: String(100_000 + (p.i % 900_000)),
          }, clerk(p.intake));
        },
        d,
      );
    }
    let events = await phase('intake', intake.map, log);

    // 2. Review starts at the home hall; notes from the intake hall; withdrawals.
    const review = work();
    for (const p of plans) {
      if (reached(p.stage, 'review')) review.add(p.home, (d) => event(d, 'case.review_started', p, {}, reviewer(p.home)));
      if (p.stage === 'withdrawn') review.add(p.intake, (d) => event(d, 'case.withdrawn', p, { reason: '申请人主动撤回申请' }, clerk(p.intake)));
      if (p.stage === 'received' || p.stage === 'in_review' || (p.i % 2 === 1 && STAGES.indexOf(p.stage) < 13)) {
        review.add(p.intake, (d) => event(d, 'case.note_added', p, { text: '已电话联系申请人，告知办理进度' }, clerk(p.intake)));
      }
    }
    events += await phase('review', review.map, log);

    // 3. Decisions at the home hall.
    const decide = work();
    for (const p of plans) {
      if (reached(p.stage, 'approved')) decide.add(p.home, (d) => event(d, 'case.approved', p, { note: '材料齐全，符合条件' }, reviewer(p.home)));
      else if (p.stage === 'rejected') decide.add(p.home, (d) => event(d, 'case.rejected', p, { reason: '申请人不符合办理条件', legalBasis: '《中华人民共和国行政许可法》第三十八条' }, reviewer(p.home)));
      else if (p.stage === 'needs_correction' || p.stage === 'corrected') decide.add(p.home, (d) => event(d, 'case.correction_requested', p, { reasons: ['身份证复印件不清晰，请补交'], materialIds: ['id-card'] }, reviewer(p.home)));
    }
    events += await phase('decisions', decide.map, log);

    // The hub signed a certificate on each approval: printing and handing over name it.
    const certs = new Map<string, string>();
    const sqlite = new SQLite(`${dataDir}/hub.sqlite`, { readonly: true });
    for (const r of sqlite.prepare('select case_id, certificate_id from certificates').all() as { case_id: string; certificate_id: string }[]) certs.set(r.case_id, r.certificate_id);
    sqlite.close();
    events += plans.filter((p) => certs.has(p.caseId)).length;

    // 4. Corrections submitted, certificates printed at the delivery hall.
    const print = work();
    for (const p of plans) {
      if (p.stage === 'corrected') print.add(p.intake, (d) => event(d, 'case.correction_submitted', p, { changes: {}, materials: [{ materialId: 'id-card', provided: 'original', attachments: [] }] }, clerk(p.intake)));
      if (reached(p.stage, 'printed')) print.add(p.intake, (d) => event(d, 'case.printed', p, { certificateId: certs.get(p.caseId)!, copies: 1 }, clerk(p.intake)));
    }
    events += await phase('corrections and printing', print.map, log);

    // 5. Handed over to the holder.
    const deliver = work();
    for (const p of plans) {
      if (reached(p.stage, 'delivered')) deliver.add(p.intake, (d) => event(d, 'case.delivered', p, { certificateId: certs.get(p.caseId)!, recipient: { name: p.applicant.name, idNumber: p.applicant.idNumber } }, clerk(p.intake)));
    }
    events += await phase('handing over', deliver.map, log);

    return { cases, events, seconds: Math.round((performance.now() - t0) / 1000) };
  } finally {
    for (const d of [...devices.values()].flat()) d.close();
    await store.close();
  }
}
