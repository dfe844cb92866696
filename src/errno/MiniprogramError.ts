import type { ErrorKind, ErrorPolicy } from './policy-table'
import type { LocalizedText } from './types'

/**
 * The one base of every error this library makes: ErrnoError (wx failures), WxServerError, CloudError and
 * HttpApiError. Each keeps the original failure as `cause`, says whether the catalogue knows its code
 * (`known`), who or what it comes from (`kind`) and what to do (`policy`), and serialises with secrets masked
 * (`toJSON`). Constructors take decoded fields; reading raw failures is the job of toErrnoError,
 * toWxServerError, toCloudError and toHttpApiError.
 *
 * It has Error's constructor, none of its own: V8 omits a default derived constructor when it constructs a subclass,
 * while an explicit one runs on every failure (docs/performance.md, per call). A subclass calls `super(message)`, then
 * {@link keepCause}.
 */
export abstract class MiniprogramError extends Error {
  /** The original failure, untouched. */
  readonly cause: unknown
  /** true when the catalogue has the code. */
  abstract readonly known: boolean
  /**
   * The meaning in zh_CN / zh_TW / en, where the error carries it (server, cloud and HTTP errors), read from the
   * catalogue when asked for: no error reads a text table when it is made. An ErrnoError has none here: its meaning
   * is `lookupErrno(errno)` or `errnoMeaning(errno)`.
   */
  get meaning(): LocalizedText | undefined {
    return undefined
  }

  /** Who or what the failure comes from (see ErrorKind). */
  abstract get kind(): ErrorKind

  /** What to do about it: what isRetriable, retryDelay and the other predicates read. */
  abstract get policy(): ErrorPolicy

  /** Plain data for logs, secrets masked and bounded. */
  abstract toJSON(): object
}

/**
 * The init object a constructor was given. Anything else is a TypeError that says what reads any value instead (`to…`),
 * with what was given as its `cause`: a constructor takes decoded fields, and a raw failure is never lost.
 */
export function initOf<T>(init: T, name: string, reader: string): T {
  if (init !== null && typeof init === 'object') return init
  const error = new TypeError(
    'new ' +
      name +
      '(init): init must be an object, got ' +
      (init === null ? 'null' : typeof init) +
      '; ' +
      reader +
      '(value) reads any failure',
  )
  ;(error as { cause?: unknown }).cause = init
  throw error
}

/**
 * What each subclass's constructor does after `super(message)`: keeps the original failure as `cause`, and keeps
 * instanceof working when a consumer downlevels the classes to ES5 (native classes need nothing).
 */
export function keepCause(error: MiniprogramError, prototype: object, cause: unknown): void {
  if (Object.getPrototypeOf(error) !== prototype) Object.setPrototypeOf(error, prototype)
  ;(error as { cause: unknown }).cause = cause
}
