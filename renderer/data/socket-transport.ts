// The sync engine's transport over socket.io (namespace /sync) and signed HTTP for attachments.
// Each connection attempt signs a fresh handshake; nothing is ever queued for a later connection.
import { io, type Socket } from 'socket.io-client';
import { deviceRequestHeaders, type DeviceSign } from '../../shared/protocol/device-signature';
import type { Event } from '../../shared/protocol/events';
import {
  handshakeSigningString,
  SYNC_NAMESPACE,
  type Poke,
  type PullRequest,
  type PullResponse,
  type PushResponse,
} from '../../shared/protocol/wire';
import { HEADS_PATH, SNAPSHOT_CASE_PATH, type HeadsRequest } from '../../shared/sync/heads';
import { SNAPSHOT_PATH, type SnapshotRequest } from '../../shared/sync/snapshot';
import type { SyncTransport, TransportStatus, Unsubscribe } from '../../shared/sync/transport';
import { measure } from './sync-timing';

/** Signs with the device's key (kept non-extractable in IndexedDB by the app). */
export type DeviceSigner = DeviceSign;

export interface SocketTransportOptions {
  hubUrl: string;
  deviceId: string;
  sign: DeviceSigner;
  /** How long to wait for an acknowledgement before the call counts as lost. */
  ackTimeoutMs?: number;
  /** Codes after which reconnecting is pointless until a person acts. */
  fatalCodes?: readonly string[];
}

const FATAL = ['DEVICE_REVOKED', 'DEVICE_UNKNOWN'];
const RETRY_REFUSED_MS = 10_000;

/** `limit=…&after=…` of a paged request. */
const pageQuery = (r: { limit: number; after: string | null }): string => `limit=${r.limit}${r.after === null ? '' : `&after=${encodeURIComponent(r.after)}`}`;

export class SocketTransport implements SyncTransport {
  private socket: Socket | null = null;
  private pokes = new Set<(p: Poke) => void>();
  private statuses = new Set<(s: TransportStatus) => void>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private wanted = false;

  constructor(private readonly opts: SocketTransportOptions) {}

