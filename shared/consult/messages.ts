// Video consultation (视频会商): the signalling on the hub's socket.io namespace /consult and the
// messages on the call's own data channel (docs/protocol-extensions.md). The hub checks every
// message it receives against these schemas; the counter checks what it receives too.
import { z } from 'zod';
import { ConsultParticipant } from '../protocol/events';
import { HallId, IsoTime, Uuid } from '../protocol/primitives';
import type { Role } from '../protocol/primitives';

export const CONSULT_NAMESPACE = '/consult';
/** A call nobody answers within this many seconds ends as missed. */
export const RING_SECONDS = 60;
/** Who may place and take calls: the roles that may also write the record to a case. */
export const CONSULT_ROLES: readonly Role[] = ['clerk', 'reviewer', 'supervisor', 'admin'];

export const mayConsult = (roles: readonly Role[]): boolean =>
  roles.some((r) => CONSULT_ROLES.includes(r));

export const CaseRef = z.strictObject({ caseId: Uuid, caseNo: z.string().min(1).max(40) });
export type CaseRef = z.infer<typeof CaseRef>;

// ---- counter → hub (each with an acknowledgement) --------------------------------------------

/** Who is logged in at this counter (null: nobody, or the screen is locked). */
export const PresenceRequest = z.strictObject({ staffId: z.string().min(1).max(64).nullable() });
export const DialRequest = z.strictObject({
  consultId: Uuid,
  calleeHallId: HallId,
  /** The case the call is about; absent for a call from the hall directory. */
  case: CaseRef.optional(),
  /** The applicant agreed that the call may be recorded (asked by the caller's clerk). */
  consent: z.boolean(),
});
export type DialRequest = z.infer<typeof DialRequest>;
/** cancel (caller, while ringing), answer and decline (callee). */
export const CallRef = z.strictObject({ consultId: Uuid });
export const HangupRequest = z.strictObject({
  consultId: Uuid,
  reason: z.enum(['hangup', 'failed']),
});

export const SessionDescription = z.strictObject({
  type: z.enum(['offer', 'answer']),
  sdp: z.string().max(200_000),
});
export const IceCandidate = z.strictObject({
  candidate: z.string().max(2000),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(255).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});
/** Relayed unchanged to the other party of the call: one description or one candidate. */
export const SignalMessage = z
  .strictObject({
    consultId: Uuid,
    description: SessionDescription.optional(),
    candidate: IceCandidate.optional(),
  })
  .refine(
    (m) => (m.description === undefined) !== (m.candidate === undefined),
    '信令须且只能带一个会话描述或一个候选地址',
  );
export type SignalMessage = z.infer<typeof SignalMessage>;

// ---- hub → counter ----------------------------------------------------------------------------

export const RingMessage = z.strictObject({
  consultId: Uuid,
  caller: ConsultParticipant,
  calleeHallId: HallId,
  case: CaseRef.optional(),
  consent: z.boolean(),
  expiresAt: IsoTime,
  /** Seconds until then, as the hub counts: a counter whose clock is off still counts down right. */
  secondsLeft: z.number().int().min(0),
});
export type RingMessage = z.infer<typeof RingMessage>;
export const RING_STOP_REASONS = ['answered-elsewhere', 'cancelled', 'missed', 'declined'] as const;
export const RingStopMessage = z.strictObject({
  consultId: Uuid,
  reason: z.enum(RING_STOP_REASONS),
});
export type RingStopMessage = z.infer<typeof RingStopMessage>;
export const AnsweredMessage = z.strictObject({
  consultId: Uuid,
  callee: ConsultParticipant,
  startedAt: IsoTime,
});
export type AnsweredMessage = z.infer<typeof AnsweredMessage>;
export const END_REASONS = ['hangup', 'failed', 'dropped', 'missed', 'declined'] as const;
export type EndReason = (typeof END_REASONS)[number];
export const EndedMessage = z.strictObject({
  consultId: Uuid,
  reason: z.enum(END_REASONS),
  at: IsoTime,
});
export type EndedMessage = z.infer<typeof EndedMessage>;

