// The calls of one hub process: which counters may take calls (a staff member is logged in), who
// rings, who answered first, the ring timeout, and relaying signals between the two parties.
// Pure of socket.io: it speaks through `send`, so the rules are tested without a network.
import type {
  CaseRef,
  ConsultError,
  ConsultErrorCode,
  DialRequest,
  EndReason,
  SignalMessage,
} from '../../shared/consult/messages';
import { mayConsult } from '../../shared/consult/messages';
import { hallName } from '../../shared/halls';
import type { ConsultParticipant } from '../../shared/protocol/events';
import type { Staff } from '../../shared/protocol/wire';

export interface CounterInfo {
  deviceId: string;
  deviceCode: string;
  hallId: string;
}

interface Counter extends CounterInfo {
  socketId: string;
  staff: Staff | null;
  /** The call this counter is in (as caller or callee): it is busy and rings for nothing else. */
  callId: string | null;
}

interface Call {
  id: string;
  caller: { socketId: string; participant: ConsultParticipant };
  calleeHallId: string;
  case?: CaseRef | undefined;
  consent: boolean;
  expiresAt: number;
  ringing: Set<string>;
  declined: Set<string>;
  callee?: { socketId: string; participant: ConsultParticipant };
  startedAt?: string;
  timer: ReturnType<typeof setTimeout> | null;
}

export type Send = (socketId: string, event: string, payload: unknown) => void;
export type CallOutcome = 'completed' | 'dropped' | 'missed' | 'declined' | 'cancelled' | 'failed';
export type Result<T> = ({ ok: true } & T) | { ok: false; error: ConsultError };

const no = (code: ConsultErrorCode, message: string): { ok: false; error: ConsultError } => ({
  ok: false,
  error: { code, message },
});

/** The other party's connection, or null when this one is not a party of the answered call. */
function peerOf(call: Call, socketId: string): string | null {
  if (call.caller.socketId === socketId) return call.callee?.socketId ?? null;
  if (call.callee?.socketId === socketId) return call.caller.socketId;
  return null;
}

export class Calls {
  private counters = new Map<string, Counter>();
  private calls = new Map<string, Call>();

  constructor(
    private readonly send: Send,
    private readonly now: () => number,
    private readonly ringMs: number,
    /** Told when a call ends, for metrics and logs. */
    private readonly onEnd: (
      outcome: CallOutcome,
      call: { id: string; callerHall: string; calleeHall: string },
    ) => void = () => undefined,
  ) {}

  connect(socketId: string, info: CounterInfo): void {
    this.counters.set(socketId, { ...info, socketId, staff: null, callId: null });
  }

  /** Who is logged in at the counter; a counter that may take calls joins calls ringing its hall. */
  presence(socketId: string, staff: Staff | null): Result<{ available: boolean }> {
    const counter = this.counters.get(socketId);
    if (!counter) return no('INTERNAL', '连接已断开');
    if (staff && !mayConsult(staff.roles)) return no('FORBIDDEN', '您的岗位不参与视频会商');
    counter.staff = staff;
    if (!staff) {
      this.leaveRings(counter, 'cancelled');
      return { ok: true, available: false };
    }
    for (const call of this.calls.values()) {
      if (
        !call.callee &&
        call.calleeHallId === staff.hallId &&
        !call.ringing.has(socketId) &&
        !call.declined.has(socketId) &&
        !counter.callId
      ) {
        call.ringing.add(socketId);
        this.ring(call, socketId);
      }
    }
    return { ok: true, available: !counter.callId };
  }

  /** Counters that would ring for a call to this hall now. */
  available(hallId: string, except?: string): Counter[] {
    return [...this.counters.values()].filter(
      (c) => c.staff?.hallId === hallId && !c.callId && c.socketId !== except,
    );
  }

  participant(socketId: string): ConsultParticipant | null {
    const c = this.counters.get(socketId);
    return c?.staff
      ? {
          staffId: c.staff.staffId,
          name: c.staff.name,
          hallId: c.staff.hallId,
          deviceCode: c.deviceCode,
        }
      : null;
  }

