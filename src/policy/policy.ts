import { ERRNO_POLICY } from './generated/errno-policy'
import { toErrnoError } from '../errno/normalize'
import type { ErrnoError } from '../errno/ErrnoError'
import { clampDelay } from '../errno/delay'

/**
 * What to do about a failure:
 * - `retry`: transient; trying again (after `delayMs`) may succeed;
 * - `user`: the end user must change something (turn on Bluetooth, grant a permission);
 * - `reauth`: the user's login or token is no longer valid: log in again;
 * - `config`: the app's configuration or console settings must change;
 * - `fix`: the calling code is wrong (arguments, call order);
 * - `unsupported`: this device, system or client cannot do it;
 * - `cancel`: the user cancelled; not an error to show;
 * - `none`: nothing the library can advise.
 */
export type PolicyKind = 'retry' | 'user' | 'reauth' | 'config' | 'fix' | 'unsupported' | 'cancel' | 'none'

export interface ErrorPolicy {
  kind: PolicyKind
  /** For `retry`: how long to wait before the next attempt, in milliseconds. */
  delayMs?: number
}

/** Error classes of this library put their policy under this key, so any copy can read it. */
export const POLICY_KEY = '@@miniprogram-errno/policy'

const KINDS: { [letter: string]: PolicyKind } = { r: 'retry', u: 'user', a: 'reauth', c: 'config', f: 'fix', n: 'unsupported', x: 'cancel' }

/** Error classes of this library put the id of their guidance template under this key. */
export const GUIDANCE_KEY = '@@miniprogram-errno/guidance'

/** Reads a generated policy code: a class letter, then the retry delay in ms for `r`. */
export function decodePolicy(code: string | undefined): ErrorPolicy {
  if (!code || code === '-') return { kind: 'none' }
  const policy: ErrorPolicy = { kind: KINDS[code[0]] || 'none' }
  if (code.length > 1) policy.delayMs = Number(code.slice(1))
  return policy
}

/** The policy of an errno, from the catalogue. */
export function errnoPolicy(errno: number): ErrorPolicy {
  return decodePolicy(ERRNO_POLICY[errno])
}

/** The policy of any failure: an ErrnoError, a server/cloud/HTTP error of this library, or a raw object. */
export function getPolicy(err: unknown): ErrorPolicy {
  if (err !== null && typeof err === 'object') {
    try {
      const carried = (err as { [key: string]: unknown })[POLICY_KEY] as ErrorPolicy | undefined
      if (carried && typeof carried.kind === 'string') return carried
    } catch (error) {
      // a proxy that throws: fall through to the errno
    }
  }
  return errnoPolicy(toErrnoError(err).errno)
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

/** true when the user must log in or authorise again (expired code, token or ticket). */
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
