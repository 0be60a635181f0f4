// Verifying a certificate at the counter: from the QR code's text (offline, with the synced keys)
// or from its number (the hub's record, or a case on this counter), and the revocation status
// when the hub can be asked.
import { t } from '../../i18n';
import {
  parseScannedCertificate,
  verifyCertificate,
  verifyScanned,
  type Verdict,
} from '../../../shared/certificate/verify';
import type { AuthorityKey } from '../../../shared/protocol/wire';
import { db } from '../../data/db';
import { caseIdsWhere } from '../cases/case-list-client';
import { HubError, hubFetch } from '../../data/device';
import { localAuthorityKeys, refreshAuthorityKeys } from '../../data/authority-keys';

export interface Outcome {
  verdict: Verdict;
  /** 'revoked' / 'valid' as the hub says; null when the hub could not be asked. */
  hubStatus: 'valid' | 'revoked' | null;
  offline: boolean;
  source: 'qr' | 'hub' | 'local';
}

export type VerifyDeps = {
  keys(): Promise<AuthorityKey[]>;
  refreshKeys(): Promise<AuthorityKey[]>;
  /** The hub's record of a certificate: null when it has none; throws when unreachable. */
  fetchRecord(id: string): Promise<{ signed: unknown; status: 'valid' | 'revoked' } | null>;
  /** A certificate issued on a case this counter holds. */
  localRecord(id: string): Promise<unknown | null>;
};

export const counterDeps: VerifyDeps = {
  keys: localAuthorityKeys,
  refreshKeys: refreshAuthorityKeys,
  async fetchRecord(id) {
    try {
      const res = await hubFetch(`/api/v1/certificates/${encodeURIComponent(id)}`);
      const body = (await res.json()) as {
        certificate: unknown;
        signature: unknown;
        keyId: unknown;
        status: 'valid' | 'revoked';
      };
      return {
        signed: { certificate: body.certificate, signature: body.signature, keyId: body.keyId },
        status: body.status === 'revoked' ? 'revoked' : 'valid',
      };
    } catch (e) {
      if (e instanceof HubError && e.code === 'NOT_FOUND') return null;
      throw e;
    }
  },
  async localRecord(id) {
    // No index holds certificate ids: only cases that reached issuance can hold one.
    const issued = await caseIdsWhere({ states: ['certificate_issued', 'printed', 'delivered'], itemCode: null, hall: null });
    const rows = await db().cases.bulkGet(issued);
    return rows.find((r) => r?.view.certificate?.certificate.certificateId === id)?.view.certificate ?? null;
  },
};

async function withKeys(
  deps: VerifyDeps,
  check: (keys: AuthorityKey[]) => Promise<Verdict>,
): Promise<{ verdict: Verdict; offline: boolean }> {
  const first = await check(await deps.keys());
  if (first.kind !== 'unknown_key') return { verdict: first, offline: false };
  try {
    return { verdict: await check(await deps.refreshKeys()), offline: false };
  } catch {
    return { verdict: first, offline: true };
  }
}

export async function verifyInput(
  text: string,
  deps: VerifyDeps = counterDeps,
): Promise<Outcome | { error: string }> {
  const scanned = parseScannedCertificate(text);
  if (scanned.kind === 'unreadable') return { error: scanned.message };
  const id = scanned.certificateId;
  let record: Awaited<ReturnType<VerifyDeps['fetchRecord']>> = null;
  let offline = false;
  if (id) {
    try {
      record = await deps.fetchRecord(id);
    } catch {
      offline = true;
    }
  }
  if (scanned.kind === 'signed') {
    const r = await withKeys(deps, (keys) => verifyScanned(scanned, keys));
    return {
      verdict: r.verdict,
      hubStatus: record?.status ?? null,
      offline: offline || r.offline,
      source: 'qr',
    };
  }
  if (record) {
    const r = await withKeys(deps, (keys) => verifyCertificate(record.signed, keys));
    return { verdict: r.verdict, hubStatus: record.status, offline: r.offline, source: 'hub' };
  }
  const local = await deps.localRecord(id);
  if (local) {
    const r = await withKeys(deps, (keys) => verifyCertificate(local, keys));
    return { verdict: r.verdict, hubStatus: null, offline: true, source: 'local' };
  }
  if (offline)
    return {
      error: t('verify.noRecordOffline'),
    };
  return {
    verdict: {
      kind: 'forged',
      certificate: null,
      message: t('verify.unknownAtHub'),
    },
    hubStatus: null,
    offline: false,
    source: 'hub',
  };
}
