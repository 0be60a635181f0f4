// The counter's side of video consultation, without React: the line to the hub, the rings of
// this counter, the one call it may be in (dial → ringing → connecting → active → ended), the
// camera and microphone, chat and the shared case summary, and the record the caller writes to
// the case. The screens read `state` and call the methods; every failure ends in words.
import { v7 as uuidv7 } from 'uuid';
import {
  AnswerAck,
  DialAck,
  DirectoryAck,
  PlainAck,
  PresenceAck,
  SettingsAck,
  type AnsweredMessage,
  type CaseRef,
  type CaseSummaryShare,
  type ConsultSettings,
  type DirectoryHall,
  type EndReason,
  type RingMessage,
} from '../../../shared/consult/messages';
import { endedPayload, outcomeOf, startedPayload } from '../../../shared/consult/record';
import type { ConsultParticipant } from '../../../shared/protocol/events';
import type { DeviceSign } from '../../../shared/protocol/device-signature';
import type { Staff } from '../../../shared/protocol/wire';
import type { Result } from '../../../shared/result';
import type { EventDraft } from '../../../shared/sync/engine';
import { t } from '../../i18n';
import { hallLabel } from '../../i18n/labels';
import { ConsultFailure, ConsultSocket, hubOffline, type HubMessages } from './consult-socket';
import { openCallMedia, stopMedia } from './media';
import { mediaErrorMessage } from './words';
import { PeerSession, type PeerFailure } from './peer';

export type Phase = 'preparing' | 'ringing' | 'connecting' | 'active' | 'ended';
/** Why a call ended, as this counter saw it: the hub's reasons, and losing the hub itself. */
export type Ending = EndReason | 'hub-lost';

export interface ChatLine {
  id: number;
  from: 'me' | 'peer';
  text: string;
  at: string;
}

/** Whom to call: a hall, about a case (whose summary the caller may share) or not. */
export interface DialTarget {
  hallId: string;
  case?: { ref: CaseRef; summary: CaseSummaryShare };
}

export interface CallView {
  consultId: string;
  role: 'caller' | 'callee';
  phase: Phase;
  target: DialTarget;
  peer?: ConsultParticipant;
  caseRef?: CaseRef | undefined;
  consent: boolean;
  recordingAllowed: boolean;
  ringing?: number;
  /** When the ringing ends, by this machine's clock (ms). */
  deadline?: number;
  startedAt?: string;
  local?: MediaStream;
  remote?: MediaStream;
  micOn: boolean;
  camOn: boolean;
  channelOpen: boolean;
  chat: ChatLine[];
  shared?: { summary: CaseSummaryShare; by: 'me' | 'peer' };
  notes: string;
  end?: { reason: Ending; message: string; recorded: string | null; canRedial: boolean };
}

/** A ring of this counter, with when it stops by this machine's clock (ms). */
export type IncomingRing = RingMessage & { deadline: number };

export interface ConsultState {
  connected: boolean;
  /** Whether the hub rings this counter (a staff member who takes calls is logged in). */
  available: boolean;
  incoming: IncomingRing[];
  call: CallView | null;
  /** Something to tell the clerk in a dialog (a refused dial, a camera that would not open). */
  problem: string | null;
  /** Something to tell in passing (a ring that another counter answered). */
  notice: string | null;
}

export interface ControllerDeps {
  hubUrl: string;
  deviceId: string;
  deviceCode: string;
  sign: DeviceSign;
  staff: Staff;
  /** The camera and microphone chosen in 设置 ('' = system default). */
  devices: () => Promise<{ cameraId: string; microphoneId: string }>;
  /** Appends an event to the outbox (the sync pushes it). */
  append: (draft: EventDraft) => Promise<Result<unknown>>;
  connectTimeoutMs?: number;
}

/** Who is on the other end, as the screens name them: the hall, and the person once known. */
export const otherSide = (call: Pick<CallView, 'peer' | 'target'>): string =>
  call.peer ? `${hallLabel(call.peer.hallId)} ${call.peer.name}` : hallLabel(call.target.hallId);