export const IceServer = z.strictObject({
  urls: z.array(z.string().min(1).max(500)).min(1),
  username: z.string().max(200).optional(),
  credential: z.string().max(200).optional(),
});
export type IceServer = z.infer<typeof IceServer>;

// ---- acknowledgements -------------------------------------------------------------------------

export const CONSULT_ERROR_CODES = [
  'INVALID_MESSAGE',
  'NOT_PRESENT',
  'FORBIDDEN',
  'UNKNOWN_HALL',
  'SAME_HALL',
  'UNKNOWN_CASE',
  'NO_ONE_AVAILABLE',
  'BUSY',
  'DUPLICATE_CALL',
  'CALL_OVER',
  'ANSWERED_ELSEWHERE',
  'INTERNAL',
] as const;
export type ConsultErrorCode = (typeof CONSULT_ERROR_CODES)[number];
export const ConsultError = z.strictObject({
  code: z.enum(CONSULT_ERROR_CODES),
  message: z.string(),
});
export type ConsultError = z.infer<typeof ConsultError>;
const failed = z.strictObject({ ok: z.literal(false), error: ConsultError });
const answer = <S extends z.ZodRawShape>(shape: S) =>
  z.discriminatedUnion('ok', [z.strictObject({ ok: z.literal(true), ...shape }), failed]);

export const PresenceAck = answer({ available: z.boolean() });
/** The settings a counter needs for calls: ICE servers (TURN credentials minted for it), the rules. */
export const SettingsAck = answer({
  iceServers: z.array(IceServer),
  iceTransportPolicy: z.enum(['all', 'relay']),
  recordingAllowed: z.boolean(),
  ringSeconds: z.number().int().min(1),
});
export type ConsultSettings = Extract<z.infer<typeof SettingsAck>, { ok: true }>;
export const DirectoryAck = answer({
  halls: z.array(
    z.strictObject({ hallId: HallId, name: z.string(), available: z.number().int().min(0) }),
  ),
});
export type DirectoryHall = Extract<z.infer<typeof DirectoryAck>, { ok: true }>['halls'][number];
export const DialAck = answer({
  ringing: z.number().int().min(1),
  expiresAt: IsoTime,
  secondsLeft: z.number().int().min(0),
});
export const AnswerAck = answer({
  caller: ConsultParticipant,
  callee: ConsultParticipant,
  case: CaseRef.optional(),
  consent: z.boolean(),
  startedAt: IsoTime,
});
export type AnswerAccepted = Extract<z.infer<typeof AnswerAck>, { ok: true }>;
export const PlainAck = answer({});
export type Ack<T> = ({ ok: true } & T) | { ok: false; error: ConsultError };

// ---- the call's data channel (peer to peer) ---------------------------------------------------

/** The case as both sides look at it during the call: data, not a picture of a screen. */
export const CaseSummaryShare = z.strictObject({
  caseNo: z.string().min(1).max(40),
  itemName: z.string().max(200),
  itemCode: z.string().max(64),
  state: z.string().max(40),
  applicant: z.strictObject({
    name: z.string().max(100),
    kind: z.string().max(20),
    idType: z.string().max(40),
    idNumberMasked: z.string().max(40),
  }),
  halls: z.strictObject({
    intake: z.string().max(100),
    home: z.string().max(100),
    delivery: z.string().max(100),
  }),
  receivedAt: IsoTime,
  promisedDays: z.number().int().min(0).max(365).optional(),
  form: z
    .array(z.strictObject({ label: z.string().max(200), value: z.string().max(2000) }))
    .max(100),
  materials: z
    .array(z.strictObject({ name: z.string().max(200), provided: z.string().max(20) }))
    .max(100),
  correction: z.array(z.string().max(500)).max(50).optional(),
});
export type CaseSummaryShare = z.infer<typeof CaseSummaryShare>;

export const ChannelMessage = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('chat'),
    text: z.string().trim().min(1).max(1000),
    at: IsoTime,
  }),
  z.strictObject({ kind: z.literal('summary'), summary: CaseSummaryShare }),
  z.strictObject({ kind: z.literal('summary-stop') }),
]);
export type ChannelMessage = z.infer<typeof ChannelMessage>;
