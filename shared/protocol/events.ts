// The case events of the wire contract (PROTOCOL.md, "Event types (v1)"): zod schemas and types.
// Objects are strict: a key the contract does not name is refused, never silently dropped; the
// contract grows by adding optional fields here, hub first.
import { z } from 'zod';
import { DeviceCode, DeviceId, HallId, IsoTime, Sha256Hex, Uuid } from './primitives';

/** Attachments larger than this are refused by the hub (BLOB_TOO_LARGE). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export const ID_TYPES = ['resident', 'uscc', 'passport', 'hk_macao_permit', 'taiwan_permit', 'foreign_permanent'] as const;
export const IdType = z.enum(ID_TYPES);
export type IdType = z.infer<typeof IdType>;

export const ID_TYPE_LABELS: Record<IdType, string> = {
  resident: '居民身份证',
  uscc: '统一社会信用代码',
  passport: '护照',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreign_permanent: '外国人永久居留身份证',
};

const Text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字符`);

export const Applicant = z.strictObject({
  kind: z.enum(['person', 'enterprise']),
  name: Text(100),
  idType: IdType,
  idNumber: z.string().trim().min(1).max(40),
  phone: z.string().trim().max(20).default(''),
});
export type Applicant = z.infer<typeof Applicant>;

export const Attachment = z.strictObject({
  sha256: Sha256Hex,
  name: Text(200),
  mime: z.string().min(1).max(100),
  size: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES),
});
export type Attachment = z.infer<typeof Attachment>;

export const PROVIDED = ['original', 'copy', 'electronic', 'missing'] as const;
export const Provided = z.enum(PROVIDED);
export type Provided = z.infer<typeof Provided>;
export const PROVIDED_LABELS: Record<Provided, string> = {
  original: '原件',
  copy: '复印件',
  electronic: '电子件',
  missing: '缺',
};

export const MaterialEntry = z.strictObject({
  materialId: z.string().min(1).max(64),
  provided: Provided,
  attachments: z.array(Attachment).max(50).default([]),
});
export type MaterialEntry = z.infer<typeof MaterialEntry>;

export const FormValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);
export type FormValue = z.infer<typeof FormValue>;
const FormValues = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), FormValue);

/**
 * What case.updated and case.correction_submitted may change: the applicant's details, the form,
 * and where the applicant collects the result (a hall that becomes involved receives the case).
 */
export const CHANGE_KEY = /^(applicant\.(name|phone|idType|idNumber)|form\.[A-Za-z][A-Za-z0-9_]{0,63}|deliveryHallId)$/;
const Changes = z.record(z.string().regex(CHANGE_KEY, '只能修改申请人信息、表单字段或领取地点'), FormValue);

export const QueryCode = z.string().regex(/^\d{6}$/, '查询码应为 6 位数字');

export const CaseReceived = z.strictObject({
  caseNo: z.string().min(1).max(40),
  itemCode: z.string().min(1).max(64),
  itemName: z.string().max(200).optional(),
  promisedDays: z.number().int().min(0).max(365).optional(),
  applicant: Applicant,
  form: FormValues.default({}),
  materials: z.array(MaterialEntry).max(100),
  intakeHallId: HallId,
  homeHallId: HallId,
  deliveryHallId: HallId,
  queryCode: QueryCode,
});

export const CaseUpdated = z.strictObject({ changes: Changes });
export const CaseReviewStarted = z.strictObject({});
export const CaseCorrectionRequested = z.strictObject({
  reasons: z.array(Text(500)).min(1, '至少写明一条补正理由').max(50),
  materialIds: z.array(z.string().min(1).max(64)).max(100).default([]),
});
export const CaseCorrectionSubmitted = z.strictObject({
  changes: Changes.default({}),
  materials: z.array(MaterialEntry).max(100).default([]),
});
export const CaseApproved = z.strictObject({ note: z.string().max(2000).default('') });
export const CaseRejected = z.strictObject({ reason: Text(2000), legalBasis: Text(500) });

export const Certificate = z.strictObject({
  certificateId: Uuid,
  caseId: Uuid,
  caseNo: z.string().min(1).max(40),
  itemCode: z.string().min(1).max(64),
  name: z.string().max(200).optional(),
  holder: z.strictObject({ name: Text(100), idNumber: z.string().min(1).max(40) }),
  authority: Text(200),
  issuedAt: IsoTime,
  validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  fields: z.record(z.string(), FormValue).default({}),
});
export type Certificate = z.infer<typeof Certificate>;

