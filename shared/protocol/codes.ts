// Every error and rejection code of the wire contract (PROTOCOL.md), with its zh-CN explanation.

export const ERROR_CODES = {
  // HTTP and handshake
  CODE_UNKNOWN: '注册码不存在',
  CODE_USED: '注册码已被使用',
  CODE_EXPIRED: '注册码已过期',
  DEVICE_UNKNOWN: '设备未注册',
  DEVICE_REVOKED: '设备已被吊销，请联系管理员重新注册',
  CLOCK_SKEW: '本机时间与中心相差超过 5 分钟，请校准时间',
  BAD_SIGNATURE: '设备签名无效',
  BAD_CREDENTIALS: '用户名或密码错误',
  TOKEN_INVALID: '登录已失效，请重新登录',
  NOT_FOUND: '请求的内容不存在',
  INVALID_REQUEST: '请求格式错误',
  INVALID_MESSAGE: '消息格式错误',
  BLOB_HASH_MISMATCH: '附件内容与其摘要不符',
  BLOB_TOO_LARGE: '附件超过大小限制',
  INTERNAL: '中心内部错误',
  // push rejections
  INVALID_EVENT: '事件格式或内容不合规',
  FORBIDDEN: '无权进行此操作',
  INVALID_TRANSITION: '办件当前状态不允许此操作',
  UNKNOWN_CASE: '办件不存在',
  SEQ_GAP: '设备事件序号不连续，稍后重发',
  MISSING_BLOB: '附件尚未上传，稍后重发',
  DUPLICATE_CASE_NO: '办件编号已被其他办件使用',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Rejections that mean "not yet": they use up no deviceSeq and the device sends the event again. */
export const RETRYABLE_REJECTIONS: ReadonlySet<string> = new Set(['SEQ_GAP', 'MISSING_BLOB']);
