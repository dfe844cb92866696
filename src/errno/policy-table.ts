// The policy of an errno and the kind (who is to blame) of a failure, read from the catalogue's data on first
// use (an ErrnoError's kind is a getter: creating one reads no table).
import { ERRNO_POLICY } from '../texts/generated/tables'
import { own } from '../shared/own'

/** Error classes of this library put their policy under this key, so any copy can read it. */
export const POLICY_KEY = '@@miniprogram-errno/policy'

/**
 * What to do about a failure:
 * - `retry`: transient; trying again (after `delayMs`) may succeed;
 * - `user`: the end user must change something (turn on Bluetooth, grant a permission);
 * - `reauth`: the user's sign-in is no longer valid: the user signs in again;
 * - `token`: the app server's own access_token expired: the server fetches a new one and retries (no user involved);
 * - `config`: the app's configuration or console settings must change;
 * - `fix`: the calling code is wrong (arguments, call order);
 * - `unsupported`: this device, system or client cannot do it;
 * - `cancel`: the user cancelled; not an error to show;
 * - `none`: nothing the library can advise.
 */
export type PolicyKind = 'retry' | 'user' | 'reauth' | 'token' | 'config' | 'fix' | 'unsupported' | 'cancel' | 'none'

export interface ErrorPolicy {
  kind: PolicyKind
  /** For `retry`: how long to wait before the next attempt, in milliseconds. */
  delayMs?: number
}

/**
 * Who or what a failure comes from, as Douyin's errorType says it (developer / user / framework):
 * - `cancel`: the user chose to stop;
 * - `user`: the user can fix it (a switch, a permission, signing in again);
 * - `developer`: the app's code or configuration is wrong (arguments, domain list, privacy declaration);
 * - `system`: the phone, the OS or WeChat cannot do it, or failed inside;
 * - `network`: the connection failed (offline, time-out, DNS, TLS);
 * - `service`: a server answered with an error (WeChat's, CloudBase's, the app's own API);
 * - `unknown`: nothing says which.
 */
export type ErrorKind = 'cancel' | 'user' | 'developer' | 'system' | 'network' | 'service' | 'unknown'

const KINDS: { [letter: string]: PolicyKind } = {
  r: 'retry',
  u: 'user',
  a: 'reauth',
  t: 'token',
  c: 'config',
  f: 'fix',
  n: 'unsupported',
  x: 'cancel',
}

/** Reads a generated policy code: a class letter, then the retry delay in ms for `r`. */
export function decodePolicy(code: string | undefined): ErrorPolicy {
  if (!code || code === '-') return { kind: 'none' }
  const policy: ErrorPolicy = { kind: KINDS[code[0]] || 'none' }
  if (code.length > 1) policy.delayMs = Number(code.slice(1))
  return policy
}

/** The policy a failure carries itself (this library's errors, under POLICY_KEY), or undefined. Never throws. */
export function carriedPolicy(err: unknown): ErrorPolicy | undefined {
  if (err !== null && typeof err === 'object') {
    try {
      const carried = (err as { [key: string]: unknown })[POLICY_KEY] as ErrorPolicy | undefined
      if (carried && typeof carried.kind === 'string') return carried
    } catch (error) {
      // a proxy that throws: none carried
    }
  }
  return undefined
}

/** The policy of an errno, from the catalogue. */
export function errnoPolicy(errno: number): ErrorPolicy {
  const table = ERRNO_POLICY()
  return decodePolicy(typeof errno === 'number' ? own(table, errno) : undefined)
}

/**
 * The kind of a failure from its policy: `transient` says what a retriable failure is (`network` for the
 * network family of errnos and time-outs, `service` for server answers, `system` for the device).
 */
export function kindOfPolicy(
  policy: PolicyKind,
  transient: 'network' | 'service' | 'system',
  known: boolean,
): ErrorKind {
  switch (policy) {
    case 'cancel':
      return 'cancel'
    case 'user':
    case 'reauth':
      return 'user'
    case 'fix':
    case 'config':
      return 'developer'
    case 'token':
      return 'service'
    case 'unsupported':
      return 'system'
    case 'retry':
      return transient
    // A server's answer with no advice is still the server's; a device failure nothing catalogues is unknown.
    default:
      return transient === 'service' ? 'service' : known ? 'system' : 'unknown'
  }
}

/** The kind of an errno: the network family (06) and the general time-out / network codes are `network`. */
export function errnoKind(errno: number, known: boolean): ErrorKind {
  const network = errno === 5 || errno === 108 || (errno >= 600000 && errno < 700000)
  return kindOfPolicy(errnoPolicy(errno).kind, network ? 'network' : 'system', known)
}
