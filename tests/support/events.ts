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
  }
}
