export { getPolicy, errnoPolicy, isRetriable, retryDelay, requiresUserAction, requiresReauthorization, isConfigurationError, isCancel, POLICY_KEY } from './policy'
export type { PolicyKind, ErrorPolicy } from './policy'
export { withRetry, withTimeout } from './retry'
export type { RetryOptions, RetryContext, CancellablePromise, AbortSignalLike } from './retry'
