// One WebRTC connection of a call, peer to peer: the "perfect negotiation" pattern (either side may
// renegotiate; the polite side yields on a collision), ICE candidates that arrive before the remote
// description wait in a queue, one negotiated data channel for chat and the shared case summary,
// and a deadline for the connection to come up.
//   The callee attaches its camera and the channel only when the caller's first offer arrives, so
// the two do not both offer at the start: Chromium, rolling back an offer whose ICE gathering is
// under way, can leave the answer without candidates (seen here as a call that never connects).
import {
  ChannelMessage,
  type IceServer,
  type SignalMessage,
} from '../../../shared/consult/messages';

export type PeerFailure = 'timeout' | 'failed' | 'disconnected';

export interface PeerEvents {
  signal(msg: Omit<SignalMessage, 'consultId'>): void;
  remoteStream(stream: MediaStream): void;
  message(msg: ChannelMessage): void;
  channelOpen(): void;
  connected(): void;
  failed(kind: PeerFailure, wasConnected: boolean): void;
}

export interface PeerOptions {
  /** The polite side (the callee) gives way when both offer at once. */
  polite: boolean;
  /** Attach our media only when the first offer arrives (default: the polite side does). */
  waitForOffer?: boolean;
  iceServers: IceServer[];
  iceTransportPolicy: RTCIceTransportPolicy;
  stream: MediaStream;
  /** How long the connection may take to come up before the call counts as failed. */
  connectTimeoutMs?: number;
  /** How long a lost connection may take to recover. */
  disconnectGraceMs?: number;
}

export class PeerSession {
  readonly pc: RTCPeerConnection;
  private channel: RTCDataChannel | null = null;
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswer = false;
  /** Candidates that came before a remote description to add them to. */
  private queued: RTCIceCandidateInit[] = [];
  /** Signals are handled one at a time, in the order received. */
  private inbox: Promise<void> = Promise.resolve();
  private wasConnected = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly opts: PeerOptions,
    private readonly on: PeerEvents,
  ) {
    this.pc = new RTCPeerConnection({
      iceServers: opts.iceServers,
      iceTransportPolicy: opts.iceTransportPolicy,
    });
    this.pc.ontrack = (e) => on.remoteStream(e.streams[0] ?? new MediaStream([e.track]));
    this.pc.onicecandidate = (e) => {
      if (e.candidate)
        on.signal({ candidate: e.candidate.toJSON() as NonNullable<SignalMessage['candidate']> });
    };
    this.pc.onnegotiationneeded = () => void this.offer();
    this.pc.onconnectionstatechange = () => this.watch();
    if (!(opts.waitForOffer ?? opts.polite)) this.attachLocal();
    this.arm(opts.connectTimeoutMs ?? 20_000, 'timeout');
  }

  /** Our camera, microphone and the data channel (negotiated with the same id on both sides). */
  private attachLocal(): void {
    if (this.channel) return;
    const channel = this.pc.createDataChannel('consult', { negotiated: true, id: 0 });
    channel.onopen = () => this.on.channelOpen();
    channel.onmessage = (e) => {
      try {
        const parsed = ChannelMessage.safeParse(JSON.parse(String(e.data)));
        if (parsed.success) this.on.message(parsed.data);
      } catch {
        // Not JSON: nothing we sent; ignored.
      }
    };
    this.channel = channel;
    for (const track of this.opts.stream.getTracks()) this.pc.addTrack(track, this.opts.stream);
  }

  private async offer(): Promise<void> {
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      this.sendDescription();
    } catch {
      this.fail('failed');
    } finally {
      this.makingOffer = false;
    }
  }

  private sendDescription(): void {
    const d = this.pc.localDescription;
    if (d && (d.type === 'offer' || d.type === 'answer'))
      this.on.signal({ description: { type: d.type, sdp: d.sdp } });
  }

  /** A signal from the other side, handled after those before it. */
  receive(msg: Pick<SignalMessage, 'description' | 'candidate'>): void {
    this.inbox = this.inbox.then(() => this.handle(msg)).catch(() => this.fail('failed'));
  }

  private async handle({
    description,
    candidate,
  }: Pick<SignalMessage, 'description' | 'candidate'>): Promise<void> {
    if (this.closed) return;
    if (description) {
      const ready =
        !this.makingOffer && (this.pc.signalingState === 'stable' || this.settingRemoteAnswer);
      const collision = description.type === 'offer' && !ready;
      this.ignoreOffer = !this.opts.polite && collision;
      if (this.ignoreOffer) return;
      this.settingRemoteAnswer = description.type === 'answer';
      await this.pc.setRemoteDescription(description);
      this.settingRemoteAnswer = false;
      for (const c of this.queued.splice(0)) await this.addCandidate(c);
      if (description.type === 'offer') {
        // The callee's tracks take the transceivers the offer made: one answer carries both ways.
        this.attachLocal();
        await this.pc.setLocalDescription();
        this.sendDescription();
      }
    } else if (candidate) {
      if (!this.pc.remoteDescription) this.queued.push(candidate);
      else await this.addCandidate(candidate);
    }
  }

  private async addCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    try {
      await this.pc.addIceCandidate(candidate);
    } catch (e) {
      // A candidate of an offer we ignored has nowhere to go; any other refusal is real.
      if (!this.ignoreOffer) throw e;
    }
  }

  private watch(): void {
    const state = this.pc.connectionState;
    if (state === 'connected') {
      this.disarm();
      if (!this.wasConnected) {
        this.wasConnected = true;
        this.on.connected();
      }
    } else if (state === 'failed') this.fail('failed');
    else if (state === 'disconnected')
      this.arm(this.opts.disconnectGraceMs ?? 10_000, 'disconnected');
  }

  private arm(ms: number, kind: PeerFailure): void {
    this.disarm();
    this.timer = setTimeout(() => this.fail(kind), ms);
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private fail(kind: PeerFailure): void {
    if (this.closed) return;
    this.close();
    this.on.failed(kind, this.wasConnected);
  }

  /** Sends on the data channel; false when it is not open (yet, or any more). */
  send(msg: ChannelMessage): boolean {
    if (this.channel?.readyState !== 'open') return false;
    this.channel.send(JSON.stringify(msg));
    return true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.disarm();
    this.channel?.close();
    this.pc.close();
  }
}
