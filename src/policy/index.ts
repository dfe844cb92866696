export * from './policy'
export { withRetry, withTimeout } from './retry'
export type { RetryOptions, RetryContext, CancellablePromise, AbortSignalLike } from './retry'
