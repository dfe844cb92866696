// What `explain` and `search` find: the catalogue entry, the decode, the policy, the kind and the guidance of an
// errno, an errMsg, a legacy errCode, a server errcode or a cloud code. index.ts prints it.
import {
  toErrnoError,
  legacyTableName,
  legacyCodeToErrno,
  legacyTable,
  parseErrMsg,
  reasonPolicyRule,
} from '../errno/normalize'
import { own } from '../shared/own'
import { ErrnoError } from '../errno/ErrnoError'
import { decodeErrno } from '../errno/decode'
import { lookupErrno, allErrnos, ERRNO_MEANINGS, errnoName } from '../texts/index'
import { getPolicy } from '../policy/policy'
import { getGuidance } from '../guidance/guidance'
import type { Guidance } from '../guidance/guidance'
import {
  WX_CLOUD_NUMERIC,
  SERVER_CODES,
  CLOUD_CODES,
  LEGACY_TEXTS,
  ERRNO_POLICY_REASONS,
  REASON_POLICY_REASONS,
  LEGACY_POLICY_REASONS,
  BEYOND_POLICY_REASONS,
} from '../texts/generated/tables'
import { toWxServerError, WxServerError } from '../beyond/WxServerError'
import { toCloudError, CloudError } from '../beyond/CloudError'
import { HttpApiError } from '../beyond/HttpApiError'
import { errorFromJSON } from '../beyond/from-json'
import type { MiniprogramError } from '../errno/MiniprogramError'
import type { Locale } from '../errno/types'

export const LOCALES: Locale[] = ['zh_CN', 'zh_TW', 'en']
export type Platform = 'ios' | 'android'

/**
 * The guidance of an error in every locale, as the platform's client shows it. No wx: every action the platform has,
 * not what a bare object would allow.
 */
export function guidanceInLocales(error: unknown, platform: Platform): { [L in Locale]?: Guidance } {
  const guidance: { [L in Locale]?: Guidance } = {}
  for (const locale of LOCALES) guidance[locale] = getGuidance(error, { locale, platform })
  return guidance
}

/** A mistake in the call: printed as one line, exit 2. */
export class UsageError extends Error {}

/** Input as it may be printed back: control characters (ESC, BEL, CR, U+202E …) escaped, at most 200 characters. */
export function echo(input: string): string {
  const escaped = input.replace(
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4),
  )
  return escaped.length > 200 ? escaped.slice(0, 200) + '…' : escaped
}

/**
 * A failure pasted as JSON (a log line, a server answer), made an error again by errorFromJSON (a server's `{errcode}`,
 * a cloud failure, this library's own JSON, else a wx failure); undefined when the input is not JSON.
 */
export function jsonInput(input: string): MiniprogramError | undefined {
  const text = input.trim()
  if (text.charAt(0) !== '{') return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`cannot read '${echo(input)}': it starts with { but is not JSON`)
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new UsageError(`cannot read '${echo(input)}': not a JSON object`)
  return errorFromJSON(value)
}

function parseInput(input: string) {
  const text = input.trim()
  if (/^-?\d+$/.test(text)) {
    const code = Number(text)
    if (code === 0) return new ErrnoError({ errno: 0, errMsg: 'ok' }) // the catalogue's errno 0 (ok)
    if (legacyTableName(code) !== undefined || code === -1) return toErrnoError({ errCode: code, errMsg: '' })
    if (lookupErrno(code) || (code >= 0 && code <= 9999999)) return toErrnoError({ errno: code, errMsg: '' })
    throw new UsageError(`cannot read '${echo(input)}': ${code} is not an errno (0 to 9999999) or a legacy errCode`)
  }
  if (parseErrMsg(text).api !== undefined) return toErrnoError(text)
  throw new UsageError(
    `cannot read '${echo(input)}': give an errno (1500102), a legacy errCode (10001) ` +
      "or an errMsg ('openBluetoothAdapter:fail:not available')",
  )
}

/** An errno, an errMsg, a legacy errCode or a wx failure pasted as JSON (`pasted`: jsonInput(input), read once). */
export function explain(input: string, pasted: MiniprogramError | undefined, platform: Platform) {
  const error = pasted instanceof ErrnoError ? pasted : parseInput(input)
  const entry = lookupErrno(error.errno)
  const decoded = decodeErrno(error.errno)
  const policy = getPolicy(error)
  const legacy = error.errCode !== undefined ? LEGACY_TEXTS()[error.errCode] : undefined
  const guidance = guidanceInLocales(error, platform)
  const byReason = reasonPolicyOf(error)
  return {
    input: echo(input),
    errno: error.errno,
    name: entry ? entry.name : undefined,
    known: error.known,
    errMsg: entry ? entry.errMsg : undefined,
    api: error.api,
    errCode: error.errCode,
    legacy: legacy
      ? {
          table: legacyTableName(error.errCode as number),
          errMsg: legacy[1],
          meaning: { zh_CN: legacy[2], zh_TW: legacy[3], en: legacy[4] },
          errno: legacyCodeToErrno(error.errCode as number),
        }
      : undefined,
    first: decoded.first,
    second: decoded.second,
    specific: decoded.specific,
    category: decoded.category,
    subcategory: decoded.subcategory,
    meaning: entry ? entry.message : undefined,
    reason: byReason ? byReason[0] : undefined,
    policy: {
      kind: policy.kind,
      delayMs: policy.delayMs,
      reason: byReason ? byReason[1] : ERRNO_POLICY_REASONS()[error.errno] || legacyPolicyReason(error),
    },
    blame: error.kind,
    guidance,
  }
}