  staffOf(socketId: string): Staff | null {
    return this.counters.get(socketId)?.staff ?? null;
  }

  dial(
    socketId: string,
    req: DialRequest,
  ): Result<{ ringing: number; expiresAt: string; secondsLeft: number }> {
    const counter = this.counters.get(socketId);
    const caller = this.participant(socketId);
    if (!counter || !caller) return no('NOT_PRESENT', '本窗口没有登录人员，无法发起会商');
    if (counter.callId) return no('BUSY', '本窗口正在会商中，请先结束当前通话');
    if (this.calls.has(req.consultId)) return no('DUPLICATE_CALL', '该会商编号已被使用');
    if (req.calleeHallId === caller.hallId)
      return no('SAME_HALL', '不能呼叫本厅，请选择其他营业厅');
    const targets = this.available(req.calleeHallId, socketId);
    if (!targets.length)
      return no(
        'NO_ONE_AVAILABLE',
        `${hallName(req.calleeHallId)}目前没有可接听的窗口（无人登录或都在会商中）。请稍后再拨，或改用电话联系。`,
      );
    const call: Call = {
      id: req.consultId,
      caller: { socketId, participant: caller },
      calleeHallId: req.calleeHallId,
      case: req.case,
      consent: req.consent,
      expiresAt: this.now() + this.ringMs,
      ringing: new Set(targets.map((t) => t.socketId)),
      declined: new Set(),
      timer: null,
    };
    call.timer = setTimeout(() => this.miss(call.id), this.ringMs);
    this.calls.set(call.id, call);
    counter.callId = call.id;
    for (const target of call.ringing) this.ring(call, target);
    return {
      ok: true,
      ringing: call.ringing.size,
      expiresAt: new Date(call.expiresAt).toISOString(),
      secondsLeft: this.secondsLeft(call),
    };
  }

  private ring(call: Call, socketId: string): void {
    this.send(socketId, 'ring', {
      consultId: call.id,
      caller: call.caller.participant,
      calleeHallId: call.calleeHallId,
      ...(call.case ? { case: call.case } : {}),
      consent: call.consent,
      expiresAt: new Date(call.expiresAt).toISOString(),
      secondsLeft: this.secondsLeft(call),
    });
  }

  private secondsLeft(call: Call): number {
    return Math.max(0, Math.round((call.expiresAt - this.now()) / 1000));
  }

  private stopRinging(
    call: Call,
    reason: 'answered-elsewhere' | 'cancelled' | 'missed' | 'declined',
    except?: string,
  ): void {
    for (const s of call.ringing)
      if (s !== except) this.send(s, 'ring-stop', { consultId: call.id, reason });
    call.ringing.clear();
  }

  /** Ends a call for good: frees both counters and forgets it. */
  private finish(call: Call, outcome: CallOutcome): void {
    if (call.timer) clearTimeout(call.timer);
    this.calls.delete(call.id);
    for (const s of [call.caller.socketId, call.callee?.socketId]) {
      const c = s ? this.counters.get(s) : undefined;
      if (c?.callId === call.id) c.callId = null;
    }
    this.onEnd(outcome, {
      id: call.id,
      callerHall: call.caller.participant.hallId,
      calleeHall: call.calleeHallId,
    });
  }

  private miss(id: string): void {
    const call = this.calls.get(id);
    if (!call || call.callee) return;
    this.stopRinging(call, 'missed');
    this.send(call.caller.socketId, 'ended', {
      consultId: id,
      reason: 'missed',
      at: new Date(this.now()).toISOString(),
    });
    this.finish(call, 'missed');
  }

  cancel(socketId: string, id: string): Result<object> {
    const call = this.calls.get(id);
    if (!call) return no('CALL_OVER', '该会商已结束');
    if (call.caller.socketId !== socketId) return no('FORBIDDEN', '只有发起方可以取消呼叫');
    if (call.callee) return this.hangup(socketId, id, 'hangup');
    this.stopRinging(call, 'cancelled');
    this.finish(call, 'cancelled');
    return { ok: true };
  }

