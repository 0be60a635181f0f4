// Errors as the contract writes them: { error: { code, message } } with a fitting status.
import type { FastifyReply } from 'fastify';

const STATUS: Record<string, number> = {
  CODE_UNKNOWN: 404,
  CODE_USED: 403,
  CODE_EXPIRED: 403,
  DEVICE_UNKNOWN: 401,
  DEVICE_REVOKED: 403,
  CLOCK_SKEW: 401,
  BAD_SIGNATURE: 401,
  BAD_CREDENTIALS: 401,
  TOKEN_INVALID: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_REQUEST: 400,
  BLOB_HASH_MISMATCH: 422,
  BLOB_TOO_LARGE: 413,
  UPLOAD_OFFSET: 409,
  INTERNAL: 500,
};

export function sendError(reply: FastifyReply, code: string, message: string): FastifyReply {
  return reply.code(STATUS[code] ?? 400).send({ error: { code, message } });
}
