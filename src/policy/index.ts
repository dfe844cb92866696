export { getPolicy, errnoPolicy, isRetriable, retryDelay, requiresUserAction, requiresReauthorization, isConfigurationError, isCancel, POLICY_KEY, GUIDANCE_KEY, decodePolicy } from './policy'
export type { PolicyKind, ErrorPolicy } from './policy'
export { withRetry, withTimeout } from './retry'
export type { RetryOptions, RetryContext, CancellablePromise, AbortSignalLike } from './retry'
