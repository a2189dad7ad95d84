/**
 * One error vocabulary. Every expected failure is an AppError with a stable code;
 * the HTTP status comes from this table only.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  /** An `X-API-Key` that is unknown or revoked. */
  API_KEY_INVALID: 401,
  /** A valid API key on a route its scopes do not reach. */
  API_KEY_SCOPE: 403,
  ACCOUNT_LOCKED: 423,
  FORBIDDEN: 403,
  COMPLAINANT_PROTECTED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  TRANSITION_NOT_ALLOWED: 409,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  REASON_REQUIRED: 422,
  /** A dispatch of an order that has no problem category (问题分类) or district (所在区). */
  CLASSIFICATION_REQUIRED: 422,
  /** A service number's effective date leaves less notice than the regulation asks (beijing-miyun §11). */
  NOTICE_TOO_SHORT: 422,
  /** The same Idempotency-Key was sent with a different request. */
  IDEMPOTENCY_KEY_REUSED: 422,
  /** A 统一社会信用代码 that fails GB 32100-2015 (length, characters or check character). */
  INVALID_CREDIT_CODE: 422,
  PAYLOAD_TOO_LARGE: 413,
  /** An upload whose content is not of an accepted type (checked by its first bytes). */
  UNSUPPORTED_FILE_TYPE: 415,
  RATE_LIMITED: 429,
  /** The portal's daily number of requests from one phone is reached. */
  PHONE_DAILY_LIMIT: 429,
  /** The portal's proof-of-work challenge is missing, wrong, expired or used before. */
  CHALLENGE_FAILED: 403,
  /** A transaction kept losing to concurrent ones (deadlock, serialization) after its retries. */
  BUSY: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
