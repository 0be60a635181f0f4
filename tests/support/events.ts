// Builders for well-formed events, for tests across the tree.
import { v7 as uuidv7 } from 'uuid';
import type { Event, EventType, PayloadOf } from '../../shared/protocol/events';

export const HALLS = { intakeHallId: 'TJ', homeHallId: 'BJ', deliveryHallId: 'TJ' } as const;

export const receivedPayload = (over: Partial<PayloadOf<'case.received'>> = {}): PayloadOf<'case.received'> => ({
  caseNo: 'TJ03A-20261125-0001X',
  itemCode: 'BJ-XK-0001',
  itemName: '护士执业注册',
  promisedDays: 5,
  applicant: { kind: 'person', name: '李静', idType: 'resident', idNumber: '11010519491231002X', phone: '13800138000' },
  form: { school: '天津医科大学' },
  materials: [
    { materialId: 'idcard', provided: 'original', attachments: [] },
    { materialId: 'diploma', provided: 'copy', attachments: [] },
  ],
  ...HALLS,
  queryCode: '123456',
  ...over,
});

let clock = Date.parse('2026-11-25T01:00:00.000Z');
export const tick = (): string => new Date((clock += 60_000)).toISOString();

export function makeEvent<T extends EventType>(
  type: T,
  payload: PayloadOf<T>,
  opts: { caseId: string; deviceId?: string; deviceSeq?: number; staffId?: string; hallId?: string; at?: string },
): Event {
  return {
    id: uuidv7(),
    deviceId: opts.deviceId ?? '0193b1c2-0000-7000-8000-000000000001',
    deviceSeq: opts.deviceSeq ?? 1,
    caseId: opts.caseId,
    type,
    payload,
    actor: { staffId: opts.staffId ?? 'tj-clerk', hallId: opts.hallId ?? 'TJ' },
    at: opts.at ?? tick(),
  } as Event;
}

export const CERT_ID = '0193b1c2-0000-7000-8000-0000000000c1';
export const CONSULT_ID = '0193b1c2-0000-7000-8000-0000000000c2';
/** The two sides of a sample video consultation: the caller is makeEvent's default actor. */
export const CALLER = { staffId: 'tj-clerk', name: '李静', hallId: 'TJ', deviceCode: 'TJ03A' };
export const CALLEE = { staffId: 'bj-reviewer', name: '王芳', hallId: 'BJ', deviceCode: 'BJ01A' };
export const RATING_ID = '0193b1c2-0000-7000-8000-0000000000c3';
export const FLAG_ID = '0193b1c2-0000-7000-8000-0000000000c4';

/** A minimal valid payload for each event type, for exhaustive tables. */
export function samplePayload(type: EventType, caseId: string): Record<string, unknown> {
  switch (type) {
    case 'case.received':
      return receivedPayload();
    case 'case.updated':
      return { changes: { 'applicant.phone': '13900139000' } };
    case 'case.review_started':
      return {};
    case 'case.correction_requested':
      return { reasons: ['学历证明复印件不清晰'], materialIds: ['diploma'] };
    case 'case.correction_submitted':
      return { changes: {}, materials: [{ materialId: 'diploma', provided: 'original', attachments: [] }] };
    case 'case.approved':
      return { note: '材料齐全' };
    case 'case.rejected':
      return { reason: '不符合注册条件', legalBasis: '《护士条例》第七条' };
    case 'certificate.issued':
      return {
        certificate: {
          certificateId: CERT_ID,
          caseId,
          caseNo: 'TJ03A-20261125-0001X',
          itemCode: 'BJ-XK-0001',
          holder: { name: '李静', idNumber: '11010519491231002X' },
          authority: '北京市卫生健康委员会',
          issuedAt: '2026-11-26T02:00:00.000Z',
          fields: {},
        },
        signature: 'A'.repeat(86),
        keyId: 'BJ-2026-1',
      };
    case 'case.printed':
      return { certificateId: CERT_ID, copies: 1, reason: '首次打印' };
    case 'case.delivered':
      return { certificateId: CERT_ID, recipient: { name: '李静', idNumber: '11010519491231002X' } };
    case 'case.withdrawn':
      return { reason: '申请人主动撤回' };
    case 'case.note_added':
      return { text: '申请人来电询问进度' };
    case 'consult.started':
      return { consultId: CONSULT_ID, caller: CALLER, callee: CALLEE, startedAt: '2026-11-25T03:00:00.000Z', recording: { allowed: false, consent: false } };
    case 'consult.ended':
      return {
        consultId: CONSULT_ID,
        outcome: 'completed',
        participants: [CALLER, CALLEE],
        halls: ['TJ', 'BJ'],
        startedAt: '2026-11-25T03:00:00.000Z',
        endedAt: '2026-11-25T03:12:30.000Z',
        durationSec: 750,
        notes: '北京确认学历证明可用复印件',
      };
    // A good rating at the intake hall (makeEvent's default actor); a rectification and a flag's
    // answer name items the sample case does not have, so the projection refuses them there.
    case 'rating.submitted':
      return { ratingId: RATING_ID, stage: 'receipt', level: 'satisfied', comment: '' };
    case 'rectification.reported':
      return { rectificationId: RATING_ID, action: '已对窗口人员进行业务培训，并向申请人致歉' };
    case 'rectification.closed':
      return { rectificationId: RATING_ID, comment: '整改到位' };
    case 'rectification.returned':
      return { rectificationId: RATING_ID, reason: '未说明回访情况', rectifyBy: '2026-12-02' };
    case 'supervision.flagged':
      return { flagId: FLAG_ID, reason: '临近承诺期限，请主管厅优先审核' };
    case 'supervision.answered':
      return { flagId: FLAG_ID, reply: '已安排专人审核，今日办结' };
  }
}