export const CertificateIssued = z.strictObject({
  certificate: Certificate,
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'Ed25519 签名应为 64 字节 base64url'),
  keyId: z.string().min(1).max(100),
});
export const CasePrinted = z.strictObject({
  certificateId: Uuid,
  copies: z.number().int().min(1).max(20),
  /** Required for a reprint: why the certificate is printed again. */
  reason: z.string().max(500).optional(),
});
export const CaseDelivered = z.strictObject({
  certificateId: Uuid,
  recipient: z.strictObject({ name: Text(100), idNumber: z.string().min(1).max(40) }),
  /** When the recipient is not the holder: the authorization that was checked. */
  authorization: z.string().max(500).optional(),
});
export const CaseWithdrawn = z.strictObject({ reason: Text(500) });
export const CaseNoteAdded = z.strictObject({ text: Text(2000) });

// Video consultation (视频会商), contract v1 additive types (docs/protocol-extensions.md). The
// caller's counter records the call: its hall is involved in the case, the callee's may not be.
export const ConsultParticipant = z.strictObject({
  staffId: z.string().min(1).max(64),
  name: Text(100),
  hallId: HallId,
  deviceCode: DeviceCode,
});
export type ConsultParticipant = z.infer<typeof ConsultParticipant>;
export const CONSULT_OUTCOMES = ['completed', 'dropped', 'missed', 'declined'] as const;
export type ConsultOutcome = (typeof CONSULT_OUTCOMES)[number];
export const ConsultStarted = z.strictObject({
  consultId: Uuid,
  caller: ConsultParticipant,
  callee: ConsultParticipant,
  startedAt: IsoTime,
  /** Video may be recorded only when the hub's admin setting AND the applicant's consent allow it. */
  recording: z.strictObject({ allowed: z.boolean(), consent: z.boolean() }),
});
export const ConsultEnded = z.strictObject({
  consultId: Uuid,
  outcome: z.enum(CONSULT_OUTCOMES),
  participants: z.array(ConsultParticipant).min(1).max(2),
  halls: z.array(HallId).min(1).max(2),
  startedAt: IsoTime.optional(),
  endedAt: IsoTime,
  durationSec: z.number().int().min(0).max(86_400),
  notes: z.string().max(2000).default(''),
});

// Service ratings (好差评), their rectification, and supervision flags (督办): contract v1 additive
// types (docs/protocol-extensions.md). The applicant rates at the counter that served them (after
// the receipt, after the handover); a 不满意 or 非常不满意 opens a rectification for that hall with
// the deadline the rating carries; the hall reports what it did; a supervisor closes it or sends it
// back with a new deadline. A supervisor flags a case for the home hall, which answers the flag.
export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const RATING_LABELS: Record<RatingLevel, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basic: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
};
/** The levels that open a rectification (差评). */
export const BAD_RATINGS: ReadonlySet<RatingLevel> = new Set(['dissatisfied', 'very_dissatisfied']);
export const RATING_STAGES = ['receipt', 'handover'] as const;
export type RatingStage = (typeof RATING_STAGES)[number];
export const RATING_STAGE_LABELS: Record<RatingStage, string> = { receipt: '受理', handover: '交付' };
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');

export const RatingSubmitted = z.strictObject({
  ratingId: Uuid,
  stage: z.enum(RATING_STAGES),
  level: z.enum(RATING_LEVELS),
  comment: z.string().trim().max(500, '评价意见不能超过 500 个字符').default(''),
  /** A bad rating's rectification deadline (Beijing day); absent for the other levels. */
  rectifyBy: IsoDay.optional(),
});
/** A rectification's id is the id of the rating that opened it. */
export const RectificationReported = z.strictObject({ rectificationId: Uuid, action: Text(2000) });
export const RectificationClosed = z.strictObject({ rectificationId: Uuid, comment: z.string().trim().max(2000).default('') });
export const RectificationReturned = z.strictObject({ rectificationId: Uuid, reason: Text(2000), rectifyBy: IsoDay });
export const SupervisionFlagged = z.strictObject({ flagId: Uuid, reason: Text(1000) });
export const SupervisionAnswered = z.strictObject({ flagId: Uuid, reply: Text(2000) });

