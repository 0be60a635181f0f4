// An event checked as the hub and the counter both check it: the schema, then the rules a schema
// cannot say (case numbers, identity numbers), each refusal a readable INVALID_EVENT.
import { isIsoDate } from '../calendar/calendar-data';
import { beijingDay } from '../calendar/working-days';
import { parseCaseNumber } from '../case-number';
import type { CaseView } from '../case/projection';
import { validateIdNumber } from '../validators';
import { BAD_RATINGS, Event, IdType } from './events';
import { HallId } from './primitives';
import { hasNul, withoutNul } from './zod-locale';

export type EventCheck = { ok: true; value: Event } | { ok: false; error: { code: 'INVALID_EVENT'; message: string } };

const invalid = (message: string): EventCheck => ({ ok: false, error: { code: 'INVALID_EVENT', message } });

function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The numbers PROTOCOL.md says the hub refuses: resident IDs and credit codes with a bad check. */
function checkIdentity(idType: string, idNumber: string, what: string, today: Date): string | null {
  if (idType !== 'resident' && idType !== 'uscc') return null;
  const r = validateIdNumber(idType, idNumber, { today });
  return r.ok ? null : `${what}：${r.error.message}`;
}

/** Checks the shape and the stand-alone rules of one event. `today` bounds birth dates. */
export function validateEvent(raw: unknown, today: Date = new Date()): EventCheck {
  if (hasNul(raw)) return invalid('事件中含有不允许的空字符（\\u0000），或结构嵌套过深');
  const parsed = Event.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return invalid(withoutNul(first ? `${issuePath(first.path) || '事件'}：${first.message}` : '事件格式错误'));
  }
  const event = parsed.data;
  if (event.type === 'case.received') {
    const p = event.payload;
    const no = parseCaseNumber(p.caseNo);
    if (!no.ok) return invalid(`办件编号：${no.error.message}`);
    if (no.value.caseNo !== p.caseNo) return invalid('办件编号须为规范写法（大写字母，无空格）');
    const id = checkIdentity(p.applicant.idType, p.applicant.idNumber, '申请人证件号码', today);
    if (id) return invalid(id);
  }
  if (event.type === 'certificate.issued') {
    const no = parseCaseNumber(event.payload.certificate.caseNo);
    if (!no.ok) return invalid(`证照办件编号：${no.error.message}`);
  }
  if (event.type === 'case.updated' || event.type === 'case.correction_submitted') {
    const c = event.payload.changes;
    if ('applicant.idNumber' in c !== 'applicant.idType' in c && 'applicant.idType' in c) {
      return invalid('修改证件类型时须同时填写新的证件号码');
    }
    if ('applicant.idType' in c && !IdType.safeParse(c['applicant.idType']).success) {
      return invalid('证件类型无法识别');
    }
    if ('deliveryHallId' in c && !HallId.safeParse(c.deliveryHallId).success) {
      return invalid('领取地点须为营业厅代码');
    }
  }
  if (event.type === 'consult.started' || event.type === 'consult.ended') {
    const caller = event.type === 'consult.started' ? event.payload.caller : event.payload.participants[0];
    if (caller?.staffId !== event.actor.staffId || caller.hallId !== event.actor.hallId) {
      return invalid('视频会商记录须由发起会商的工作人员写入（发起人即经办人）');
    }
  }
  if (event.type === 'rating.submitted' || event.type === 'rectification.returned') {
    const refusal = deadlineRefusal(event);
    if (refusal) return invalid(refusal);
  }
  return { ok: true, value: event };
}

/** A bad rating carries its rectification deadline (a good one none); no deadline before the day it is set. */
function deadlineRefusal(event: Extract<Event, { type: 'rating.submitted' | 'rectification.returned' }>): string | null {
  const by = event.payload.rectifyBy;
  if (event.type === 'rating.submitted') {
    const bad = BAD_RATINGS.has(event.payload.level);
    if (bad && by === undefined) return '不满意、非常不满意的评价须给出整改期限';
    if (!bad && by !== undefined) return '只有不满意、非常不满意的评价才有整改期限';
  }
  if (by === undefined) return null;
  if (!isIsoDate(by)) return `整改期限不是有效日期：${by}`;
  return by < beijingDay(event.at) ? '整改期限不能早于设定当天' : null;
}

/** Rules that need the case as it will be after the event: a changed identity number still valid. */
export function validateAgainstCase(event: Event, next: CaseView, today: Date = new Date()): string | null {
  if (event.type === 'case.updated' || event.type === 'case.correction_submitted') {
    const c = event.payload.changes;
    if ('applicant.idNumber' in c || 'applicant.idType' in c) {
      return checkIdentity(next.applicant.idType, next.applicant.idNumber, '申请人证件号码', today);
    }
  }
  return null;
}