export class ConsultController {
  state: ConsultState = {
    connected: false,
    available: false,
    incoming: [],
    call: null,
    problem: null,
    notice: null,
  };
  private listeners = new Set<() => void>();
  private socket: ConsultSocket;
  private peer: PeerSession | null = null;
  private settings: ConsultSettings | null = null;
  private chatSeq = 0;
  /** Calls being answered here: a second press of 接听 while the first is under way does nothing. */
  private answering = new Set<string>();

  constructor(private readonly deps: ControllerDeps) {
    this.socket = new ConsultSocket({
      hubUrl: deps.hubUrl,
      deviceId: deps.deviceId,
      sign: deps.sign,
      onStatus: (connected) => this.onStatus(connected),
      onMessage: (event, msg) => this.onMessage(event, msg),
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<ConsultState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private patchCall(patch: Partial<CallView>): void {
    if (this.state.call) this.set({ call: { ...this.state.call, ...patch } });
  }

  start(): void {
    this.socket.connect();
  }

  stop(): void {
    const call = this.state.call;
    if (call && call.phase !== 'ended') void this.hangup();
    this.socket.send('presence', { staffId: null });
    this.peer?.close();
    stopMedia(call?.local);
    this.socket.close();
  }

  get me(): ConsultParticipant {
    const s = this.deps.staff;
    return { staffId: s.staffId, name: s.name, hallId: s.hallId, deviceCode: this.deps.deviceCode };
  }

  private onStatus(connected: boolean): void {
    this.set({ connected });
    if (connected) {
      void this.socket.request('presence', { staffId: this.deps.staff.staffId }, PresenceAck).then(
        (r) => this.set({ available: r.available }),
        () => this.set({ available: false }),
      );
      return;
    }
    this.set({ available: false, incoming: [] });
    const call = this.state.call;
    // Calls live at the hub: without it the other side is told the call dropped, and so are we.
    if (call && call.phase !== 'ended' && call.phase !== 'preparing')
      this.finish('hub-lost', 'local');
  }

  private onMessage<K extends keyof HubMessages>(event: K, msg: HubMessages[K]): void {
    const call = this.state.call;
    switch (event) {
      case 'ring': {
        const ring = msg as RingMessage;
        if (!this.state.incoming.some((r) => r.consultId === ring.consultId))
          this.set({
            incoming: [
              ...this.state.incoming,
              { ...ring, deadline: Date.now() + ring.secondsLeft * 1000 },
            ],
          });
        break;
      }
      case 'ring-stop': {
        const stop = msg as HubMessages['ring-stop'];
        const ring = this.state.incoming.find((r) => r.consultId === stop.consultId);
        if (!ring) break;
        const who = `${hallLabel(ring.caller.hallId)} ${ring.caller.name}`;
        const notice = {
          'answered-elsewhere': t('consult.ringStop.answeredElsewhere', { who }),
          cancelled: t('consult.ringStop.cancelled', { who }),
          missed: t('consult.ringStop.missed', { who }),
          declined: null,
        }[stop.reason];
        this.set({
          incoming: this.state.incoming.filter((r) => r.consultId !== stop.consultId),
          notice,
        });
        break;
      }
      case 'answered': {
        const a = msg as AnsweredMessage;
        // The answer may overtake the acknowledgement of the dial itself.
        if (
          call?.consultId === a.consultId &&
          (call.phase === 'ringing' || call.phase === 'preparing')
        )
          this.connect(a);
        break;
      }
      case 'ended': {
        const e = msg as HubMessages['ended'];
        if (call?.consultId === e.consultId && call.phase !== 'ended')
          this.finish(e.reason, 'remote');
        break;
      }
      case 'signal': {
        const s = msg as HubMessages['signal'];
        if (call?.consultId === s.consultId) this.peer?.receive(s);
        break;
      }
    }
  }

  dismiss(): void {
    this.set({ problem: null, notice: null });
  }

  async directory(): Promise<DirectoryHall[]> {
    return (await this.socket.request('directory', {}, DirectoryAck)).halls;
  }

  /** Calls a hall. The camera is opened first, so a missing camera is said before anyone rings. */
  async dial(target: DialTarget, consent: boolean): Promise<void> {
    performance.mark('consult:dial');
    if (this.state.call && this.state.call.phase !== 'ended')
      return this.set({ problem: t('consult.inCallDial') });
    if (!this.socket.connected) return this.set({ problem: hubOffline().message });
    const consultId = uuidv7();
    this.set({
      problem: null,
      call: {
        consultId,
        role: 'caller',
        phase: 'preparing',
        target,
        caseRef: target.case?.ref,
        consent,
        recordingAllowed: false,
        micOn: true,
        camOn: true,
        channelOpen: false,
        chat: [],
        notes: '',
      },
    });
    const local = await this.openMedia();
    if (!local) return this.set({ call: null });
    try {
      this.settings = await this.socket.request('settings', {}, SettingsAck);
      if (this.state.call?.consultId !== consultId) return stopMedia(local);
      this.patchCall({ local, recordingAllowed: this.settings.recordingAllowed });
      const r = await this.socket.request(
        'dial',
        {
          consultId,
          calleeHallId: target.hallId,
          consent,
          ...(target.case ? { case: target.case.ref } : {}),
        },
        DialAck,
      );
      if (this.state.call?.consultId === consultId && this.state.call.phase === 'preparing')
        this.patchCall({
          phase: 'ringing',
          ringing: r.ringing,
          deadline: Date.now() + r.secondsLeft * 1000,
        });
    } catch (e) {
      stopMedia(local);
      if (this.state.call?.consultId === consultId)
        this.set({ call: null, problem: e instanceof ConsultFailure ? e.message : String(e) });
    }
  }

  /** Dials the same hall about the same case again, after a call ended. */
  redial(): Promise<void> {
    const call = this.state.call;
    if (!call || call.phase !== 'ended' || call.role !== 'caller') return Promise.resolve();
    this.set({ call: null });
    return this.dial(call.target, call.consent);
  }

  /** The caller gives up before anyone answered: nothing is recorded. */
  async cancel(): Promise<void> {
    const call = this.state.call;
    if (!call || call.role !== 'caller' || (call.phase !== 'ringing' && call.phase !== 'preparing'))
      return;
    this.set({ call: null });
    stopMedia(call.local);
    await this.socket
      .request('cancel', { consultId: call.consultId }, PlainAck)
      .catch(() => undefined);
  }

  async answer(ring: RingMessage): Promise<void> {
    if (this.answering.size > 0) return;
    if (this.state.call && this.state.call.phase !== 'ended')
      return this.set({ problem: t('consult.inCallAnswer') });
    this.answering.add(ring.consultId);
    try {
      await this.pickUp(ring);
    } finally {
      this.answering.delete(ring.consultId);
    }
  }

  private async pickUp(ring: RingMessage): Promise<void> {
    this.set({
      incoming: this.state.incoming.filter((r) => r.consultId !== ring.consultId),
      problem: null,
    });
    const local = await this.openMedia();
    if (!local) {
      // This counter cannot take the call; the other counters of the hall still ring.
      await this.socket
        .request('decline', { consultId: ring.consultId }, PlainAck)
        .catch(() => undefined);
      return;
    }
    try {
      this.settings = await this.socket.request('settings', {}, SettingsAck);
      const a = await this.socket.request('answer', { consultId: ring.consultId }, AnswerAck);
      this.set({
        call: {
          consultId: ring.consultId,
          role: 'callee',
          phase: 'connecting',
          target: { hallId: a.caller.hallId },
          peer: a.caller,
          caseRef: a.case,
          consent: a.consent,
          recordingAllowed: this.settings.recordingAllowed,
          startedAt: a.startedAt,
          local,
          micOn: true,
          camOn: true,
          channelOpen: false,
          chat: [],
          notes: '',
        },
      });
      this.startPeer(true, local);
    } catch (e) {
      stopMedia(local);
      const failure = e instanceof ConsultFailure ? e.error : null;
      if (failure?.code === 'ANSWERED_ELSEWHERE' || failure?.code === 'CALL_OVER')
        this.set({ notice: failure.message });
      else this.set({ problem: e instanceof Error ? e.message : String(e) });
    }
  }

  async decline(ring: RingMessage): Promise<void> {
    this.set({ incoming: this.state.incoming.filter((r) => r.consultId !== ring.consultId) });
    await this.socket
      .request('decline', { consultId: ring.consultId }, PlainAck)
      .catch(() => undefined);
  }

  async hangup(): Promise<void> {
    const call = this.state.call;
    if (!call || call.phase === 'ended') return;
    if (call.phase === 'ringing' || call.phase === 'preparing') return this.cancel();
    this.finish('hangup', 'local');
    await this.socket
      .request('hangup', { consultId: call.consultId, reason: 'hangup' }, PlainAck)
      .catch(() => undefined);
  }

  /** Closes the panel of a call that ended. */
  close(): void {
    if (this.state.call?.phase === 'ended') this.set({ call: null });
  }

  private async openMedia(): Promise<MediaStream | null> {
    try {
      const { cameraId, microphoneId } = await this.deps.devices();
      return await openCallMedia(cameraId, microphoneId);
    } catch (e) {
      this.set({ problem: mediaErrorMessage(e) });
      return null;
    }
  }

  private connect(a: AnsweredMessage): void {
    const call = this.state.call!;
    performance.mark('consult:answered');
    this.patchCall({ phase: 'connecting', peer: a.callee, startedAt: a.startedAt });
    if (call.local) this.startPeer(false, call.local);
    if (call.caseRef)
      void this.record(
        call.caseRef.caseId,
        'consult.started',
        startedPayload({
          consultId: call.consultId,
          caller: this.me,
          callee: a.callee,
          startedAt: a.startedAt,
          recordingAllowed: call.recordingAllowed,
          consent: call.consent,
        }),
      );
  }

  private startPeer(polite: boolean, local: MediaStream): void {
    const consultId = this.state.call!.consultId;
    const settings = this.settings!;
    this.peer = new PeerSession(
      {
        polite,
        iceServers: settings.iceServers,
        iceTransportPolicy: settings.iceTransportPolicy,
        stream: local,
        ...(this.deps.connectTimeoutMs ? { connectTimeoutMs: this.deps.connectTimeoutMs } : {}),
      },
      {
        signal: (m) => this.socket.send('signal', { consultId, ...m }),
        remoteStream: (remote) => this.patchCall({ remote }),
        connected: () => {
          performance.mark('consult:connected');
          this.patchCall({ phase: 'active' });
        },
        channelOpen: () => this.patchCall({ channelOpen: true }),
        message: (m) => {
          const call = this.state.call;
          if (!call || call.consultId !== consultId) return;
          if (m.kind === 'chat')
            this.patchCall({
              chat: [...call.chat, { id: ++this.chatSeq, from: 'peer', text: m.text, at: m.at }],
            });
          else if (m.kind === 'summary')
            this.patchCall({ shared: { summary: m.summary, by: 'peer' } });
          else if (call.shared?.by === 'peer') this.patchCall({ shared: undefined });
        },
        failed: (kind) => this.peerFailed(kind),
      },
    );
  }

  private peerFailed(_kind: PeerFailure): void {
    const call = this.state.call;
    if (!call || call.phase === 'ended') return;
    this.socket.send('hangup', { consultId: call.consultId, reason: 'failed' });
    this.finish('failed', 'local');
  }

  private endMessage(reason: Ending, side: 'local' | 'remote', call: CallView): string {
    const other = otherSide(call);
    const wasUp = call.phase === 'active';
    switch (reason) {
      case 'hangup':
        return side === 'local' ? t('consult.end.hangupHere') : t('consult.end.hangupThere', { other });
      case 'missed':
        return t('consult.end.missed', { other, seconds: this.settings?.ringSeconds ?? 60 });
      case 'declined':
        return t('consult.end.declined', { other });
      case 'dropped':
        return t('consult.end.dropped', { other });
      case 'hub-lost':
        return t('consult.end.hubLost');
      case 'failed':
        if (side === 'remote') return t('consult.end.failedThere', { other });
        if (wasUp) return t('consult.end.failedAfterUp');
        return this.settings?.iceServers.some((s) => s.urls.some((u) => u.startsWith('turn')))
          ? t('consult.end.iceRelay')
          : t('consult.end.iceNoRelay');
    }
  }

  /** Ends the call here: closes the connection and the camera, and the caller records it on the case. */
  private finish(reason: Ending, side: 'local' | 'remote'): void {
    const call = this.state.call;
    if (!call || call.phase === 'ended') return;
    this.peer?.close();
    this.peer = null;
    stopMedia(call.local);
    const message = this.endMessage(reason, side, call);
    const answered = call.startedAt !== undefined && call.peer !== undefined;
    let recorded: string | null = null;
    const recordable = answered || reason === 'missed' || reason === 'declined';
    if (call.role === 'caller' && call.caseRef && recordable) {
      recorded = call.caseRef.caseNo;
      const endedAt = new Date().toISOString();
      const outcome = outcomeOf(reason === 'hub-lost' ? 'dropped' : reason, answered);
      void this.record(
        call.caseRef.caseId,
        'consult.ended',
        endedPayload({
          consultId: call.consultId,
          outcome,
          caller: this.me,
          callee: call.peer,
          calleeHallId: call.target.hallId,
          startedAt: call.startedAt,
          endedAt,
          notes: call.notes,
        }),
      );
    }
    this.patchCall({
      phase: 'ended',
      end: { reason, message, recorded, canRedial: call.role === 'caller' },
    });
  }

  private async record<T extends 'consult.started' | 'consult.ended'>(
    caseId: string,
    type: T,
    payload: Extract<EventDraft, { type: T }>['payload'],
  ): Promise<void> {
    const r = await this.deps.append({
      caseId,
      type,
      payload,
      actor: { staffId: this.deps.staff.staffId, hallId: this.deps.staff.hallId },
      at: new Date().toISOString(),
    } as EventDraft);
    if (!r.ok) this.set({ problem: t('consult.recordFailed', { reason: r.error.message }) });
  }

  toggleMic(): void {
    const call = this.state.call;
    if (!call?.local) return;
    for (const t of call.local.getAudioTracks()) t.enabled = !call.micOn;
    this.patchCall({ micOn: !call.micOn });
  }

  toggleCamera(): void {
    const call = this.state.call;
    if (!call?.local) return;
    for (const t of call.local.getVideoTracks()) t.enabled = !call.camOn;
    this.patchCall({ camOn: !call.camOn });
  }

  sendChat(text: string): boolean {
    const call = this.state.call;
    const clean = text.trim().slice(0, 1000);
    if (!call || !clean || !this.peer) return false;
    const at = new Date().toISOString();
    if (!this.peer.send({ kind: 'chat', text: clean, at })) return false;
    this.patchCall({ chat: [...call.chat, { id: ++this.chatSeq, from: 'me', text: clean, at }] });
    return true;
  }

  shareSummary(on: boolean): boolean {
    const call = this.state.call;
    const summary = call?.target.case?.summary;
    if (!call || !summary || !this.peer) return false;
    if (!this.peer.send(on ? { kind: 'summary', summary } : { kind: 'summary-stop' })) return false;
    this.patchCall({ shared: on ? { summary, by: 'me' } : undefined });
    return true;
  }

  setNotes(notes: string): void {
    this.patchCall({ notes: notes.slice(0, 2000) });
  }
}
