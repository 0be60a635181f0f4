// An attachment's bytes for viewing: from this counter's store when it has them, else from the hub
// for the logged-in person (device signature plus the session's bearer token), checked by hash.
import { t } from '../../i18n';
import { toHex } from '../../../shared/crypto/bytes';
import type { Attachment } from '../../../shared/protocol/events';
import { db } from '../../data/db';
import { HubError, hubFetch } from '../../data/device';

export type ViewKind = 'image' | 'pdf' | 'other';

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp', 'image/svg+xml', 'image/avif']);

/**
 * How to show an attachment. Images go in an <img> (which never runs scripts, SVG included) and
 * PDFs in the browser's viewer; anything else, HTML above all, is only offered for download, since
 * a blob: URL shares the app's origin.
 */
export function viewKind(mime: string): ViewKind {
  const m = mime.toLowerCase().split(';')[0]!.trim();
  if (IMAGE_TYPES.has(m)) return 'image';
  if (m === 'application/pdf') return 'pdf';
  return 'other';
}

export async function attachmentBlob(att: Attachment, token: string | undefined): Promise<{ blob: Blob; from: 'local' | 'hub' }> {
  const local = await db().blobs.get(att.sha256);
  if (local) return { blob: new Blob([local.bytes], { type: att.mime }), from: 'local' };
  if (!token) throw new HubError('OFFLINE_LOGIN', t('casePage.offlineAttachment'));
  const res = await hubFetch(`/api/v1/blobs/${att.sha256}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = await res.arrayBuffer();
  if (toHex(await crypto.subtle.digest('SHA-256', bytes)) !== att.sha256) {
    throw new HubError('BLOB_MISMATCH', t('casePage.blobMismatch'));
  }
  return { blob: new Blob([bytes], { type: att.mime }), from: 'hub' };
}
