// The certificate printed at the delivery hall: the template in resources/templates filled from the
// signed certificate, with the QR code that lets anyone verify it (shared/certificate/verify).
import Mustache from 'mustache';
import template from '../../../resources/templates/certificate.html?raw';
import { certificateQrText, type SignedCertificate } from '../../../shared/certificate/verify';
import type { FormValue } from '../../../shared/protocol/events';
import { validateResidentId, validateUscc } from '../../../shared/validators';
import { chineseDate, escapeHtml, printDocument } from './html';
import { qrSvg } from './qr-svg';

export interface CertificatePrint {
  signed: SignedCertificate;
  hubUrl: string;
  itemName: string;
  /** The labels of the item's form fields, by field name. */
  fieldLabels: ReadonlyMap<string, string>;
  deliveryHallName: string;
  /** Set on a reprint: printed on the paper so the copy is told apart. */
  reprint?: { count: number; reason: string };
}

export const CERT_CSS = `
.tb-cert { font-family: "Noto Serif CJK SC", "Source Han Serif SC", SimSun, "Songti SC", "WenQuanYi Micro Hei", serif; color: #111; max-width: 180mm; margin: 0 auto; }
.tb-cert-frame { border: 3px double #b5242b; padding: 14mm 12mm 10mm; min-height: 240mm; box-sizing: border-box; position: relative; }
.tb-cert-title { text-align: center; font-size: 30px; letter-spacing: 10px; color: #b5242b; margin: 0 0 6mm; }
.tb-cert-no { text-align: center; margin: 0 0 8mm; font-size: 13px; }
.tb-cert-table { width: 100%; border-collapse: collapse; font-size: 15px; }
.tb-cert-table th, .tb-cert-table td { border: 1px solid #555; padding: 3mm 4mm; text-align: left; vertical-align: top; }
.tb-cert-table th { width: 32mm; background: #faf6f0; font-weight: 600; white-space: nowrap; }
.tb-cert-foot { display: flex; justify-content: space-between; align-items: flex-end; margin-top: 14mm; }
.tb-cert-qr { text-align: center; font-size: 12px; }
.tb-cert-qr p { margin: 2mm 0 0; }
.tb-cert-issuer { text-align: center; font-size: 15px; position: relative; }
.tb-cert-issuer p { margin: 2mm 0; }
.tb-cert-seal { width: 38mm; height: 38mm; border: 2px solid #b5242b; border-radius: 50%; color: #b5242b; display: flex; align-items: center; justify-content: center; margin: 0 auto 2mm; font-size: 12px; padding: 4mm; box-sizing: border-box; text-align: center; opacity: 0.85; }
.tb-cert-note { font-size: 11px; color: #444; margin-top: 10mm; line-height: 1.6; word-break: break-all; }
.tb-cert-copy { font-size: 13px; color: #b5242b; border: 1px solid #b5242b; display: inline-block; padding: 1mm 3mm; }
.tb-mono { font-family: "DejaVu Sans Mono", Consolas, monospace; letter-spacing: 0.5px; }
`;

function valueText(v: FormValue | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/** The certificate's body, for the print document and the on-screen preview alike. */
export function certificateBody(p: CertificatePrint): string {
  const c = p.signed.certificate;
  const qrText = certificateQrText(p.hubUrl, p.signed);
  return Mustache.render(
    template,
    {
      title: c.name ?? p.itemName,
      certificateId: c.certificateId,
      holderName: c.holder.name,
      // The certificate records the number, not its kind: an enterprise holder's number is a USCC.
      idLabel: validateResidentId(c.holder.idNumber).ok
        ? '公民身份号码'
        : validateUscc(c.holder.idNumber).ok
          ? '统一社会信用代码'
          : '证件号码',
      holderIdNumber: c.holder.idNumber,
      itemName: p.itemName,
      itemCode: c.itemCode,
      fields: Object.entries(c.fields).map(([name, value]) => ({
        label: p.fieldLabels.get(name) ?? name,
        value: valueText(value),
      })),
      validity: c.validUntil
        ? `${chineseDate(beijingDay(c.issuedAt))} 至 ${chineseDate(c.validUntil)}`
        : '长期',
      authority: c.authority,
      issuedDate: chineseDate(beijingDay(c.issuedAt)),
      keyId: p.signed.keyId,
      caseNo: c.caseNo,
      deliveryHallName: p.deliveryHallName,
      verifyUrl: qrText.slice(0, qrText.indexOf('#')),
      qrSvg: qrSvg(qrText, '证照核验二维码', 150),
      copyNote: p.reprint ? `补打（第 ${p.reprint.count} 次）：${p.reprint.reason}` : '',
    },
    {},
    // The same escaping as every other paper we print.
    { escape: escapeHtml },
  );
}

function beijingDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function certificateDocument(p: CertificatePrint): string {
  return printDocument(
    p.signed.certificate.name ?? p.itemName,
    `<style>${CERT_CSS}</style>${certificateBody(p)}`,
  );
}
