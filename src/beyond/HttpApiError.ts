import { HTTP_STATUSES, HTTP_ERRORS } from '../texts/generated/tables'
import { POLICY_KEY, GUIDANCE_KEY, decodePolicy } from '../policy/policy'
import type { ErrorPolicy } from '../policy/policy'
import { kindOfPolicy } from '../errno/policy-table'
import { MiniprogramError, initOf, keepCause } from '../errno/MiniprogramError'
import { textOf } from '../shared/text'
import type { ErrorKind } from '../errno/policy-table'
import { maskedField, safeMessage, truncate, MAX_MESSAGE } from '../shared/mask'
import { localized, maskedCopy, read, parseBody, part, isInstance, codeText } from './shared'
import type { Localized } from '../errno/types'

type Row = ReturnType<typeof HTTP_ERRORS>[number]

/** Retry-After in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(headers: unknown, now = Date.now()): number | undefined {
  if (!headers || typeof headers !== 'object') return undefined
  let value: unknown
  try {
    for (const key of Object.keys(headers as object))
      if (key.toLowerCase() === 'retry-after') value = read(headers, key)
  } catch (error) {
    return undefined // headers that cannot be listed
  }
  if (typeof value === 'number') return value >= 0 ? value * 1000 : undefined
  if (typeof value !== 'string' || !value.trim()) return undefined
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/**
 * The vendor REST error tables a caller can ask for. Seed 003's table is one IM vendor's (Easemob):
 * its `error` values mean what they say only for that backend, so it is never applied unasked.
 */
export type RestErrorTable = 'easemob'

/** What the vendor error row, else the status, means: the message's English and the `meaning` getter read it. */
function meaningOf(
  row: Row | undefined,
  status: ReturnType<typeof HTTP_STATUSES>[number] | undefined,
): Localized | undefined {
  return localized(row ? row[5] : status && status[2])
}

function errorRow(
  error: string | undefined,
  description: string | undefined,
  table: RestErrorTable | undefined,
): Row | undefined {
  if (!error || table !== 'easemob') return undefined
  for (const row of HTTP_ERRORS()) {
    if (row[0] !== error) continue
    if (!row[1] || (description && description.toLowerCase().indexOf(row[1]) >= 0)) return row
  }
  return undefined
}

/** The decoded fields of `new HttpApiError({...})`; toHttpApiError reads them from a response. */
export interface HttpApiErrorInit extends HttpErrorContext {
  statusCode: number
  /** The body's `error` value (`auth_bad_access_token`). */
  error?: string
  /** The body's `error_description` (or `message`). */
  description?: string
  /** Retry-After in milliseconds. */
  retryAfterMs?: number
  /** The response body as received. */
  cause?: unknown
}

export interface HttpErrorContext {
  /** The request URL (masked in messages). */
  url?: string
  /**
   * Read the body's `error` values with a vendor's table (`'easemob'`: seed 003). @default none: status semantics only
   */
  table?: RestErrorTable
}

/** A REST API answered with an error status (and usually an `{error, error_description}` body). */
export class HttpApiError extends MiniprogramError {
  override readonly name = 'HttpApiError' as const
  readonly statusCode: number
  /** The body's `error` value (`auth_bad_access_token`), when there is one. */
  readonly error?: string
  /** The body's `error_description` (or `message`), masked. */
  readonly description?: string
  /** Retry-After in milliseconds, when the response had one. */
  readonly retryAfterMs?: number
  readonly known: boolean
  readonly url?: string
  /** The vendor error table the body was read with, when the caller asked for one. */
  readonly table?: RestErrorTable

