// Eight cross-region cases in every state across the four halls, pushed to the real hub over
// socket.io by test devices of each hall (the wire contract, as any counter would), with their
// events dated between 2026-10-12 and 2026-11-19 so the supervision test can state by hand what the
// dashboard must count for that period, whatever other tests put on the same hub today.
import type { Event } from '../../shared/protocol/events';
import { TestDevice } from '../support/device';
import { hub, newCode } from './support';

export const PERIOD = { from: '2026-10-01', to: '2026-11-20' };

/** Beijing 10:00 (+ minutes) on a day, as the event's UTC time. */
const at = (day: string, minutes = 0) => new Date(Date.parse(`${day}T02:00:00.000Z`) + minutes * 60_000).toISOString();

export interface PushedCase {
  caseId: string;
  caseNo: string;
}

export type Fixture = Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H', PushedCase>;

interface Hall {
  device: TestDevice;
  clerk: string;
  reviewer: string;
}

async function hall(hallId: string): Promise<Hall> {
  const { url, password } = hub();
  const device = await TestDevice.enroll(url, newCode(hallId), `${hallId} 督查测试设备`);
  const id = hallId.toLowerCase();
  const clerk = (await device.login(`${id}-clerk`, password)).staff.staffId;
  const reviewer = (await device.login(`${id}-reviewer`, password)).staff.staffId;
  await device.connect();
  return { device, clerk, reviewer };
}

async function push(h: Hall, events: Event[]): Promise<void> {
  const r = await h.device.push(events);
  const bad = r.results.filter((x) => x.status !== 'accepted');
  if (r.error || bad.length) throw new Error(`push refused: ${JSON.stringify(r.error ?? bad)}`);
}

const dated = (e: Event, when: string): Event => ({ ...e, at: when });

export async function pushFixture(): Promise<Fixture> {
  const halls = { TJ: await hall('TJ'), BJ: await hall('BJ'), SJZ: await hall('SJZ'), XA: await hall('XA') };
  try {
    const receive = async (intake: keyof typeof halls, itemCode: string, homeHallId: string, day: string): Promise<PushedCase> => {
      const h = halls[intake];
      const e = dated(h.device.received(h.clerk, { itemCode, homeHallId }), at(day));
      await push(h, [e]);
      return { caseId: e.caseId, caseNo: e.type === 'case.received' ? e.payload.caseNo : '' };
    };
    const ev = <T extends Event['type']>(h: Hall, type: T, c: PushedCase, payload: Extract<Event, { type: T }>['payload'], when: string, staff = h.clerk) =>
      dated(h.device.event(type, c.caseId, payload as never, staff), when);
    const approve = (home: Hall, c: PushedCase, day: string) =>
      push(home, [ev(home, 'case.review_started', c, {}, at(day), home.reviewer), ev(home, 'case.approved', c, { note: '' }, at(day, 5), home.reviewer)]);
    /** Prints and hands over at the delivery hall, with the certificate the hub issued on approval. */
    const deliver = async (desk: Hall, c: PushedCase, day: string) => {
      const issued = (await desk.device.pullAll()).events.find((e) => e.type === 'certificate.issued' && e.caseId === c.caseId);
      if (issued?.type !== 'certificate.issued') throw new Error(`no certificate for ${c.caseNo}`);
      const certificateId = issued.payload.certificate.certificateId;
      await push(desk, [
        ev(desk, 'case.printed', c, { certificateId, copies: 1 }, at(day, 60)),
        ev(desk, 'case.delivered', c, { certificateId, recipient: { name: '李静', idNumber: '11010519491231002X' } }, at(day, 65)),
      ]);
    };
    const rate = (h: Hall, c: PushedCase, stage: 'receipt' | 'handover', level: 'very_satisfied' | 'satisfied' | 'dissatisfied', when: string, rectifyBy?: string) =>
      push(h, [ev(h, 'rating.submitted', c, { ratingId: crypto.randomUUID(), stage, level, comment: level === 'dissatisfied' ? '等候时间太长' : '', ...(rectifyBy ? { rectifyBy } : {}) }, when)]);
    const { TJ, BJ, SJZ } = halls;

    // A: Tianjin takes a Beijing item on Mon 11-02, approved 11-03, handed over 11-04: 2 working days.
    const A = await receive('TJ', 'GG00408001-BJ', 'BJ', '2026-11-02');
    await rate(TJ, A, 'receipt', 'very_satisfied', at('2026-11-02', 30));
    await approve(BJ, A, '2026-11-03');
    await deliver(TJ, A, '2026-11-04');
    // B: the same, 11-09 → 11-13: 4 working days; the handover rated 不满意 (rectify by 11-20).
    const B = await receive('TJ', 'GG00408001-BJ', 'BJ', '2026-11-09');
    await approve(BJ, B, '2026-11-10');
    await deliver(TJ, B, '2026-11-13');
    await rate(TJ, B, 'handover', 'dissatisfied', at('2026-11-13', 70), '2026-11-20');
    // C: Shijiazhuang takes a Tianjin item, 11-16 → 11-19: 3 working days; handover rated 满意.
    const C = await receive('SJZ', 'XK00101002-TJ', 'TJ', '2026-11-16');
    await approve(TJ, C, '2026-11-17');
    await deliver(SJZ, C, '2026-11-19');
    await rate(SJZ, C, 'handover', 'satisfied', at('2026-11-19', 70));
    // D: Beijing takes a Tianjin item (3 days) on 10-12, in review since 10-13: due 10-15, overdue.
    const D = await receive('BJ', 'XK00101002-TJ', 'TJ', '2026-10-12');
    await push(TJ, [ev(TJ, 'case.review_started', D, {}, at('2026-10-13'), TJ.reviewer)]);
    // E: Tianjin takes a Beijing item (1 day) on 10-20, never reviewed: due 10-21, overdue.
    const E = await receive('TJ', 'GG00408001-BJ', 'BJ', '2026-10-20');
    // F: Xiong'an takes a Hebei item (3 days) on Mon 11-16; 11-17 counted, correction asked 11-18:
    // the clock stopped with 2 days left, at risk (and never overdue while it waits).
    const F = await receive('XA', 'JF00201001-SJZ', 'SJZ', '2026-11-16');
    await push(SJZ, [
      ev(SJZ, 'case.review_started', F, {}, at('2026-11-16', 60), SJZ.reviewer),
      ev(SJZ, 'case.correction_requested', F, { reasons: ['缺少失业证明'], materialIds: [] }, at('2026-11-18'), SJZ.reviewer),
    ]);
    // G: Beijing takes a Tianjin item on 11-03, refused 11-05.
    const G = await receive('BJ', 'XK00101002-TJ', 'TJ', '2026-11-03');
    await push(TJ, [
      ev(TJ, 'case.review_started', G, {}, at('2026-11-04'), TJ.reviewer),
      ev(TJ, 'case.rejected', G, { reason: '不符合变更注册条件', legalBasis: '《护士条例》第九条' }, at('2026-11-05'), TJ.reviewer),
    ]);
    // H: Tianjin takes a Beijing item on 11-05, withdrawn the same day.
    const H = await receive('TJ', 'GG00408001-BJ', 'BJ', '2026-11-05');
    await push(TJ, [ev(TJ, 'case.withdrawn', H, { reason: '申请人主动撤回' }, at('2026-11-05', 60))]);
    return { A, B, C, D, E, F, G, H };
  } finally {
    for (const h of Object.values(halls)) h.device.close();
  }
}

