import { HTTP_STATUSES, HTTP_ERRORS } from '../texts/tables'
import { POLICY_KEY, GUIDANCE_KEY, decodePolicy } from '../policy/policy'
import type { ErrorPolicy } from '../policy/policy'
import { kindOfPolicy } from '../errno/policy-table'
import type { ErrorKind } from '../errno/policy-table'
import { maskedField, safeMessage, truncate, MAX_MESSAGE } from '../errno/mask'
import { localized, maskedCopy, read, parseBody, part } from './shared'
import type { Localized } from '../errno/types'

type Row = ReturnType<typeof HTTP_ERRORS>[number]

/** Retry-After in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(headers: unknown, now = Date.now()): number | undefined {
  if (!headers || typeof headers !== 'object') return undefined
  let value: unknown
  try {
    for (const key of Object.keys(headers as object)) if (key.toLowerCase() === 'retry-after') value = read(headers, key)
  } catch (error) {
    return undefined // headers that cannot be listed
  }
  if (typeof value === 'number') return value >= 0 ? value * 1000 : undefined
  if (typeof value !== 'string' || !value.trim()) return undefined
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return isNaN(date) ? undefined : Math.max(0, date - now)
}

/**
 * The vendor REST error tables a caller can ask for. Seed 003's table is one IM vendor's (Easemob):
 * its `error` values mean what they say only for that backend, so it is never applied unasked.
 */
export type RestErrorTable = 'easemob'

function errorRow(error: string | undefined, description: string | undefined, table: RestErrorTable | undefined): Row | undefined {
  if (!error || table !== 'easemob') return undefined
  for (const row of HTTP_ERRORS()) {
    if (row[0] !== error) continue
    if (!row[1] || (description && description.toLowerCase().indexOf(row[1]) >= 0)) return row
  }
  return undefined
}

/** The init object of `new HttpApiError({...})`, in the style of ErrnoError's. */
export interface HttpApiErrorInit extends HttpErrorContext {
  statusCode: number
  /** The response body (kept as `cause`). */
  body?: unknown
  headers?: unknown
}

export interface HttpErrorContext {
  /** The request URL (masked in messages). */
  url?: string
  /** Read the body's `error` values with a vendor's table (`'easemob'`: seed 003). @default none: status semantics only */
  table?: RestErrorTable
}

/** A REST API answered with an error status (and usually an `{error, error_description}` body). */
export class HttpApiError extends Error {
  override readonly name = 'HttpApiError' as const
  readonly statusCode: number
  /** The body's `error` value (`auth_bad_access_token`), when there is one. */
  readonly error?: string
  /** The body's `error_description` (or `message`). */
  readonly description?: string
  /** Retry-After in milliseconds, when the response had one. */
  readonly retryAfterMs?: number
  readonly known: boolean
  readonly meaning?: Localized
  readonly url?: string
  /** The vendor error table the body was read with, when the caller asked for one. */
  readonly table?: RestErrorTable
  /** The body as received, untouched. */
  readonly cause: unknown

  constructor(init: HttpApiErrorInit)
  /** @deprecated since 0.2: use the init object, `new HttpApiError({ statusCode, body, headers, url, table })`. */
  constructor(statusCode: number, body: unknown, headers?: unknown, context?: HttpErrorContext)
  constructor(first: number | HttpApiErrorInit, second?: unknown, third?: unknown, fourth: HttpErrorContext = {}) {
    const init: HttpApiErrorInit = typeof first === 'object' && first !== null ? first : Object.assign({ statusCode: first as number, body: second, headers: third }, fourth)
    const statusCode = init.statusCode
    const body = init.body
    const headers = init.headers
    const context: HttpErrorContext = { url: init.url, table: init.table }
    const data = parseBody(body)
    const errorValue = read(data, 'error')
    const descriptionValue = read(data, 'error_description') || read(data, 'message')
    const error = typeof errorValue === 'string' ? errorValue : undefined
    const description = typeof descriptionValue === 'string' ? descriptionValue : undefined
    const table = context.table === 'easemob' ? context.table : undefined
    const row = errorRow(error, description, table)
    const status = HTTP_STATUSES()[statusCode]
    const meaning = localized(row ? row[5] : status && status[2])
    // Each input is masked on its own before the parts are joined: a value left open in one cannot swallow the next.
    super(safeMessage(`HTTP ${statusCode}` + (error ? ` ${part(error)}` : '') + (description ? `: ${part(description)}` : '') + (meaning ? ` (${meaning.en})` : '') + (context.url ? ` from ${part(String(context.url))}` : '')))
    Object.setPrototypeOf(this, new.target.prototype)
    this.statusCode = statusCode
    if (error !== undefined) this.error = error
    if (description !== undefined) this.description = maskedField(description)
    const retryAfter = parseRetryAfter(headers)
    if (retryAfter !== undefined) this.retryAfterMs = retryAfter
    this.known = !!(row || status)
    if (meaning) this.meaning = meaning
    // Masked: console.error(err) prints own properties. The URL as called is the caller's own.
    if (context.url !== undefined) this.url = safeMessage(String(context.url))
    if (table) this.table = table
    this.cause = body
  }

  private row(): Row | undefined {
    return errorRow(this.error, this.description, this.table)
  }

  get [POLICY_KEY](): ErrorPolicy {
    const row = this.row()
    const status = HTTP_STATUSES()[this.statusCode]
    const policy = decodePolicy(row ? row[3] : status ? status[0] : this.statusCode >= 500 ? '-' : 'f')
    if (policy.kind === 'retry' && this.retryAfterMs !== undefined) policy.delayMs = this.retryAfterMs
    return policy
  }

  /** Who or what the failure comes from (see ErrorKind): a server's answer is `service` unless its policy says the user, the developer or a cancel. */
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

/** The HttpApiError for a response, or undefined when the status is below 400. */
export function toHttpApiError(statusCode: number, body?: unknown, headers?: unknown, context?: HttpErrorContext): HttpApiError | undefined {
  if (typeof statusCode !== 'number' || !(statusCode >= 400) || statusCode > 599) return undefined
  return new HttpApiError(Object.assign({ statusCode, body, headers }, context))
}
