import { isKnownErrno, splitErrno } from './codes'
import { maskedField, safeMessage, truncate, MAX_MESSAGE } from '../shared/mask'

/** The errno of a failure no code could be found for. */
export const UNKNOWN_ERRNO = -1

import { BRAND } from './brand'
import { errnoKind, errnoPolicy, kindOfPolicy, POLICY_KEY } from './policy-table'
import type { ErrorKind, ErrorPolicy } from './policy-table'
import { MiniprogramError, initOf, keepCause } from './MiniprogramError'
import { textOf } from '../shared/text'

export { isErrnoError } from './brand'
const MAX_MESSAGE_ERRMSG = 500

export interface ErrnoErrorInit {
  errno: number
  errMsg: string
  errCode?: number
  api?: string
  /** The original failure, kept untouched. */
  cause?: unknown
  /** Extra words for the message, e.g. which legacy table an unmapped errCode came from. */
  note?: string
}

/**
 * The JSON form of an {@link ErrnoError}: plain data for logs, secrets masked. The decode is the
 * digits (first / second / specific); `decodeErrno(errno)` adds the category keys and names,
 * which are texts and stay out of the core.
 */
export interface ErrnoErrorJSON {
  name: 'ErrnoError'
  errno: number
  first: number
  second: number
  specific: number
  message: string
  errMsg: string
  errCode?: number
  api?: string
  known: boolean
  kind: ErrorKind
}

/**
 * A failed wx API call, decoded. `cause` is the original failure object, untouched.
 *
 * @example
 * try { await wxp.openBluetoothAdapter() } catch (e) {
 *   if (isErrnoError(e) && e.errno === Errno.BLUETOOTH_ADAPTER_UNAVAILABLE) showGuidance(e)
 * }
 */
export class ErrnoError extends MiniprogramError {
  override readonly name = 'ErrnoError' as const
  /** The 7-digit errno (or a shorter general code such as 1 cancel, 5 time out); -1 when unknown. */
  readonly errno: number
  /**
   * The errMsg as the runtime sent it (`openBluetoothAdapter:fail:not available`), secrets masked; `cause` has the
   * original.
   */
  readonly errMsg: string
  /** The legacy errCode, when the failure had one. */
  readonly errCode?: number
  /** The API that failed, from the caller or parsed from errMsg. */
  readonly api?: string
  /** Digits 1-2 of the errno (-1 when unknown). */
  readonly first: number
  /** Digits 3-4 of the errno (-1 when unknown). */
  readonly second: number
  /** Digits 5-7 of the errno (-1 when unknown). */
  readonly specific: number
  /** true when the catalogue has this errno. */
  readonly known: boolean
  /**
   * For errno -1: the policy its legacy errCode (data/legacy.json) or its reason (data/errno.json reasonPolicies)
   * gives, when there is one (set by toErrnoError).
   */
  declare readonly [POLICY_KEY]?: ErrorPolicy

  constructor(given: ErrnoErrorInit) {
    const init = initOf(given, 'ErrnoError', 'toErrnoError')
    // Numbers only (toErrnoError reads text and anything else): what is not a number is unknown, and said so.
    const errno = typeof init.errno === 'number' ? init.errno : UNKNOWN_ERRNO
    const errCode = typeof init.errCode === 'number' ? init.errCode : undefined
    const note =
      typeof init.errno === 'number' || init.errno === undefined
        ? init.note
        : 'errno ' + safeMessage(textOf(init.errno), 100) + ' is not a number'
    const known = isKnownErrno(errno)
    // No text table is read here: the message is the errMsg, the codes and our note, the same whatever has
    // loaded. The meaning in words is lookupErrno(errno) / errnoMeaning(errno), read when asked.
    // The errMsg is masked once: the field keeps it whole, the message a bounded start of it.
    const errMsg = maskedField(textOf(init.errMsg))
    let message = init.errMsg
      ? truncate(errMsg, MAX_MESSAGE_ERRMSG)
      : safeMessage(init.api ? textOf(init.api) + ':fail' : 'fail', MAX_MESSAGE_ERRMSG)
    message += ' (errno ' + errno + (errCode !== undefined ? ', errCode ' + errCode : '') + ')'
    if (note) message += ': ' + textOf(note)
    // The errMsg (the only input quoted) is masked above; the rest is ours: numbers and the note
    // (codes, table and API names). Bounded as a whole.
    super(truncate(message, MAX_MESSAGE))
    keepCause(this, new.target.prototype, init.cause)
    this.errno = errno
    this.errMsg = errMsg
    if (errCode !== undefined) this.errCode = errCode
    if (init.api !== undefined) this.api = init.api
    const [first, second, specific] = splitErrno(errno)
    this.first = first
    this.second = second
    this.specific = specific
    this.known = known
  }

  /** Who or what the failure comes from (see ErrorKind), from its policy (see `policy`). */
  get kind(): ErrorKind {
    const carried = this[POLICY_KEY]
    // A carried retry is a network problem (scripts/generate.js holds the data to that).
    return carried ? kindOfPolicy(carried.kind, 'network', this.known) : errnoKind(this.errno, this.known)
  }

  /** What to do about it: the catalogue's policy for the errno; for errno -1, its legacy errCode's or its reason's. */
  get policy(): ErrorPolicy {
    return this[POLICY_KEY] || errnoPolicy(this.errno)
  }

  toJSON(): ErrnoErrorJSON {
    const json: ErrnoErrorJSON = {
      name: this.name,
      message: this.message,
      errno: this.errno,
      errMsg: truncate(this.errMsg, MAX_MESSAGE),
      known: this.known,
      kind: this.kind,
      first: this.first,
      second: this.second,
      specific: this.specific,
    }
    if (this.errCode !== undefined) json.errCode = this.errCode
    if (this.api !== undefined) json.api = this.api
    return json
  }
}

// On the prototype, not on each instance: constructing an error is the failure path's hot spot.
Object.defineProperty(ErrnoError.prototype, BRAND, { value: true })

/**
 * true only for a real ErrnoError (of this copy of the library or another one), not for an object of
 * the same shape: a JSON round trip through storage or a log is re-hydrated by toErrnoError.
 */
export function isErrnoErrorInstance(value: unknown): value is ErrnoError {
  if (value === null || typeof value !== 'object') return false
  try {
    return value instanceof ErrnoError || (value instanceof Error && (value as { [BRAND]?: unknown })[BRAND] === true)
  } catch (error) {
    return false
  }
}