/** Pushes a Beijing reviewer's approval of a case, for a test whose clerk then prints and hands over. */
export async function approveAsBeijing(caseId: string): Promise<void> {
  const bj = await hall('BJ');
  try {
    await push(bj, [bj.device.event('case.review_started', caseId, {}, bj.reviewer), bj.device.event('case.approved', caseId, { note: '' }, bj.reviewer)]);
  } finally {
    bj.device.close();
  }
}

/** What the hub answers to rating and rectification events the rules refuse, pushed by real counters. */
export async function refusals(f: Fixture): Promise<Record<string, { code: string; message: string } | string>> {
  const tj = await hall('TJ');
  const bj = await hall('BJ');
  try {
    const answer = async (h: Hall, e: Event) => {
      const r = (await h.device.push([e])).results[0]!;
      return r.status === 'rejected' ? { code: r.reason!.code, message: r.reason!.message } : r.status;
    };
    const rating = (stage: 'receipt' | 'handover', level: 'satisfied' | 'very_dissatisfied') => ({ ratingId: crypto.randomUUID(), stage, level, comment: '' });
    return {
      // Tianjin is C's home hall, not where the applicant was served (Shijiazhuang took and delivered it).
      notServedHere: await answer(tj, tj.device.event('rating.submitted', f.C.caseId, rating('receipt', 'satisfied'), tj.clerk)),
      handoverBeforeDelivery: await answer(bj, bj.device.event('rating.submitted', f.D.caseId, rating('handover', 'satisfied'), bj.clerk)),
      badWithoutDeadline: await answer(tj, tj.device.event('rating.submitted', f.E.caseId, rating('receipt', 'very_dissatisfied'), tj.clerk)),
      // Only a supervisor closes a rectification: the role is refused before any item is looked at.
      clerkCloses: await answer(tj, tj.device.event('rectification.closed', f.B.caseId, { rectificationId: crypto.randomUUID(), comment: '' }, tj.clerk)),
    };
  } finally {
    tj.device.close();
    bj.device.close();
  }
}
