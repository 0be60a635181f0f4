// Intake drafts in db().drafts: saved as the clerk types, offered again after a crash or a closed
// window. A draft's id is the case id the case will have, so a draft whose case was accepted (the
// app died between the two writes) is recognized and dropped instead of being accepted twice.
import { db, type DraftRow } from '../../data/db';
import { releaseAttachments } from './blob-store';
import type { IntakeValues } from './intake-values';

export interface DraftData {
  version: 1;
  itemCode: string;
  values: IntakeValues;
}

export interface Draft {
  id: string;
  updatedAt: number;
  itemCode: string;
  values: IntakeValues;
}

export function readDraft(row: DraftRow): Draft | null {
  const data = row.data as Partial<DraftData> | null;
  if (!data || data.version !== 1 || typeof data.itemCode !== 'string' || !data.values?.applicant) return null;
  return { id: row.id, updatedAt: row.updatedAt, itemCode: data.itemCode, values: data.values };
}

export async function saveDraft(id: string, itemCode: string, values: IntakeValues): Promise<number> {
  const updatedAt = Date.now();
  const data: DraftData = { version: 1, itemCode, values };
  await db().drafts.put({ id, updatedAt, itemCode, data });
  return updatedAt;
}

export async function deleteDraft(id: string): Promise<void> {
  await db().drafts.delete(id);
}

/** Throws the draft away, and the attachment bytes nothing else needs. */
export async function discardDraft(id: string): Promise<void> {
  const row = await db().drafts.get(id);
  await db().drafts.delete(id);
  const draft = row ? readDraft(row) : null;
  await releaseAttachments(draft?.values.materials.flatMap((m) => m.attachments.map((a) => a.sha256)) ?? []);
}

/** Drops drafts whose case is already in the outbox, and unreadable ones. */
export async function pruneDrafts(): Promise<void> {
  const d = db();
  await d.transaction('rw', [d.drafts, d.outbox], async () => {
    for (const row of await d.drafts.toArray()) {
      const accepted = (await d.outbox.where('caseId').equals(row.id).count()) > 0;
      if (accepted || !readDraft(row)) await d.drafts.delete(row.id);
    }
  });
}
