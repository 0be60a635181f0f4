// A counter device as the hub sees it, for tests and benchmarks: a WebCrypto Ed25519 key, signed
// HTTP, the signed socket.io handshake, push and pull with acknowledgements.
import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { makeCaseNumber } from '../../shared/case-number';
import { exportPublicKey, generateSigningKeyPair, sign } from '../../shared/crypto/ed25519';
import type { Event, PayloadOf } from '../../shared/protocol/events';
import { deviceRequestHeaders } from '../../shared/protocol/device-signature';
import {
  handshakeSigningString,
  type EnrollResponse,
  type LoginResponse,
  type PullResponse,
  type PushResponse,
} from '../../shared/protocol/wire';

export class TestDevice {
  seq = 0;
  cases = 0;
  socket: Socket | null = null;
  token = '';
  private constructor(
    readonly url: string,
    readonly info: EnrollResponse,
    private readonly keys: CryptoKeyPair,
  ) {}

  static async enroll(url: string, code: string, name = '测试设备'): Promise<TestDevice> {
    const keys = await generateSigningKeyPair(false);
    const res = await fetch(`${url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code,
        publicKey: await exportPublicKey(keys.publicKey),
        deviceName: name,
        appVersion: '0.1.0',
      }),
    });
    const body = (await res.json()) as EnrollResponse & { error?: { code: string } };
    if (!res.ok)
      throw Object.assign(new Error(`enroll failed: ${JSON.stringify(body)}`), {
        status: res.status,
        body,
      });
    return new TestDevice(url, body, keys);
  }

  /** Signs as this device, for a transport the app would build around its own key. */
  signer(): (message: string) => Promise<string> {
    return (message) => sign(this.keys.privateKey, message);
  }

  get id(): string {
    return this.info.deviceId;
  }

  async signedHeaders(
    method: string,
    path: string,
    body: Buffer | string = '',
    at = Date.now(),
  ): Promise<Record<string, string>> {
    return deviceRequestHeaders(
      this.id,
      this.signer(),
      method,
      path,
      typeof body === 'string' ? body : new Uint8Array(body),
      at,
    );
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<Response> {
    const raw = body === undefined ? '' : Buffer.isBuffer(body) ? body : JSON.stringify(body);
    const headers: Record<string, string> = {
      ...(await this.signedHeaders(method, path, raw)),
      ...extra,
    };
    if (body !== undefined)
      headers['content-type'] ??= Buffer.isBuffer(body)
        ? 'application/octet-stream'
        : 'application/json';
    return fetch(`${this.url}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: typeof raw === 'string' ? raw : new Uint8Array(raw) } : {}),
    });
  }

  async login(username: string, password: string): Promise<LoginResponse> {
    const res = await this.request('POST', '/api/v1/login', { username, password });
    const body = (await res.json()) as LoginResponse;
    if (!res.ok)
      throw Object.assign(new Error(`login failed ${res.status}: ${JSON.stringify(body)}`), {
        status: res.status,
        body,
      });
    this.token = body.token;
    return body;
  }

  async handshakeAuth(at = Date.now()): Promise<Record<string, string>> {
    const ts = String(at);
    return {
      deviceId: this.id,
      timestamp: ts,
      signature: await sign(this.keys.privateKey, handshakeSigningString(this.id, ts)),
    };
  }

  /** Connects /sync; resolves on connect, rejects with the connect_error data (its code). */
  async connect(url = this.url, timeoutMs = 5000): Promise<Socket> {
    const auth = await this.handshakeAuth();
    const socket = io(`${url}/sync`, {
      transports: ['websocket'],
      auth,
      reconnection: false,
      forceNew: true,
    });
    this.socket = socket;
    return new Promise((resolve, reject) => {
      // A hub killed mid-handshake may answer neither connect nor connect_error.
      const timer = setTimeout(() => {
        socket.close();
        reject(new Error('connect timed out'));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(socket);
      });
      socket.once('connect_error', (err: Error & { data?: unknown }) => {
        clearTimeout(timer);
        socket.close();
        reject(Object.assign(new Error(err.message), { data: err.data }));
      });
    });
  }

  close(): void {
    this.socket?.close();
    this.socket = null;
  }

  async push(events: unknown[], timeoutMs = 30_000): Promise<PushResponse> {
    if (!this.socket) throw new Error('not connected');
    return (await this.socket.timeout(timeoutMs).emitWithAck('push', { events })) as PushResponse;
  }

  async pull(cursor: number, limit?: number): Promise<PullResponse> {
    if (!this.socket) throw new Error('not connected');
    return (await this.socket
      .timeout(30_000)
      .emitWithAck('pull', limit === undefined ? { cursor } : { cursor, limit })) as PullResponse;
  }

  /** Pulls from `cursor` until caught up. */
  async pullAll(
    cursor = 0,
    limit = 1000,
  ): Promise<{ events: PullResponse['events']; cursor: number }> {
    const events: PullResponse['events'] = [];
    for (;;) {
      const r = await this.pull(cursor, limit);
      if (r.error) throw new Error(r.error.message);
      events.push(...r.events);
      cursor = r.cursor;
      if (!r.more) return { events, cursor };
    }
  }

  /** A new event from this device with the next deviceSeq. */
  event<T extends Event['type']>(
    type: T,
    caseId: string,
    payload: PayloadOf<T>,
    staffId: string,
    hallId = this.info.hallId,
  ): Event {
    this.seq += 1;
    return {
      id: uuidv7(),
      deviceId: this.id,
      deviceSeq: this.seq,
      caseId,
      type,
      payload,
      actor: { staffId, hallId },
      at: new Date().toISOString(),
    } as Event;
  }

  /** A case.received for an item of the given home hall, with a valid case number of this device. */
  received(
    staffId: string,
    opts: {
      itemCode: string;
      homeHallId: string;
      deliveryHallId?: string;
      caseId?: string;
      attachments?: { sha256: string; name: string; mime: string; size: number }[];
    },
  ): Event {
    this.cases += 1;
    const no = makeCaseNumber({
      deviceCode: this.info.deviceCode,
      at: new Date(),
      dailyCount: this.cases,
    });
    if (!no.ok) throw new Error(no.error.message);
    return this.event(
      'case.received',
      opts.caseId ?? uuidv7(),
      {
        caseNo: no.value,
        itemCode: opts.itemCode,
        applicant: {
          kind: 'person',
          name: '李静',
          idType: 'resident',
          idNumber: '11010519491231002X',
          phone: '13800138000',
        },
        form: {},
        materials: [
          {
            materialId: 'id-card',
            provided: opts.attachments ? 'electronic' : 'original',
            attachments: opts.attachments ?? [],
          },
        ],
        intakeHallId: this.info.hallId,
        homeHallId: opts.homeHallId,
        deliveryHallId: opts.deliveryHallId ?? this.info.hallId,
        queryCode: '123456',
      },
      staffId,
    );
  }
}
