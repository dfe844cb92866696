export {
  getPolicy,
  errnoPolicy,
  isRetriable,
  retryDelay,
  requiresUserAction,
  requiresReauthorization,
  requiresServerTokenRefresh,
  isConfigurationError,
  isCancel,
  errorKind,
  POLICY_KEY,
  GUIDANCE_KEY,
  decodePolicy,
} from './policy'
export type { PolicyKind, ErrorPolicy, ErrorKind } from './policy'
export { withRetry, withTimeout } from './retry'
export type { RetryOptions, RetryContext, CancellablePromise, AbortSignalLike } from './retry'
