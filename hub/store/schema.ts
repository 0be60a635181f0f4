// The hub's tables, as Kysely sees them. SQLite and PostgreSQL hold the same schema (migrations/).
import type { Generated } from 'kysely';

export interface MetaTable { key: string; value: string }
export interface CounterTable { name: string; value: number }
export interface HallTable { hall_id: string; name: string; authority: string; city: string; created_at: string }
export interface DeviceTable {
  device_id: string;
  device_code: string;
  hall_id: string;
  counter_no: number;
  scope: 'hall' | 'region';
  public_key: string;
  name: string;
  app_version: string;
  enrolled_at: string;
  revoked_at: string | null;
  /** The last deviceSeq the hub has answered for good (accepted or finally rejected). */
  last_seq: number;
  last_seen_at: string | null;
}
export interface EnrollCodeTable {
  code_hash: string;
  hall_id: string;
  counter_no: number;
  scope: 'hall' | 'region';
  created_at: string;
  expires_at: string;
  used_at: string | null;
  device_id: string | null;
}
export interface StaffTable {
  staff_id: string;
  username: string;
  name: string;
  hall_id: string;
  roles: string;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}
export interface EventTable {
  hub_seq: number;
  id: string;
  device_id: string;
  device_seq: number;
  case_id: string;
  type: string;
  /** The stored event as JSON, hubSeq and receivedAt included: what pull sends. */
  body: string;
  received_at: string;
}
export interface RejectionTable {
  device_id: string;
  device_seq: number;
  event_id: string;
  code: string;
  message: string;
  at: string;
}
export interface CaseTable {
  case_id: string;
  case_no: string;
  state: string;
  item_code: string;
  intake_hall_id: string;
  home_hall_id: string;
  delivery_hall_id: string;
  /** Every hall ever involved, JSON array: a hall once involved keeps receiving the case. */
  involved: string;
  /** The projection without its history, JSON: what the next event is checked against. */
  view: string;
  last_hub_seq: number;
  updated_at: string;
}
export interface FeedTable { hall_id: string; pos: number; hub_seq: number }
export interface BlobTable { sha256: string; size: number; uploaded_by: string; created_at: string }
export interface BlobRefTable { sha256: string; case_id: string }
export interface BlobChunkTable { sha256: string; idx: number; data: Uint8Array }
export interface BlobUploadTable { sha256: string; total: number; received: number; updated_at: string }
export interface AuthorityKeyTable {
  key_id: string;
  hall_id: string;
  authority: string;
  public_key: string;
  private_key: string;
  created_at: string;
  retired_at: string | null;
}
export interface CertificateTable {
  certificate_id: string;
  case_id: string;
  body: string;
  signature: string;
  key_id: string;
  status: 'valid' | 'revoked';
  issued_at: string;
}
export interface CatalogTable { id: number; version: string; etag: string; body: string; updated_at: string }
export interface CalendarTable { year: number; body: string; updated_at: string }
export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  detail: string;
}

export interface HubDatabase {
  meta: MetaTable;
  counters: CounterTable;
  halls: HallTable;
  devices: DeviceTable;
  enroll_codes: EnrollCodeTable;
  staff: StaffTable;
  events: EventTable;
  rejections: RejectionTable;
  cases: CaseTable;
  feed: FeedTable;
  blobs: BlobTable;
  blob_refs: BlobRefTable;
  blob_chunks: BlobChunkTable;
  blob_uploads: BlobUploadTable;
  authority_keys: AuthorityKeyTable;
  certificates: CertificateTable;
  catalog: CatalogTable;
  calendar: CalendarTable;
  audit: AuditTable;
}
