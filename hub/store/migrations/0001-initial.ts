// 0001: the first schema. Never edit a released migration; add the next number instead.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  const big = 'bigint';
  await db.schema.createTable('meta').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();
  await db.schema.createTable('counters').addColumn('name', 'text', (c) => c.primaryKey()).addColumn('value', big, (c) => c.notNull()).execute();
  await db.schema
    .createTable('halls')
    .addColumn('hall_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('devices')
    .addColumn('device_id', 'text', (c) => c.primaryKey())
    .addColumn('device_code', 'text', (c) => c.notNull().unique())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('counter_no', 'integer', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('app_version', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_seq', big, (c) => c.notNull().defaultTo(0))
    .addColumn('last_seen_at', 'text')
    .execute();
  await db.schema.createIndex('devices_hall_counter').on('devices').columns(['hall_id', 'counter_no']).execute();
  await db.schema
    .createTable('enroll_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('counter_no', 'integer', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('device_id', 'text')
    .execute();
  await db.schema
    .createTable('staff')
    .addColumn('staff_id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();
  await db.schema
    .createTable('events')
    .addColumn('hub_seq', big, (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('device_seq', big, (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('events_device_seq', ['device_id', 'device_seq'])
    .execute();
  await db.schema.createIndex('events_case').on('events').columns(['case_id', 'hub_seq']).execute();
  await db.schema
    .createTable('rejections')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('device_seq', big, (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rejections_pk', ['device_id', 'device_seq'])
    .execute();
  await db.schema.createIndex('rejections_event').on('rejections').column('event_id').execute();
  await db.schema
    .createTable('cases')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('intake_hall_id', 'text', (c) => c.notNull())
    .addColumn('home_hall_id', 'text', (c) => c.notNull())
    .addColumn('delivery_hall_id', 'text', (c) => c.notNull())
    .addColumn('involved', 'text', (c) => c.notNull())
    .addColumn('view', 'text', (c) => c.notNull())
    .addColumn('last_hub_seq', big, (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('feed')
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('pos', big, (c) => c.notNull())
    .addColumn('hub_seq', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_pk', ['hall_id', 'pos'])
    .execute();
  await db.schema
    .createTable('blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', big, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('blob_refs')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('blob_refs_pk', ['sha256', 'case_id'])
    .execute();
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('blob_chunks')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('data', sql.raw(bytes), (c) => c.notNull())
    .addPrimaryKeyConstraint('blob_chunks_pk', ['sha256', 'idx'])
    .execute();
  await db.schema
    .createTable('blob_uploads')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('total', big, (c) => c.notNull())
    .addColumn('received', big, (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('authority_keys')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull())
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema
    .createTable('certificates')
    .addColumn('certificate_id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('catalog')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('calendar')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const serial = bytes === 'bytea' ? 'bigserial' : 'integer';
  await db.schema
    .createTable('audit')
    .addColumn('id', sql.raw(serial), (c) => (serial === 'integer' ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['audit', 'calendar', 'catalog', 'certificates', 'authority_keys', 'blob_uploads', 'blob_chunks', 'blob_refs', 'blobs', 'feed', 'cases', 'rejections', 'events', 'staff', 'enroll_codes', 'devices', 'halls', 'counters', 'meta']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