  answer(
    socketId: string,
    id: string,
  ): Result<{
    caller: ConsultParticipant;
    callee: ConsultParticipant;
    case?: CaseRef;
    consent: boolean;
    startedAt: string;
  }> {
    const call = this.calls.get(id);
    const counter = this.counters.get(socketId);
    const callee = this.participant(socketId);
    if (!call) return no('CALL_OVER', '该呼叫已结束（对方已挂断或无人接听超时）');
    if (call.callee)
      return no(
        'ANSWERED_ELSEWHERE',
        `已由本厅其他窗口（${call.callee.participant.deviceCode}）接听`,
      );
    if (!counter || !callee || !call.ringing.has(socketId))
      return no('FORBIDDEN', '本窗口未被呼叫，不能接听');
    if (counter.callId) return no('BUSY', '本窗口正在会商中，请先结束当前通话');
    if (call.timer) clearTimeout(call.timer);
    call.timer = null;
    call.callee = { socketId, participant: callee };
    call.startedAt = new Date(this.now()).toISOString();
    counter.callId = call.id;
    this.stopRinging(call, 'answered-elsewhere', socketId);
    // A counter that is now busy stops ringing for any other call.
    this.leaveRings(counter, 'answered-elsewhere');
    this.send(call.caller.socketId, 'answered', {
      consultId: id,
      callee,
      startedAt: call.startedAt,
    });
    return {
      ok: true,
      caller: call.caller.participant,
      callee,
      ...(call.case ? { case: call.case } : {}),
      consent: call.consent,
      startedAt: call.startedAt,
    };
  }

  decline(socketId: string, id: string): Result<object> {
    const call = this.calls.get(id);
    if (!call || call.callee) return { ok: true };
    if (!call.ringing.delete(socketId)) return { ok: true };
    call.declined.add(socketId);
    if (call.ringing.size === 0) {
      this.send(call.caller.socketId, 'ended', {
        consultId: id,
        reason: 'declined',
        at: new Date(this.now()).toISOString(),
      });
      this.finish(call, 'declined');
    }
    return { ok: true };
  }

  signal(socketId: string, msg: SignalMessage): Result<object> {
    const call = this.calls.get(msg.consultId);
    if (!call?.callee) return no('CALL_OVER', '该会商已结束');
    const peer = peerOf(call, socketId);
    if (!peer) return no('FORBIDDEN', '本窗口不是该会商的一方');
    this.send(peer, 'signal', msg);
    return { ok: true };
  }

  hangup(
    socketId: string,
    id: string,
    reason: Extract<EndReason, 'hangup' | 'failed' | 'dropped'>,
  ): Result<object> {
    const call = this.calls.get(id);
    if (!call) return { ok: true };
    if (!call.callee)
      return call.caller.socketId === socketId
        ? this.cancel(socketId, id)
        : no('FORBIDDEN', '本窗口不是该会商的一方');
    const peer = peerOf(call, socketId);
    if (!peer) return no('FORBIDDEN', '本窗口不是该会商的一方');
    this.send(peer, 'ended', { consultId: id, reason, at: new Date(this.now()).toISOString() });
    this.finish(call, reason === 'hangup' ? 'completed' : reason);
    return { ok: true };
  }

  private leaveRings(counter: Counter, reason: 'answered-elsewhere' | 'cancelled'): void {
    for (const call of this.calls.values()) {
      if (call.id !== counter.callId && call.ringing.delete(counter.socketId))
        this.send(counter.socketId, 'ring-stop', { consultId: call.id, reason });
    }
  }

  /** A counter's connection is gone: its ringing call is cancelled, its call dropped. */
  disconnect(socketId: string): void {
    const counter = this.counters.get(socketId);
    if (!counter) return;
    for (const call of [...this.calls.values()]) {
      call.ringing.delete(socketId);
      if (call.caller.socketId === socketId || call.callee?.socketId === socketId)
        this.hangup(socketId, call.id, 'dropped');
    }
    this.counters.delete(socketId);
  }

  close(): void {
    for (const call of this.calls.values()) if (call.timer) clearTimeout(call.timer);
    this.calls.clear();
    this.counters.clear();
  }
}
