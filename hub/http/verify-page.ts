// The public zh-CN page that says whether a certificate is genuine: it checks the signature
// against the authority's published key, here on the hub, and says so plainly.
import { maskHolderId, verifyCertificate } from '../../shared/certificate/verify';
import type { AuthorityKey } from '../../shared/protocol/wire';
import type { CertificateTable } from '../store/schema';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, tone: 'ok' | 'bad', body: string): string {
  const color = tone === 'ok' ? '#237804' : '#a8071a';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} · 通办证照核验</title>
<style>body{font-family:"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;margin:0;background:#f5f5f5;color:#262626}
main{max-width:640px;margin:40px auto;background:#fff;padding:32px;border-radius:8px;box-shadow:0 1px 4px #0001}
h1{color:${color};font-size:24px;margin:0 0 16px}dl{display:grid;grid-template-columns:8em 1fr;gap:8px 16px}dt{color:#8c8c8c}dd{margin:0}</style></head>
<body><main><h1>${esc(title)}</h1>${body}<p style="color:#8c8c8c;font-size:13px;margin-top:24px">京津冀政务服务“跨省通办” · 电子证照核验</p></main></body></html>`;
}

export async function verifyPage(row: CertificateTable | null, keys: AuthorityKey[]): Promise<string> {
  if (!row) return page('未找到该证照', 'bad', '<p>证照编号不存在。请核对编号，或向发证机关咨询。此证照可能是伪造的。</p>');
  const verdict = await verifyCertificate({ certificate: JSON.parse(row.body) as unknown, signature: row.signature, keyId: row.key_id }, keys);
  if (verdict.kind !== 'genuine') return page('证照无效', 'bad', '<p>证照的签名与发证机关的公钥不符，内容可能被篡改。请勿采信。</p>');
  const cert = verdict.certificate;
  if (row.status === 'revoked') return page('证照已注销', 'bad', `<p>该证照由${esc(cert.authority)}签发，现已注销，不再有效。</p>`);
  const fields = `<dl><dt>证照名称</dt><dd>${esc(cert.name ?? '')}</dd><dt>持证人</dt><dd>${esc(cert.holder.name.slice(0, 1))}${'*'.repeat(Math.max(1, cert.holder.name.length - 1))}</dd>
<dt>证件号码</dt><dd>${esc(maskHolderId(cert.holder.idNumber))}</dd><dt>发证机关</dt><dd>${esc(cert.authority)}</dd>
<dt>签发日期</dt><dd>${esc(cert.issuedAt.slice(0, 10))}</dd>${cert.validUntil ? `<dt>有效期至</dt><dd>${esc(cert.validUntil)}</dd>` : ''}
<dt>办件编号</dt><dd>${esc(cert.caseNo)}</dd><dt>证照编号</dt><dd>${esc(cert.certificateId)}</dd></dl>`;
  return page('证照真实有效', 'ok', `<p>该证照由${esc(cert.authority)}签发，电子签名核验通过。</p>${fields}`);
}