export const EVENT_PAYLOADS = {
  'case.received': CaseReceived,
  'case.updated': CaseUpdated,
  'case.review_started': CaseReviewStarted,
  'case.correction_requested': CaseCorrectionRequested,
  'case.correction_submitted': CaseCorrectionSubmitted,
  'case.approved': CaseApproved,
  'case.rejected': CaseRejected,
  'certificate.issued': CertificateIssued,
  'case.printed': CasePrinted,
  'case.delivered': CaseDelivered,
  'case.withdrawn': CaseWithdrawn,
  'case.note_added': CaseNoteAdded,
  'consult.started': ConsultStarted,
  'consult.ended': ConsultEnded,
  'rating.submitted': RatingSubmitted,
  'rectification.reported': RectificationReported,
  'rectification.closed': RectificationClosed,
  'rectification.returned': RectificationReturned,
  'supervision.flagged': SupervisionFlagged,
  'supervision.answered': SupervisionAnswered,
} as const;

export type EventType = keyof typeof EVENT_PAYLOADS;
export const EVENT_TYPES = Object.keys(EVENT_PAYLOADS) as EventType[];
export type PayloadOf<T extends EventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;

export const EVENT_LABELS: Record<EventType, string> = {
  'case.received': '受理',
  'case.updated': '修改信息',
  'case.review_started': '开始审核',
  'case.correction_requested': '要求补正',
  'case.correction_submitted': '提交补正',
  'case.approved': '审核通过',
  'case.rejected': '不予办理',
  'certificate.issued': '签发证照',
  'case.printed': '打印证照',
  'case.delivered': '交付证照',
  'case.withdrawn': '撤回申请',
  'case.note_added': '添加备注',
  'consult.started': '视频会商开始',
  'consult.ended': '视频会商结束',
  'rating.submitted': '服务评价',
  'rectification.reported': '登记整改情况',
  'rectification.closed': '整改办结',
  'rectification.returned': '整改退回',
  'supervision.flagged': '督办',
  'supervision.answered': '答复督办',
};

export const Actor = z.strictObject({ staffId: z.string().min(1).max(64), hallId: HallId });
export type Actor = z.infer<typeof Actor>;

/** The envelope every event shares; `id`, `deviceId` and `deviceSeq` identify it for replays. */
export const EventEnvelope = z.strictObject({
  id: Uuid,
  deviceId: DeviceId,
  deviceSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  caseId: Uuid,
  type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]),
  payload: z.record(z.string(), z.unknown()),
  actor: Actor,
  at: IsoTime,
});

const variant = <T extends EventType>(type: T) =>
  EventEnvelope.extend({ type: z.literal(type), payload: EVENT_PAYLOADS[type] });

const variants = <S extends Record<string, z.ZodType>>(extra: S) =>
  [
    variant('case.received').extend(extra),
    variant('case.updated').extend(extra),
    variant('case.review_started').extend(extra),
    variant('case.correction_requested').extend(extra),
    variant('case.correction_submitted').extend(extra),
    variant('case.approved').extend(extra),
    variant('case.rejected').extend(extra),
    variant('certificate.issued').extend(extra),
    variant('case.printed').extend(extra),
    variant('case.delivered').extend(extra),
    variant('case.withdrawn').extend(extra),
    variant('case.note_added').extend(extra),
    variant('consult.started').extend(extra),
    variant('consult.ended').extend(extra),
    variant('rating.submitted').extend(extra),
    variant('rectification.reported').extend(extra),
    variant('rectification.closed').extend(extra),
    variant('rectification.returned').extend(extra),
    variant('supervision.flagged').extend(extra),
    variant('supervision.answered').extend(extra),
  ] as const;

export const Event = z.discriminatedUnion('type', variants({}));
export type Event = z.infer<typeof Event>;
export type EventOf<T extends EventType> = Extract<Event, { type: T }>;

/** An event as the hub stored it: its place in the global order and when it arrived. */
export const StoredEvent = z.discriminatedUnion(
  'type',
  variants({ hubSeq: z.number().int().min(1), receivedAt: IsoTime }),
);
export type StoredEvent = Event & { hubSeq: number; receivedAt: string };

/** The identity of an event as far as it can be read, for answering even a malformed one. */
export const EventIdentity = z.object({
  id: Uuid,
  deviceId: DeviceId,
  deviceSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});
