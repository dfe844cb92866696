import { SERVER_CODES } from '../texts/generated/tables'
import { serverText } from './texts'
import { POLICY_KEY, GUIDANCE_KEY, decodePolicy } from '../policy/policy'
import type { ErrorPolicy } from '../policy/policy'
import { kindOfPolicy } from '../errno/policy-table'
import { MiniprogramError, initOf, keepCause } from '../errno/MiniprogramError'
import { textOf } from '../shared/text'
import { own } from '../shared/own'
import type { ErrorKind } from '../errno/policy-table'
import { maskedField, safeMessage, truncate, MAX_MESSAGE } from '../shared/mask'
import { maskedCopy, read, parseBody, isInstance, part, codeText } from './shared'
import type { LocalizedText } from '../errno/types'

/** Beijing time (UTC+8, no daylight saving) minus UTC: WeChat's day limits and its console's log times use it. */
export const BEIJING_OFFSET_MS = 8 * 3600 * 1000

/** Milliseconds until the next midnight in Beijing (day-level limits reset then). */
export function msUntilNextBeijingDay(now = Date.now()): number {
  if (typeof now !== 'number') throw new TypeError('msUntilNextBeijingDay(now): now is not a number')
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

/** The catalogue's row for an errcode, or undefined. */
function serverRow(errcode: number) {
  return own(SERVER_CODES(), String(errcode))
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
  readonly url?: string

  constructor(given: WxServerErrorInit) {
    const init = initOf(given, 'WxServerError', 'toWxServerError')
    // A number only (toWxServerError reads text and anything else): what is not one is NaN, shown as given.
    const errcode = typeof init.errcode === 'number' ? init.errcode : Number.NaN
    const errmsg = init.errmsg ? textOf(init.errmsg) : ''
    const body = init.cause
    const context: WxServerErrorContext = { url: init.url }
    const row = serverRow(errcode)
    // No text table is read here: the message is the errcode and the errmsg (the server's, else the documented one),
    // the same whatever has loaded; `meaning`, `reason` and `fix` read the texts when asked for.
    // Each input is masked on its own before the parts are joined: a value left open in one cannot swallow the next.
    super(
      safeMessage(
        `errcode ${codeText(init.errcode)}: ${part(errmsg) || (row ? row[3] : '') || 'error'}` +
          (context.url ? ` from ${part(textOf(context.url))}` : ''),
      ),
    )
    keepCause(this, new.target.prototype, body)
    this.errcode = errcode
    this.errmsg = maskedField(errmsg)
    this.known = !!row
    if (row) this.code = row[0]
    // Masked: console.error(err) prints own properties. The URL as called is the caller's own.
    if (context.url !== undefined) this.url = safeMessage(textOf(context.url))
  }

  /** What the errcode means, in zh_CN / zh_TW / en; undefined for an errcode the catalogue lacks. */
  override get meaning(): LocalizedText | undefined {
    return serverText(this.errcode, 0)
  }

  /** Why the errcode happens, in zh_CN / zh_TW / en; undefined for an errcode the catalogue lacks. */
  get reason(): LocalizedText | undefined {
    return serverText(this.errcode, 1)
  }

  /** How to fix it, in zh_CN / zh_TW / en; undefined for an errcode the catalogue lacks. */
  get fix(): LocalizedText | undefined {
    return serverText(this.errcode, 2)
  }

  get policy(): ErrorPolicy {
    return this[POLICY_KEY]
  }

  /**
   * Read by isRetriable, retryDelay, requiresReauthorization, isConfigurationError (also of another copy of the
   * library).
   */
  get [POLICY_KEY](): ErrorPolicy {
    const row = serverRow(this.errcode)
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
    const row = serverRow(this.errcode)
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
