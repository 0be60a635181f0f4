// What a video consultation leaves in the case's record: the payloads of consult.started and
// consult.ended (written by the caller's counter), the recording rule, and the timeline's words.
import { hallName } from '../halls';
import type { ConsultOutcome, ConsultParticipant, PayloadOf } from '../protocol/events';
import type { EndReason } from './messages';

/**
 * Video may be recorded only when the hub's admin setting allows it AND the applicant consented.
 * This version records nothing either way; the rule is kept in the record so a recorder added
 * later has the answer for every past call.
 */
export function mayRecord(adminAllows: boolean, applicantConsents: boolean): boolean {
  return adminAllows && applicantConsents;
}

export function startedPayload(p: {
  consultId: string;
  caller: ConsultParticipant;
  callee: ConsultParticipant;
  startedAt: string;
  recordingAllowed: boolean;
  consent: boolean;
}): PayloadOf<'consult.started'> {
  return {
    consultId: p.consultId,
    caller: p.caller,
    callee: p.callee,
    startedAt: p.startedAt,
    recording: { allowed: p.recordingAllowed, consent: p.consent },
  };
}

/** How the call ended, for the record: a hang-up after an answer is a completed consultation. */
export function outcomeOf(reason: EndReason, answered: boolean): ConsultOutcome {
  if (!answered) return reason === 'declined' ? 'declined' : 'missed';
  return reason === 'hangup' ? 'completed' : 'dropped';
}

export function endedPayload(p: {
  consultId: string;
  outcome: ConsultOutcome;
  caller: ConsultParticipant;
  callee?: ConsultParticipant | undefined;
  calleeHallId: string;
  startedAt?: string | undefined;
  endedAt: string;
  notes: string;
}): PayloadOf<'consult.ended'> {
  const durationSec = p.startedAt
    ? Math.max(0, Math.round((Date.parse(p.endedAt) - Date.parse(p.startedAt)) / 1000))
    : 0;
  return {
    consultId: p.consultId,
    outcome: p.outcome,
    participants: p.callee ? [p.caller, p.callee] : [p.caller],
    halls: [...new Set([p.caller.hallId, p.calleeHallId])],
    ...(p.startedAt ? { startedAt: p.startedAt } : {}),
    endedAt: p.endedAt,
    durationSec,
    notes: p.notes.trim().slice(0, 2000),
  };
}

export function durationText(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} 小时 ${m} 分`;
  return m > 0 ? `${m} 分 ${s} 秒` : `${s} 秒`;
}

const OUTCOME_TEXT: Record<ConsultOutcome, string> = {
  completed: '通话结束',
  dropped: '连接中断',
  missed: '无人接听',
  declined: '对方拒接',
};

const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** 北京市政务服务中心 王芳（BJ01A） */
export function participantText(p: unknown): string {
  const o = obj(p);
  return `${hallName(str(o.hallId))} ${str(o.name)}${str(o.deviceCode) ? `（${str(o.deviceCode)}）` : ''}`;
}

/** The timeline's line for a consultation event (payloads read defensively: they come from storage). */
export function consultDetail(
  type: 'consult.started' | 'consult.ended',
  payload: Record<string, unknown>,
): string {
  if (type === 'consult.started') {
    const rec = obj(payload.recording);
    const recorded = mayRecord(rec.allowed === true, rec.consent === true);
    return `${participantText(payload.caller)} 与 ${participantText(payload.callee)} 视频会商；${recorded ? '管理员允许且申请人同意录像（本版本不录像）' : '不录像'}`;
  }
  const outcome = str(payload.outcome) as ConsultOutcome;
  const people = (Array.isArray(payload.participants) ? payload.participants : [])
    .map(participantText)
    .join('、');
  const halls = (Array.isArray(payload.halls) ? payload.halls : [])
    .map((h) => hallName(str(h)))
    .join(' ↔ ');
  const seconds = typeof payload.durationSec === 'number' ? payload.durationSec : 0;
  const parts = [
    `${OUTCOME_TEXT[outcome] ?? '已结束'}${outcome === 'completed' || outcome === 'dropped' ? `，时长 ${durationText(seconds)}` : ''}`,
    `营业厅：${halls}`,
    `参与人：${people}`,
  ];
  if (str(payload.notes)) parts.push(`会商记录：${str(payload.notes)}`);
  return parts.join('；');
}
