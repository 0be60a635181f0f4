// Verifying a certificate anywhere: on the hub's page, and on any counter, offline, with the
// authority keys it has synced. The signature covers the canonical JSON of the certificate
// (PROTOCOL.md, certificate.issued); the paper's QR code carries the whole signed certificate, so a
// counter can check a paper it has never seen without the network.
import { canonicalJson } from '../crypto/canonical-json';
import { fromBase64Url, toBase64Url, utf8 } from '../crypto/bytes';
import { verify } from '../crypto/ed25519';
import { CertificateIssued, type Certificate } from '../protocol/events';
import type { AuthorityKey } from '../protocol/wire';
import { maskIdNumberByType, validateResidentId, validateUscc } from '../validators';

export interface SignedCertificate {
  certificate: Certificate;
  signature: string;
  keyId: string;
}

export type Verdict =
  | { kind: 'genuine'; certificate: Certificate; key: AuthorityKey }
  /** The signature does not match: the content was altered, or it was never signed by the key. */
  | { kind: 'forged'; certificate: Certificate | null; message: string }
  /** The key that signed it is not among the keys this device knows (offline, or a new key). */
  | { kind: 'unknown_key'; certificate: Certificate; message: string }
  | { kind: 'malformed'; message: string };

/** Checks a signed certificate against the authority keys. Never throws on bad input. */
export async function verifyCertificate(
  input: unknown,
  keys: readonly AuthorityKey[],
): Promise<Verdict> {
  const parsed = CertificateIssued.safeParse(input);
  if (!parsed.success)
    return {
      kind: 'malformed',
      message: '证照数据不完整或格式不对，无法核验。此证照可能是伪造的。',
    };
  const { certificate, signature, keyId } = parsed.data;
  const key = keys.find((k) => k.keyId === keyId);
  if (!key) {
    return {
      kind: 'unknown_key',
      certificate,
      message: '本机没有签发该证照所用的发证机关公钥。请联网后再核验（联网时本机会自动更新公钥）。',
    };
  }
  if (!(await verify(key.publicKey, canonicalJson(certificate), signature))) {
    return {
      kind: 'forged',
      certificate,
      message: '电子签名核验不通过：证照内容与发证机关签发的不一致，可能被伪造或篡改。请勿采信。',
    };
  }
  if (key.retiredAt && Date.parse(certificate.issuedAt) > Date.parse(key.retiredAt)) {
    return {
      kind: 'forged',
      certificate,
      message: '签发时间晚于该密钥的停用时间：此证照不是用有效密钥签发的。请勿采信。',
    };
  }
  return { kind: 'genuine', certificate, key };
}

// The QR code on the paper: the hub's public verify address (a phone opens it), with the signed
// certificate in the fragment (never sent to a server) for offline checks at a counter.
const FRAGMENT = '#tb1.';

export function certificateQrText(hubUrl: string, signed: SignedCertificate): string {
  const compact = canonicalJson({ c: signed.certificate, k: signed.keyId, s: signed.signature });
  return `${hubUrl.replace(/\/+$/, '')}/verify/${signed.certificate.certificateId}${FRAGMENT}${toBase64Url(utf8(compact))}`;
}

export type ScannedCertificate =
  | { kind: 'signed'; certificateId: string; signed: unknown }
  | { kind: 'id'; certificateId: string }
  | { kind: 'unreadable'; message: string };

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * What a scanner (which types like a keyboard) or a clerk entered: the QR code's text, a verify
 * address, or a bare certificate number.
 */
export function parseScannedCertificate(text: string): ScannedCertificate {
  const input = text.trim();
  if (!input) return { kind: 'unreadable', message: '请扫描证照上的二维码，或输入证照编号。' };
  const at = input.indexOf(FRAGMENT);
  if (at >= 0) {
    const bytes = fromBase64Url(input.slice(at + FRAGMENT.length));
    const id = UUID.exec(input.slice(0, at))?.[0]?.toLowerCase() ?? '';
    if (!bytes) return { kind: 'unreadable', message: '二维码内容不完整，请重新扫描。' };
    try {
      const o = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as {
        c?: unknown;
        k?: unknown;
        s?: unknown;
      };
      return {
        kind: 'signed',
        certificateId: id,
        signed: { certificate: o.c, keyId: o.k, signature: o.s },
      };
    } catch {
      return { kind: 'unreadable', message: '二维码内容无法识别，请重新扫描。' };
    }
  }
  const id = UUID.exec(input)?.[0];
  if (id) return { kind: 'id', certificateId: id.toLowerCase() };
  return {
    kind: 'unreadable',
    message: '不是有效的证照编号或证照二维码。证照编号形如 0190xxxx-xxxx-7xxx-xxxx-xxxxxxxxxxxx。',
  };
}

/** Verifies what a QR code carried, also checking that its address names the same certificate. */
export async function verifyScanned(
  scanned: Extract<ScannedCertificate, { kind: 'signed' }>,
  keys: readonly AuthorityKey[],
): Promise<Verdict> {
  const verdict = await verifyCertificate(scanned.signed, keys);
  if (
    verdict.kind === 'genuine' &&
    scanned.certificateId &&
    scanned.certificateId !== verdict.certificate.certificateId
  ) {
    return {
      kind: 'forged',
      certificate: verdict.certificate,
      message: '二维码中的证照编号与证照内容不一致，二维码可能被替换。请勿采信。',
    };
  }
  return verdict;
}

/**
 * The holder's number as screens show it. A certificate records the number, not its kind: a valid
 * resident number is masked as one, a USCC (an organization's public code) is shown whole.
 */
export function maskHolderId(idNumber: string): string {
  if (validateResidentId(idNumber).ok) return maskIdNumberByType('resident', idNumber);
  if (validateUscc(idNumber).ok) return maskIdNumberByType('uscc', idNumber);
  return maskIdNumberByType('other', idNumber);
}