  connect(): void {
    this.wanted = true;
    if (this.socket) {
      if (!this.socket.connected) this.socket.connect();
      return;
    }
    const socket = io(`${this.opts.hubUrl}${SYNC_NAMESPACE}`, {
      transports: ['websocket'],
      // Its own connection: never a page's other socket (consult) and its reconnection backoff.
      forceNew: true,
      // A function: socket.io calls it on every attempt, so each handshake is signed afresh.
      auth: (cb) => {
        const timestamp = String(Date.now());
        void this.opts.sign(handshakeSigningString(this.opts.deviceId, timestamp)).then((signature) =>
          cb({ deviceId: this.opts.deviceId, timestamp, signature }),
        );
      },
      reconnectionDelay: 1000,
      reconnectionDelayMax: 15_000,
      randomizationFactor: 0.5,
    });
    socket.on('connect', () => this.emitStatus({ connected: true }));
    socket.on('disconnect', () => this.emitStatus({ connected: false }));
    socket.on('connect_error', (err: Error & { data?: { code?: string; message?: string } }) => {
      const code = err.data?.code ?? 'HUB_UNREACHABLE';
      this.emitStatus({ connected: false, error: { code, message: err.data?.message ?? '无法连接中心' } });
      // A refusal by the hub stops socket.io's own retries; try again later unless it is final.
      if (!socket.active && this.wanted && !(this.opts.fatalCodes ?? FATAL).includes(code)) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          if (this.wanted) socket.connect();
        }, RETRY_REFUSED_MS);
      }
    });
    socket.on('poke', (p: Poke) => {
      for (const cb of this.pokes) cb(p);
    });
    this.socket = socket;
  }

  disconnect(): void {
    this.wanted = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const was = this.socket;
    this.socket = null;
    was?.removeAllListeners();
    was?.disconnect();
    if (was) this.emitStatus({ connected: false });
  }

  isConnected(): boolean {
    return this.socket?.connected ?? false;
  }

  private async call<T>(event: 'push' | 'pull', payload: unknown): Promise<T> {
    const socket = this.socket;
    if (!socket?.connected) throw new Error('未连接中心');
    return (await socket.timeout(this.opts.ackTimeoutMs ?? 20_000).emitWithAck(event, payload)) as T;
  }

  push(events: readonly Event[]): Promise<PushResponse> {
    return this.call('push', { events });
  }

  pull(request: PullRequest): Promise<PullResponse> {
    return this.call('pull', request);
  }

  /** A page of the case snapshot over signed HTTP; null when the hub has no such address (an older hub). */
  async snapshot(request: SnapshotRequest): Promise<unknown> {
    return this.getPage('snapshot', `${SNAPSHOT_PATH}?${pageQuery(request)}`, '快照', true);
  }

  /** A page of the case heads over signed HTTP; null when the hub has no such address (an older hub). */
  async heads(request: HeadsRequest): Promise<unknown> {
    return this.getPage('heads', `${HEADS_PATH}?${pageQuery(request)}`, '办件目录', true);
  }

  /** One case whole, as a snapshot page; a hub without it, or without the case, answers NOT_FOUND. */
  async snapshotCase(caseId: string): Promise<unknown> {
    return this.getPage('case', `${SNAPSHOT_CASE_PATH}/${encodeURIComponent(caseId)}`, '办件', false);
  }

  /** A signed GET of JSON, timed (sync-timing.ts: `<what>-fetch`, `<what>-parse`). */
  private async getPage(what: string, path: string, label: string, absentIsNull: boolean): Promise<unknown> {
    const start = performance.now();
    const res = await this.request('GET', path);
    measure(`${what}-fetch`, start);
    const parsing = performance.now();
    const body: unknown = await res.json().catch(() => ({ error: { code: 'INVALID_MESSAGE', message: `中心的${label}应答无法读取（${res.status}）` } }));
    measure(`${what}-parse`, parsing);
    if (absentIsNull && res.status === 404 && (body as { error?: { code?: string } }).error?.code === 'NOT_FOUND') return null;
    return body;
  }

  onPoke(cb: (poke: Poke) => void): Unsubscribe {
    this.pokes.add(cb);
    return () => this.pokes.delete(cb);
  }

  onStatus(cb: (status: TransportStatus) => void): Unsubscribe {
    this.statuses.add(cb);
    return () => this.statuses.delete(cb);
  }

  private emitStatus(s: TransportStatus): void {
    for (const cb of this.statuses) cb(s);
  }

  /** A device-signed HTTP request to the hub. */
  async request(method: string, path: string, body?: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}): Promise<Response> {
    const signed = await deviceRequestHeaders(this.opts.deviceId, this.opts.sign, method, path, body);
    return fetch(`${this.opts.hubUrl}${path}`, {
      method,
      headers: { ...headers, ...signed },
      ...(body ? { body } : {}),
    });
  }

  async hasBlob(sha256: string): Promise<boolean> {
    return (await this.request('HEAD', `/api/v1/blobs/${sha256}`)).status === 200;
  }

  /** Uploads in 1 MiB pieces, resuming where the hub says a previous attempt stopped. */
  async uploadBlob(sha256: string, bytes: Uint8Array): Promise<void> {
    const PIECE = 1024 * 1024;
    const head = await this.request('HEAD', `/api/v1/blobs/${sha256}`);
    if (head.status === 200) return;
    let offset = Number(head.headers.get('upload-offset') ?? 0);
    if (bytes.length === 0) {
      const res = await this.request('PUT', `/api/v1/blobs/${sha256}`, new Uint8Array(0), { 'content-type': 'application/octet-stream' });
      if (res.status !== 201) throw new Error(`附件上传失败（${res.status}）`);
      return;
    }
    do {
      const piece = new Uint8Array(bytes.subarray(offset, offset + PIECE));
      const res = await this.request('PUT', `/api/v1/blobs/${sha256}`, piece, {
        'content-type': 'application/octet-stream',
        'content-range': `bytes ${offset}-${offset + piece.length - 1}/${bytes.length}`,
      });
      if (res.status === 201) return;
      if (res.status !== 202) {
        const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
        throw new Error(body.error?.message ?? `附件上传失败（${res.status}）`);
      }
      offset = Number(res.headers.get('upload-offset') ?? offset + piece.length);
    } while (offset < bytes.length);
  }
}
