// Field schemas the whole contract reuses: ids, times, hashes, halls, roles.
import { z } from 'zod';
import { HALL_ID_PATTERN } from '../halls';
import './zod-locale';

export const Uuid = z.uuid();
export const HallId = z.string().regex(HALL_ID_PATTERN, '营业厅代码应为 2 至 6 位大写字母');
export const IsoTime = z.iso.datetime({ offset: false, precision: 3 });
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 应为 64 位小写十六进制');
export const Base64Url = z.string().regex(/^[A-Za-z0-9_-]+$/, '应为 base64url 编码');
/** A device id the hub assigned (UUID), or "hub" for the hub's own events. */
export const DeviceId = z.union([z.uuid(), z.literal('hub')]);
export const DeviceCode = z.string().regex(/^[A-Z]{2,6}\d{2}[A-Z]$/, '设备编号格式应如 TJ03A');

export const ROLES = ['clerk', 'reviewer', 'supervisor', 'technician', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  clerk: '窗口受理员',
  reviewer: '审核员',
  supervisor: '督查员',
  technician: '技术员',
  admin: '管理员',
};

export const Scope = z.enum(['hall', 'region']);
export type Scope = z.infer<typeof Scope>;
