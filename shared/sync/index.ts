// The counter's sync engine and the interfaces it runs over.
export type {
  DistributiveOmit,
  OutboxCounts,
  OutboxEntry,
  OutboxState,
  PushOutcome,
  RefusedEvent,
  SyncStorage,
  UnsequencedEvent,
} from './storage';
export { MemorySyncStorage } from './memory-storage';
export type {
  BlobSource,
  BlobUploader,
  SyncTransport,
  TransportStatus,
  Unsubscribe,
} from './transport';
export { BlobUnavailableError, createBlobUploader } from './transport';
export type { EventDraft, SyncEngineOptions, SyncStatus, TimerHandle, Timers } from './engine';
export {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  DEFAULT_ACK_TIMEOUT_MS,
  SyncEngine,
  attachmentHashes,
  backoffDelay,
} from './engine';
