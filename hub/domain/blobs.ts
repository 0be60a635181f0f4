// Attachments, content-addressed by sha256, kept in the store in 1 MiB chunks so every hub process
// reaches them; uploads resume at the offset the hub reports.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { MAX_ATTACHMENT_BYTES } from '../../shared/protocol/events';
import type { HubDatabase } from '../store/schema';
import { HubInputError } from './staff';
import { isoNow } from './time';

export const CHUNK_BYTES = 1024 * 1024;

export type UploadState = { complete: true; size: number } | { complete: false; received: number; total: number };

export class Blobs {
  constructor(private readonly db: Kysely<HubDatabase>) {}

  async state(sha256: string): Promise<UploadState | null> {
    const done = await this.db.selectFrom('blobs').select('size').where('sha256', '=', sha256).executeTakeFirst();
    if (done) return { complete: true, size: Number(done.size) };
    const partial = await this.db.selectFrom('blob_uploads').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    return partial ? { complete: false, received: Number(partial.received), total: Number(partial.total) } : null;
  }

  /**
   * Takes bytes [offset, offset+data.length) of a blob of `total` bytes. The whole blob in one
   * call is offset 0 and total = data.length. A piece must start where the last one ended.
   */
  async write(sha256: string, offset: number, total: number, data: Buffer, deviceId: string): Promise<UploadState> {
    if (total > MAX_ATTACHMENT_BYTES) throw new HubInputError('BLOB_TOO_LARGE', `附件超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB 的上限`);
    if (offset + data.length > total) throw new HubInputError('INVALID_REQUEST', '上传的数据超出了声明的总长度');
    const existing = await this.state(sha256);
    if (existing?.complete) return existing;
    const received = existing?.received ?? 0;
    if (existing && existing.total !== total) throw new HubInputError('INVALID_REQUEST', '总长度与此前的上传不一致');
    if (offset !== received) throw new HubInputError('UPLOAD_OFFSET', `应从第 ${received} 字节继续上传`);
    if (offset % CHUNK_BYTES !== 0 && data.length > 0) throw new HubInputError('INVALID_REQUEST', '分片须按 1 MiB 对齐');
    const now = isoNow();
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < data.length; i += CHUNK_BYTES) {
        const idx = (offset + i) / CHUNK_BYTES;
        await trx.insertInto('blob_chunks').values({ sha256, idx, data: data.subarray(i, i + CHUNK_BYTES) }).onConflict((oc) => oc.columns(['sha256', 'idx']).doNothing()).execute();
      }
      await trx
        .insertInto('blob_uploads')
        .values({ sha256, total, received: offset + data.length, updated_at: now })
        .onConflict((oc) => oc.column('sha256').doUpdateSet({ received: offset + data.length, updated_at: now }))
        .execute();
    });
    if (offset + data.length < total) return { complete: false, received: offset + data.length, total };
    return this.finish(sha256, total, deviceId);
  }

  private async finish(sha256: string, total: number, deviceId: string): Promise<UploadState> {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of this.chunks(sha256)) {
      hash.update(chunk);
      size += chunk.length;
    }
    if (hash.digest('hex') !== sha256 || size !== total) {
      await this.db.deleteFrom('blob_chunks').where('sha256', '=', sha256).execute();
      await this.db.deleteFrom('blob_uploads').where('sha256', '=', sha256).execute();
      throw new HubInputError('BLOB_HASH_MISMATCH', '附件内容与其 sha256 摘要不符，请重新上传');
    }
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('blobs').values({ sha256, size, uploaded_by: deviceId, created_at: isoNow() }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
      await trx.deleteFrom('blob_uploads').where('sha256', '=', sha256).execute();
    });
    return { complete: true, size };
  }

  async *chunks(sha256: string): AsyncGenerator<Buffer> {
    for (let idx = 0; ; idx++) {
      const row = await this.db.selectFrom('blob_chunks').select('data').where('sha256', '=', sha256).where('idx', '=', idx).executeTakeFirst();
      if (!row) return;
      yield Buffer.from(row.data);
    }
  }

  /** Whether a device may read a blob: its uploader, a region device, or a hall involved in a case that uses it. */
  async mayRead(sha256: string, device: { device_id: string; hall_id: string; scope: string }): Promise<boolean> {
    const blob = await this.db.selectFrom('blobs').select('uploaded_by').where('sha256', '=', sha256).executeTakeFirst();
    if (!blob) return false;
    if (device.scope === 'region' || blob.uploaded_by === device.device_id) return true;
    const cases = await this.db
      .selectFrom('blob_refs')
      .innerJoin('cases', 'cases.case_id', 'blob_refs.case_id')
      .select('cases.involved')
      .where('blob_refs.sha256', '=', sha256)
      .execute();
    return cases.some((c) => (JSON.parse(c.involved) as string[]).includes(device.hall_id));
  }
}
