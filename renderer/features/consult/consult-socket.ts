// The counter's line to the hub's /consult namespace: the same signed handshake as sync (signed
// afresh on every attempt), requests answered by acknowledgement, and the hub's messages checked
// against the shared schemas before anyone sees them.
import { io, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import {
  AnsweredMessage,
  CONSULT_NAMESPACE,
  EndedMessage,
  RingMessage,
  RingStopMessage,
  SignalMessage,
  type ConsultError,
} from '../../../shared/consult/messages';
import type { DeviceSign } from '../../../shared/protocol/device-signature';
import { handshakeSigningString } from '../../../shared/protocol/wire';
import { t } from '../../i18n';

export interface HubMessages {
  ring: RingMessage;
  'ring-stop': RingStopMessage;
  answered: AnsweredMessage;
  ended: EndedMessage;
  signal: SignalMessage;
}

const INBOUND: { [K in keyof HubMessages]: z.ZodType<HubMessages[K]> } = {
  ring: RingMessage,
  'ring-stop': RingStopMessage,
  answered: AnsweredMessage,
  ended: EndedMessage,
  signal: SignalMessage,
};

/** No line to the hub, in the language shown now. */
export const hubOffline = (): ConsultError => ({ code: 'INTERNAL', message: t('consult.hubOffline') });

/** A refusal or failure, in the words the clerk will read (the hub's own refusals stay Chinese). */
export class ConsultFailure extends Error {
  constructor(readonly error: ConsultError) {
    super(error.message);
  }
}

export interface ConsultSocketOptions {
  hubUrl: string;
  deviceId: string;
  sign: DeviceSign;
  onMessage: <K extends keyof HubMessages>(event: K, message: HubMessages[K]) => void;
  onStatus: (connected: boolean, error?: string) => void;
}

export class ConsultSocket {
  private socket: Socket;
  private closed = false;

  constructor(opts: ConsultSocketOptions) {
    this.socket = io(`${opts.hubUrl}${CONSULT_NAMESPACE}`, {
      transports: ['websocket'],
      auth: (cb) => {
        const timestamp = String(Date.now());
        void opts
          .sign(handshakeSigningString(opts.deviceId, timestamp))
          .then((signature) => cb({ deviceId: opts.deviceId, timestamp, signature }));
      },
      reconnectionDelay: 1000,
      reconnectionDelayMax: 10_000,
      autoConnect: false,
    });
    this.socket.on('connect', () => opts.onStatus(true));
    this.socket.on('disconnect', () => opts.onStatus(false));
    this.socket.on('connect_error', (err: Error & { data?: { message?: string } }) => {
      opts.onStatus(false, err.data?.message);
      // A refusal (not a network failure) stops socket.io's own retries: try again a little later.
      if (!this.socket.active) setTimeout(() => !this.closed && this.socket.connect(), 10_000);
    });
    for (const event of Object.keys(INBOUND) as (keyof HubMessages)[]) {
      this.socket.on(event, (raw: unknown) => {
        const parsed = INBOUND[event].safeParse(raw);
        if (parsed.success) opts.onMessage(event, parsed.data);
      });
    }
  }

  connect(): void {
    this.socket.connect();
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Asks the hub; resolves with its answer checked by `schema`, or throws ConsultFailure. */
  async request<S extends z.ZodType>(
    event: string,
    payload: unknown,
    schema: S,
  ): Promise<Extract<z.infer<S>, { ok: true }>> {
    if (!this.socket.connected) throw new ConsultFailure(hubOffline());
    let raw: unknown;
    try {
      raw = await this.socket.timeout(10_000).emitWithAck(event, payload);
    } catch {
      throw new ConsultFailure({ code: 'INTERNAL', message: t('consult.hubSlow') });
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success)
      throw new ConsultFailure({ code: 'INTERNAL', message: t('consult.hubUnreadable') });
    const answer = parsed.data as { ok: boolean; error?: ConsultError };
    if (!answer.ok) throw new ConsultFailure(answer.error!);
    return parsed.data as Extract<z.infer<S>, { ok: true }>;
  }

  /** Fire and forget (signals): the hub answers only to say the call is over, which `ended` says too. */
  send(event: string, payload: unknown): void {
    if (this.socket.connected) this.socket.emit(event, payload);
  }

  close(): void {
    this.closed = true;
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }
}
