// The wire messages of PROTOCOL.md: HTTP bodies, socket.io push/pull/poke, the handshake.
import { z } from 'zod';
import { Base64Url, DeviceCode, HallId, Role, Scope, Uuid } from './primitives';
import type { StoredEvent } from './events';

export const PROTOCOL_VERSION = 1;
export const MAX_PUSH_EVENTS = 500;
export const MAX_PULL_LIMIT = 5000;
export const DEFAULT_PULL_LIMIT = 1000;
/** A device signature's timestamp may be this far from the hub's clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
export const SYNC_NAMESPACE = '/sync';

export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const EnrollRequest = z.object({
  code: z.string().trim().min(1).max(64),
  publicKey: Base64Url.length(43, '公钥应为 32 字节 base64url'),
  deviceName: z.string().trim().min(1).max(100),
  appVersion: z.string().trim().min(1).max(40),
});
export type EnrollRequest = z.infer<typeof EnrollRequest>;

export const EnrollResponse = z.object({
  deviceId: Uuid,
  deviceCode: DeviceCode,
  hallId: HallId,
  counterNo: z.number().int().min(0).max(99),
  scope: Scope,
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Staff = z.object({
  staffId: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  hallId: HallId,
  roles: z.array(Role).min(1),
});

/** GET /api/v1/staff: who is who, for the names in every hall's timelines. */
export const StaffDirectory = z.object({ staff: z.array(Staff) });
export type Staff = z.infer<typeof Staff>;

export const OfflineVerifierSchema = z.object({
  alg: z.literal('PBKDF2-SHA256'),
  salt: Base64Url,
  iterations: z.number().int().min(1),
  hash: Base64Url,
});

export const LoginResponse = z.object({
  token: z.string().min(1),
  staff: Staff,
  offlineVerifier: OfflineVerifierSchema,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/** The push message itself; each event in it is checked one by one and answered in order. */
export const PushRequest = z.object({ events: z.array(z.unknown()).max(MAX_PUSH_EVENTS) });

export const PushStatus = z.enum(['accepted', 'duplicate', 'rejected']);
export const PushResult = z.object({
  id: z.string(),
  status: PushStatus,
  hubSeq: z.number().int().optional(),
  reason: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type PushResult = z.infer<typeof PushResult>;

export const PushResponse = z.object({
  results: z.array(PushResult),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const PullRequest = z.object({
  cursor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
});
export type PullRequest = z.infer<typeof PullRequest>;

export interface PullResponse {
  events: StoredEvent[];
  cursor: number;
  more: boolean;
  error?: { code: string; message: string };
}

export const Poke = z.object({ head: z.number().int().min(0) });
export type Poke = z.infer<typeof Poke>;

export const HandshakeAuth = z.object({
  deviceId: Uuid,
  timestamp: z.string().regex(/^\d{1,16}$/),
  signature: Base64Url,
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

export const AuthorityKey = z.object({
  keyId: z.string(),
  authority: z.string(),
  hallId: HallId.optional(),
  alg: z.literal('Ed25519'),
  publicKey: Base64Url,
  createdAt: z.string().optional(),
  retiredAt: z.string().nullable().optional(),
});
export type AuthorityKey = z.infer<typeof AuthorityKey>;
export const KeysResponse = z.object({ keys: z.array(AuthorityKey) });

/** What the device signs for an HTTP request (PROTOCOL.md, Device signature). */
export function requestSigningString(method: string, pathWithQuery: string, timestamp: string, bodySha256Hex: string): string {
  return `${method.toUpperCase()}\n${pathWithQuery}\n${timestamp}\n${bodySha256Hex}`;
}

/** What the device signs for the socket.io handshake. */
export function handshakeSigningString(deviceId: string, timestamp: string): string {
  return `tongban-sync\n${deviceId}\n${timestamp}`;
}

export const DEVICE_HEADERS = { id: 'x-device-id', timestamp: 'x-timestamp', signature: 'x-signature' } as const;
