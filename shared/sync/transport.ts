// How the sync engine reaches the hub (socket.io in the app, a fake in tests), and how it makes sure
// an event's attachments are on the hub before the event is pushed.
import type { Event } from '../protocol/events';
import type { Poke, PullRequest, PullResponse, PushResponse } from '../protocol/wire';
import type { Problem } from '../result';
import type { HeadsRequest } from './heads';
import type { SnapshotRequest } from './snapshot';

export type Unsubscribe = () => void;

export interface TransportStatus {
  connected: boolean;
  /** Why the hub refused or dropped the connection, when it said (connect_error's data.code). */
  error?: Problem;
}

export interface SyncTransport {
  /** Starts connecting, and keeps reconnecting until disconnect(); onStatus reports the outcome. */
  connect(): void;
  disconnect(): void;
  isConnected(): boolean;
  /**
   * Sends one push and resolves with the hub's acknowledgement. Must only send while connected
   * (never queue for a later connection); may reject, or never settle, when the connection drops,
   * which the engine treats as "not sent".
   */
  push(events: readonly Event[]): Promise<PushResponse>;
  pull(request: PullRequest): Promise<PullResponse>;
  /**
   * Optional: one page of the case snapshot (GET /api/v1/snapshot), as it came (the engine checks
   * it); null when the hub offers no snapshot, so the engine pulls the feed from 0 instead.
   */
  snapshot?(request: SnapshotRequest): Promise<unknown>;
  /**
   * Optional: one page of the case heads (GET /api/v1/snapshot/heads), as it came; null when the
   * hub offers none, so the counter lists its cases as the snapshot stores them.
   */
  heads?(request: HeadsRequest): Promise<unknown>;
  /**
   * Optional: one case whole (GET /api/v1/snapshot/cases/{caseId}), as a snapshot page of that case,
   * as it came; null when the hub offers no such address.
   */
  snapshotCase?(caseId: string): Promise<unknown>;
  onPoke(cb: (poke: Poke) => void): Unsubscribe;
  onStatus(cb: (status: TransportStatus) => void): Unsubscribe;
  /** PUT /api/v1/blobs/{sha256}; idempotent on the hub. */
  uploadBlob?(sha256: string, bytes: Uint8Array): Promise<void>;
  /** HEAD /api/v1/blobs/{sha256}. */
  hasBlob?(sha256: string): Promise<boolean>;
}

/** Makes sure attachments are on the hub; throws when one cannot be put there now. */
export interface BlobUploader {
  /**
   * Resolves once every listed blob is on the hub. `force` skips any belief that the hub has a blob
   * already and uploads it again: the hub answered MISSING_BLOB for it.
   */
  ensure(sha256s: readonly string[], options?: { force?: boolean }): Promise<void>;
}

/**
 * Where the counter keeps attachment bytes (IndexedDB in the app). It should hold a blob until every
 * event naming it is accepted, not merely until one upload succeeded: a hub that answers
 * MISSING_BLOB later needs the bytes again.
 */
export interface BlobSource {
  read(sha256: string): Promise<Uint8Array | undefined>;
}

/** Raised when a blob cannot reach the hub now; the engine retries the event later. */
export class BlobUnavailableError extends Error {
  constructor(
    readonly sha256: string,
    readonly code: 'BLOB_NOT_LOCAL' | 'BLOB_UPLOAD_UNSUPPORTED',
  ) {
    super(code === 'BLOB_NOT_LOCAL' ? `附件 ${sha256} 不在本机，无法上传` : '此连接不支持上传附件');
    this.name = 'BlobUnavailableError';
  }
}

/**
 * A BlobUploader over the transport's blob hooks. It remembers, for this session only, the blobs it
 * has seen on the hub, so an attachment shared by many events costs one HEAD.
 */
export function createBlobUploader(transport: SyncTransport, source: BlobSource): BlobUploader {
  const onHub = new Set<string>();
  return {
    async ensure(sha256s, options) {
      for (const sha256 of new Set(sha256s)) {
        if (!options?.force && onHub.has(sha256)) continue;
        if (!options?.force && transport.hasBlob && (await transport.hasBlob(sha256))) {
          onHub.add(sha256);
          continue;
        }
        if (!transport.uploadBlob)
          throw new BlobUnavailableError(sha256, 'BLOB_UPLOAD_UNSUPPORTED');
        const bytes = await source.read(sha256);
        if (!bytes) throw new BlobUnavailableError(sha256, 'BLOB_NOT_LOCAL');
        await transport.uploadBlob(sha256, bytes);
        onHub.add(sha256);
      }
    },
  };
}
