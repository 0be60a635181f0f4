// Attachment bytes on this counter: content-addressed (sha256) in db().blobs until the hub has them
// (the sync worker uploads them before it pushes the event that names them).
import { sha256Hex } from '../../../shared/crypto/bytes';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '../../../shared/protocol/events';
import { db } from '../../data/db';

export class AttachmentError extends Error {}

const NAME_MAX = 200;

function cleanName(name: string): string {
  const trimmed = name.trim() || '附件';
  if (trimmed.length <= NAME_MAX) return trimmed;
  const dot = trimmed.lastIndexOf('.');
  const ext = dot > 0 && trimmed.length - dot <= 10 ? trimmed.slice(dot) : '';
  return trimmed.slice(0, NAME_MAX - ext.length) + ext;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Keeps a file's bytes and returns the reference the event carries. */
export async function storeAttachment(file: Blob, name: string): Promise<Attachment> {
  if (file.size > MAX_ATTACHMENT_BYTES) {
    throw new AttachmentError(`文件“${name}”有 ${formatSize(file.size)}，超过单个附件 ${formatSize(MAX_ATTACHMENT_BYTES)} 的上限，请压缩或分页后再上传。`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sha256 = await sha256Hex(bytes);
  const mime = file.type || 'application/octet-stream';
  const attachment: Attachment = { sha256, name: cleanName(name), mime, size: bytes.length };
  await db().blobs.put({ ...attachment, bytes: new Blob([bytes], { type: mime }) });
  return attachment;
}

export async function attachmentUrl(sha256: string): Promise<string | null> {
  const row = await db().blobs.get(sha256);
  return row ? URL.createObjectURL(row.bytes) : null;
}

function collect(value: unknown, into: Set<string>): void {
  const materials = (value as { materials?: { attachments?: { sha256?: unknown }[] }[] } | null)?.materials;
  if (!Array.isArray(materials)) return;
  for (const m of materials) for (const a of m.attachments ?? []) if (typeof a.sha256 === 'string') into.add(a.sha256);
}

/**
 * Forgets the bytes of a discarded draft's attachments (an applicant's papers are not kept for
 * nothing), except those another draft or any of our events still names.
 */
export async function releaseAttachments(shas: readonly string[]): Promise<void> {
  if (shas.length === 0) return;
  const d = db();
  await d.transaction('rw', [d.blobs, d.drafts, d.outbox], async () => {
    const used = new Set<string>();
    for (const row of await d.drafts.toArray()) collect((row.data as { values?: unknown } | null)?.values, used);
    await d.outbox.each((row) => collect(row.event.payload, used));
    await d.blobs.bulkDelete(shas.filter((s) => !used.has(s)));
  });
}
