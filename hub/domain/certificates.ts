// Remote issuance: the certificate.issued event the hub writes on an approval, signed with the
// home authority's key over the canonical JSON of the certificate (PROTOCOL.md).
import { v7 as uuidv7 } from 'uuid';
import type { Item } from '../../shared/catalog/item-schema';
import type { CaseView } from '../../shared/case/projection';
import { canonicalJson } from '../../shared/crypto/canonical-json';
import { sign } from '../../shared/crypto/ed25519';
import type { Certificate, PayloadOf } from '../../shared/protocol/events';
import type { FormValue } from '../../shared/protocol/events';
import type { Kysely } from 'kysely';
import type { HubDatabase } from '../store/schema';
import type { SigningKeys } from './authority-keys';

function addYears(iso: string, years: number): string {
  const d = new Date(iso);
  // Valid until the day before the anniversary, as printed licences say (Beijing date).
  const until = new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()) + 8 * 3600_000 - 86_400_000);
  return until.toISOString().slice(0, 10);
}

export async function issueCertificate(
  keys: SigningKeys,
  view: CaseView,
  item: Item,
  issuedAt: string,
  db?: Kysely<HubDatabase>,
): Promise<PayloadOf<'certificate.issued'> | null> {
  if (!item.certificate) return null;
  const key = await keys.current(view.halls.homeHallId, db);
  if (!key) throw new Error(`营业厅 ${view.halls.homeHallId} 没有签发密钥`);
  const fields: Record<string, FormValue> = {};
  for (const name of item.certificate.fields ?? []) {
    const v = view.form[name];
    if (v !== undefined) fields[name] = v;
  }
  const certificate: Certificate = {
    certificateId: uuidv7(),
    caseId: view.caseId,
    caseNo: view.caseNo,
    itemCode: view.itemCode,
    name: item.certificate.name,
    holder: { name: view.applicant.name, idNumber: view.applicant.idNumber },
    authority: item.authority,
    issuedAt,
    ...(item.certificate.validYears ? { validUntil: addYears(issuedAt, item.certificate.validYears) } : {}),
    fields,
  };
  return { certificate, signature: await sign(key.key, canonicalJson(certificate)), keyId: key.keyId };
}