/** Why a legacy errCode with no errno twin has its policy (data/legacy.json), for the table its API sends. */
function legacyPolicyReason(error: ErrnoError): string | undefined {
  const table = error.errno === -1 && error.errCode !== undefined ? legacyTable(error.errCode, error.api) : undefined
  return table ? own(LEGACY_POLICY_REASONS(), table[2] + error.errCode) : undefined
}

/**
 * For an errno -1 whose reason (in its errMsg, or in err_desc as requestPayment sends it) data/errno.json
 * reasonPolicies knows: [what the reason says, why the policy]. Undefined when its legacy errCode's policy set the
 * error's instead: toErrnoError reads the errCode first.
 */
export function reasonPolicyOf(error: ErrnoError): readonly [string, string] | undefined {
  if (error.errno !== -1 || legacyPolicyReason(error) !== undefined) return undefined
  const rule = reasonPolicyRule(parseErrMsg(error.errMsg).reason, error.cause, error.api)
  return rule >= 0 ? REASON_POLICY_REASONS()[rule] : undefined
}

/** A server errcode or a cloud code typed as text, when it is one and not an errno or a legacy errCode. */
function beyondOfText(text: string): WxServerError | CloudError | undefined {
  const number = /^-?\d+$/.test(text) ? Number(text) : undefined
  if (number !== undefined && SERVER_CODES()[text] && !lookupErrno(number) && legacyTableName(number) === undefined)
    return toWxServerError({ errcode: number, errmsg: '' })
  if (own(CLOUD_CODES(), text)) return toCloudError({ code: text })
  if (number !== undefined && number < 0 && text !== '-1' && own(WX_CLOUD_NUMERIC(), text))
    return toCloudError({ errCode: number, errMsg: '' })
  return undefined
}

const KINDS: { [name: string]: string } = {
  WxServerError: 'WeChat server errcode',
  CloudError: 'cloud development code',
  HttpApiError: 'HTTP status',
}

/**
 * WeChat server errcodes (40029) and cloud codes (DATABASE_TIMEOUT), typed or pasted as JSON (`pasted`:
 * jsonInput(input), read once), and HTTP errors pasted, when the input is one and not an errno.
 */
export function explainBeyond(input: string, pasted: MiniprogramError | undefined, platform: Platform) {
  if (pasted instanceof ErrnoError) return undefined
  const error = (pasted as WxServerError | CloudError | HttpApiError | undefined) || beyondOfText(input.trim())
  if (!error) return undefined
  // The code as typed, or as the pasted failure carried it.
  const text = !pasted
    ? input.trim()
    : error instanceof WxServerError
      ? String(error.errcode)
      : error instanceof HttpApiError
        ? String(error.statusCode)
        : error.code
  const cloudRow = error.name === 'CloudError' ? own(CLOUD_CODES(), error.code) : undefined
  const policy = getPolicy(error)
  const row = error.name === 'WxServerError' ? SERVER_CODES()[text] : undefined
  const guidance = guidanceInLocales(error, platform)
  return {
    input: echo(input),
    kind: KINDS[error.name],
    code: error.name === 'CloudError' && error.code !== text ? text + ' (' + error.code + ')' : text,
    name: error instanceof WxServerError ? error.code : error instanceof CloudError ? error.group : error.error,
    meaning: error.meaning,
    cause: error.name === 'WxServerError' ? error.reason : undefined,
    fix: error.name === 'WxServerError' ? error.fix : undefined,
    policy: {
      kind: policy.kind,
      delayMs: policy.delayMs,
      reason: row
        ? BEYOND_POLICY_REASONS()['errcode ' + text]
        : cloudRow && error.name === 'CloudError'
          ? BEYOND_POLICY_REASONS()[error.code]
          : undefined,
    },
    blame: error.kind,
    guidance,
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A test for one search word on a lower-case haystack: a Latin word or a number matches from the start of a word (BLE
 * is not the "ble" of "available"), and, with `whole`, up to its end; Chinese matches anywhere (蓝牙 finds 低功耗蓝牙).
 */
export function wordMatcher(word: string, whole: boolean): (haystack: string) => boolean {
  const lower = word.toLowerCase()
  if (!/^[\x00-\x7f]+$/.test(lower)) return (haystack) => haystack.indexOf(lower) >= 0
  const pattern = new RegExp('(^|[^a-z0-9])' + escapeRegExp(lower) + (whole ? '($|[^a-z0-9])' : ''))
  return (haystack) => pattern.test(haystack)
}

/**
 * Codes whose number, name, errMsg, meanings or category names (every locale) hold every word: a Latin word
 * matches whole words (BLE is not the "ble" of "available"), Chinese matches anywhere (蓝牙 finds 低功耗蓝牙).
 */
export function search(words: string[], locales: Locale[]) {
  const needles = words.map((w) => wordMatcher(w, true))
  const hits: Array<{ errno: number; name: string; meaning: string }> = []
  for (const errno of allErrnos()) {
    const entry = lookupErrno(errno)
    if (!entry) continue
    const names = [entry.category.name, entry.subcategory.name].map((n) => [n.en, n.zh_CN, n.zh_TW].join(' '))
    const haystack = [
      String(errno),
      entry.name.replace(/_/g, ' '),
      entry.errMsg,
      entry.message.en,
      entry.message.zh_CN,
      entry.message.zh_TW,
    ]
      .concat(names)
      .join(' ')
      .toLowerCase()
    if (needles.every((matches) => matches(haystack)))
      hits.push({ errno, name: errnoName(errno) as string, meaning: ERRNO_MEANINGS[locales[0]]()[errno] })
  }
  return hits
}
