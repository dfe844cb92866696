import { decodePolicy, errnoPolicy, carriedPolicy, POLICY_KEY } from '../errno/policy-table'
import type { ErrorPolicy, PolicyKind, ErrorKind } from '../errno/policy-table'

export { decodePolicy, errnoPolicy, POLICY_KEY }
export type { ErrorPolicy, PolicyKind, ErrorKind }
import { toErrnoError } from '../errno/normalize'
import type { ErrnoError } from '../errno/ErrnoError'
import { clampDelay } from '../shared/delay'

/** Error classes of this library put the id of their guidance template under this key. */
export const GUIDANCE_KEY = '@@miniprogram-errno/guidance'

/** The policy of any failure: an ErrnoError, a server/cloud/HTTP error of this library, or a raw object. */
export function getPolicy(err: unknown): ErrorPolicy {
  return carriedPolicy(err) || toErrnoError(err).policy
}

/** true when trying again may succeed (time-outs, network faults, rate limits, busy servers). */
export function isRetriable(err: unknown): boolean {
  return getPolicy(err).kind === 'retry'
}

/** How long to wait before retrying, in milliseconds; undefined when retrying will not help. */
export function retryDelay(err: unknown): number | undefined {
  const policy = getPolicy(err)
  return policy.kind === 'retry' ? clampDelay(policy.delayMs !== undefined ? policy.delayMs : 1000) : undefined
}

/** true when the end user must act: turn something on, grant a permission, enter a password. */
export function requiresUserAction(err: unknown): boolean {
  return getPolicy(err).kind === 'user'
}

/**
 * true when the end user must sign in or authorise again (expired login code, user token or ticket). Not the app
 * server's own access_token: see requiresServerTokenRefresh.
 */
export function requiresReauthorization(err: unknown): boolean {
  return getPolicy(err).kind === 'reauth'
}

/** true when the app's configuration must change (domain list, privacy declaration, credentials). */
export function isConfigurationError(err: unknown): boolean {
  return getPolicy(err).kind === 'config'
}

/** true when the user cancelled (errno 1): show no error UI for it. */
export function isCancel(err: unknown): err is ErrnoError {
  return getPolicy(err).kind === 'cancel'
}

/**
 * true when the app server's own access_token (WeChat server errcodes 40001, 40014, 42001) is invalid or
 * expired: the server fetches a new one (getAccessToken / getStableAccessToken) and retries. The end user
 * has nothing to do; apiRequest's `reauthorize` does not run for it.
 */
export function requiresServerTokenRefresh(err: unknown): boolean {
  return getPolicy(err).kind === 'token'
}

/**
 * Who or what a failure comes from (see ErrorKind): `developer` for mistakes in the app's code or
 * configuration, `user` for what the user can fix, `network`, `service`, `system`, `cancel`, `unknown`.
 * Accepts anything, like getPolicy: this library's errors say it themselves (`err.kind`), anything else
 * is read as an ErrnoError.
 */
export function errorKind(err: unknown): ErrorKind {
  if (err !== null && typeof err === 'object') {
    try {
      const own = err as { [key: string]: unknown }
      if (own[POLICY_KEY] !== undefined && typeof own.kind === 'string') return own.kind as ErrorKind
    } catch (error) {
      // a proxy that throws: read it as an ErrnoError
    }
  }
  return toErrnoError(err).kind
}