  constructor(given: HttpApiErrorInit) {
    const init = initOf(given, 'HttpApiError', 'toHttpApiError')
    // A number only (toHttpApiError reads anything): what is not one is NaN, and the message shows what was given.
    const statusCode = typeof init.statusCode === 'number' ? init.statusCode : Number.NaN
    const error = typeof init.error === 'string' ? init.error : undefined
    const description = typeof init.description === 'string' ? init.description : undefined
    const table = init.table === 'easemob' ? init.table : undefined
    const row = errorRow(error, description, table)
    const status = HTTP_STATUSES()[statusCode]
    const meaning = meaningOf(row, status)
    // Each input is masked on its own before the parts are joined: a value left open in one cannot swallow the next.
    super(
      safeMessage(
        `HTTP ${codeText(init.statusCode)}` +
          (error ? ` ${part(error)}` : '') +
          (description ? `: ${part(description)}` : '') +
          (meaning ? ` (${meaning.en})` : '') +
          (init.url ? ` from ${part(textOf(init.url))}` : ''),
      ),
    )
    keepCause(this, new.target.prototype, init.cause)
    this.statusCode = statusCode
    if (error !== undefined) this.error = maskedField(error)
    if (description !== undefined) this.description = maskedField(description)
    if (typeof init.retryAfterMs === 'number' && init.retryAfterMs >= 0) this.retryAfterMs = init.retryAfterMs
    this.known = !!(row || status)
    // Masked: console.error(err) prints own properties. The URL as called is the caller's own.
    if (init.url !== undefined) this.url = safeMessage(textOf(init.url))
    if (table) this.table = table
  }

  get policy(): ErrorPolicy {
    return this[POLICY_KEY]
  }

  private row(): Row | undefined {
    return errorRow(this.error, this.description, this.table)
  }

  /** What the error value, else the status, means in zh_CN / zh_TW / en; undefined when neither is known. */
  override get meaning(): Localized | undefined {
    return meaningOf(this.row(), HTTP_STATUSES()[this.statusCode])
  }

  get [POLICY_KEY](): ErrorPolicy {
    const row = this.row()
    const status = HTTP_STATUSES()[this.statusCode]
    const policy = decodePolicy(row ? row[3] : status ? status[0] : this.statusCode >= 500 ? '-' : 'f')
    if (policy.kind === 'retry' && this.retryAfterMs !== undefined) policy.delayMs = this.retryAfterMs
    return policy
  }

  /**
   * Who or what the failure comes from (see ErrorKind): a server's answer is `service` unless its policy says the user,
   * the developer or a cancel.
   */
  get kind(): ErrorKind {
    return kindOfPolicy(this[POLICY_KEY].kind, 'service', this.known)
  }

  get [GUIDANCE_KEY](): string | undefined {
    const row = this.row()
    const status = HTTP_STATUSES()[this.statusCode]
    return (row ? row[4] : status ? status[1] : '') || undefined
  }

  toJSON() {
    return {
      name: this.name,
      message: this.message,
      statusCode: this.statusCode,
      error: this.error,
      description: this.description !== undefined ? truncate(this.description, MAX_MESSAGE) : undefined,
      retryAfterMs: this.retryAfterMs,
      known: this.known,
      kind: this.kind,
      meaning: this.meaning,
      url: this.url,
      body: maskedCopy(this.cause),
    }
  }
}

/** The HttpApiError for a response (its body's error and description, its Retry-After), or undefined below 400. */
export function toHttpApiError(
  statusCode: number,
  body?: unknown,
  headers?: unknown,
  context?: HttpErrorContext,
): HttpApiError | undefined {
  if (typeof statusCode !== 'number' || !(statusCode >= 400) || statusCode > 599) return undefined
  const data = parseBody(body)
  const errorValue = read(data, 'error')
  const descriptionValue = read(data, 'error_description') || read(data, 'message')
  return new HttpApiError({
    statusCode,
    error: typeof errorValue === 'string' ? errorValue : undefined,
    description: typeof descriptionValue === 'string' ? descriptionValue : undefined,
    retryAfterMs: parseRetryAfter(headers),
    url: context ? context.url : undefined,
    table: context ? context.table : undefined,
    cause: body,
  })
}

/** true for an HttpApiError, also one made by another copy of this library. */
export function isHttpApiError(value: unknown): value is HttpApiError {
  return (
    isInstance(value, HttpApiError) ||
    (read(value, 'name') === 'HttpApiError' && typeof read(value, 'statusCode') === 'number')
  )
}
