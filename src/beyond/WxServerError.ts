import { SERVER_CODES } from '../texts/generated/tables'
import { POLICY_KEY, GUIDANCE_KEY, decodePolicy } from '../policy/policy'
import type { ErrorPolicy } from '../policy/policy'
import { kindOfPolicy } from '../errno/policy-table'
import { MiniprogramError } from '../errno/MiniprogramError'
import type { ErrorKind } from '../errno/policy-table'
import { maskedField, safeMessage, truncate, MAX_MESSAGE } from '../shared/mask'
import { localized, maskedCopy, read, parseBody, isInstance, part } from './shared'
import type { Localized } from '../errno/types'

/** Beijing time (UTC+8, no daylight saving) minus UTC: WeChat's day limits and its console's log times use it. */
export const BEIJING_OFFSET_MS = 8 * 3600 * 1000

/** Milliseconds until the next midnight in Beijing (day-level limits reset then). */
export function msUntilNextBeijingDay(now = Date.now()): number {
  const day = 24 * 3600 * 1000
  return day - ((now + BEIJING_OFFSET_MS) % day)
}

/** The init object of `new WxServerError({...})`, in the style of ErrnoError's. */
export interface WxServerErrorInit {
  errcode: number
  errmsg?: string
  /** The body as received (kept as `cause`). */
  cause?: unknown
  url?: string
}

export interface WxServerErrorContext {
  /** The API URL called (its access_token and other secrets are masked wherever it shows). */
  url?: string
}

/**
 * A WeChat server API answered `{errcode, errmsg}` with a non-zero errcode
 * (code2Session, getAccessToken, OAuth, subscribe messages, ...).
 */
export class WxServerError extends MiniprogramError {
  override readonly name = 'WxServerError' as const
  readonly errcode: number
  readonly errmsg: string
  /** The constant name (`CODE_EXPIRED`), or undefined for an errcode the table lacks. */
  readonly code?: string
  readonly known: boolean
  /** What the errcode means, why it happens and how to fix it, in zh_CN / zh_TW / en. */
  override readonly meaning?: Localized
  readonly reason?: Localized
  readonly fix?: Localized
  readonly url?: string

  constructor(init: WxServerErrorInit) {
    const errcode = init.errcode
    const errmsg = init.errmsg || ''
    const body = init.cause
    const context: WxServerErrorContext = { url: init.url }
    const row = SERVER_CODES()[String(errcode)]
    const meaning = localized(row && row[4])
    // Each input is masked on its own before the parts are joined: a value left open in one cannot swallow the next.
    super(
      safeMessage(
        `errcode ${errcode}: ${part(errmsg) || (row ? row[3] : '') || 'error'}` +
          (meaning ? ` (${meaning.en})` : '') +
          (context.url ? ` from ${part(String(context.url))}` : ''),
      ),
      body,
    )
    this.errcode = errcode
    this.errmsg = maskedField(errmsg)
    this.known = !!row
    if (row) {
      this.code = row[0]
      this.meaning = meaning
      this.reason = localized(row[5])
      this.fix = localized(row[6])
    }
    // Masked: console.error(err) prints own properties. The URL as called is the caller's own.
    if (context.url !== undefined) this.url = safeMessage(String(context.url))
  }

  get policy(): ErrorPolicy {
    return this[POLICY_KEY]
  }

  /**
   * Read by isRetriable, retryDelay, requiresReauthorization, isConfigurationError (also of another copy of the
   * library).
   */
  get [POLICY_KEY](): ErrorPolicy {
    const row = SERVER_CODES()[String(this.errcode)]
    const policy = decodePolicy(row && row[1])
    if (this.errcode === 45009) policy.delayMs = msUntilNextBeijingDay()
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
    const row = SERVER_CODES()[String(this.errcode)]
    return (row && row[2]) || undefined
  }

  toJSON() {
    return {
      name: this.name,
      message: this.message,
      errcode: this.errcode,
      errmsg: truncate(this.errmsg, MAX_MESSAGE),
      code: this.code,
      known: this.known,
      kind: this.kind,
      meaning: this.meaning,
      url: this.url,
      body: maskedCopy(this.cause),
    }
  }
}

/**
 * The WxServerError in a WeChat server response, or undefined when it is not an error
 * (`errcode` 0 or absent). Accepts the body as an object or JSON text, or a wx.request result.
 */
export function toWxServerError(body: unknown, context?: WxServerErrorContext): WxServerError | undefined {
  if (isInstance(body, WxServerError)) return body
  let data = parseBody(body)
  if (read(data, 'errcode') === undefined && typeof read(data, 'statusCode') === 'number')
    data = parseBody(read(data, 'data'))
  const raw = read(data, 'errcode')
  const errcode =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : undefined
  if (errcode === undefined || errcode === 0) return undefined
  const errmsg = read(data, 'errmsg')
  return new WxServerError({
    errcode,
    errmsg: typeof errmsg === 'string' ? errmsg : '',
    cause: body,
    url: context ? context.url : undefined,
  })
}

/** true for a WxServerError, also one made by another copy of this library. */
export function isWxServerError(value: unknown): value is WxServerError {
  return (
    isInstance(value, WxServerError) ||
    (read(value, 'name') === 'WxServerError' && typeof read(value, 'errcode') === 'number')
  )
}
