// The enrollment QR code: the hub's address and a one-time code in one scan, so a technician types
// neither. The text is `tongban:enroll?hub=<origin>&code=<code>`; JSON `{"hub","code"}` made with any
// QR generator is read too.
import { fail, ok, type Result } from '../../../shared/result';

export const ENROLL_CODE_SHAPE = /^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/;

export interface EnrollQr {
  hubUrl: string;
  code: string;
}

export function enrollQrText(hubUrl: string, code: string): string {
  return `tongban:enroll?hub=${encodeURIComponent(hubUrl)}&code=${encodeURIComponent(code)}`;
}

function fields(text: string): { hub: unknown; code: unknown } | null {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const j = JSON.parse(trimmed) as Record<string, unknown>;
      return { hub: j.hub ?? j.hubUrl, code: j.code };
    } catch {
      return null;
    }
  }
  if (!/^tongban:enroll\?/i.test(trimmed)) return null;
  const q = new URLSearchParams(trimmed.slice(trimmed.indexOf('?') + 1));
  return { hub: q.get('hub'), code: q.get('code') };
}

/** What a scanned QR code says, or why it cannot be used for enrollment. */
export function parseEnrollQr(text: string): Result<EnrollQr> {
  const f = fields(text);
  if (!f) return fail('QR_NOT_ENROLL', '这不是通办的注册二维码：请扫描管理员发放的注册二维码');
  if (typeof f.hub !== 'string' || !/^https?:\/\/[^\s/]+/i.test(f.hub)) return fail('QR_NO_HUB', '注册二维码中缺少中心地址（须以 http:// 或 https:// 开头）');
  if (typeof f.code !== 'string' || !ENROLL_CODE_SHAPE.test(f.code.trim())) return fail('QR_NO_CODE', '注册二维码中的注册码格式不对（应为 12 位字母数字）');
  return ok({ hubUrl: f.hub.trim(), code: f.code.trim().toUpperCase() });
}
