import { uniPairFailure, isArrayValue } from './frameworks'
import { ErrnoError, UNKNOWN_ERRNO, isErrnoErrorInstance } from './ErrnoError'
import { isErrnoNumber } from './codes'
import { DECODING, LEGACY_DECODING } from '../texts/generated/tables'
import { errnoFromCatalogue } from './catalogue-match'
import { containsAny } from '../shared/text'
import { own } from '../shared/own'
import { POLICY_KEY, decodePolicy } from './policy-table'

export { errnoFromCatalogue }

/** What an errMsg says: `api:fail:reason`, `api:fail reason` and bare `api:fail`. */
export interface ParsedErrMsg {
  api?: string
  /** true when the text has `:fail` after the API name. */
  failed: boolean
  /** The text after `:fail`, trimmed of the `:` or space that separates it ('' for bare `api:fail`). */
  reason: string
}

// The separators seen in real failures: `api:fail reason`, `api:fail:reason`, `api: fail reason`,
// a full-width colon `api：fail：reason` (iOS, Chinese input), and none at all before a capital
// (`closeSocket:failWebSocket is not connected`). `fail` followed by a lower-case letter is a word, not the marker.
// `api:cancel` with no `fail` (requestPayment:cancel, scanCode:cancel, authorize:cancel) is a cancel too.
const ERRMSG_PATTERN = /^\s*([A-Za-z_$][\w$.]*)\s*[:\uff1a]\s*(fail|ok|cancel)(?![a-z])[:\uff1a\s]?\s*([\s\S]*)$/

/**
 * Parses the errMsg shapes the runtime sends:
 * `openBluetoothAdapter:fail:not available`, `request:fail timeout`, `login:fail`, `api: fail x`,
 * `api：fail`, `closeSocket:failWebSocket is not connected`,
 * and nested ones such as `operateWXData:fail getUserInfo:fail auth deny` (the inner reason wins).
 * A value that is not a string reads as no errMsg: `{ failed: false, reason: '' }`.
 */
export function parseErrMsg(errMsg: string): ParsedErrMsg {
  if (typeof errMsg !== 'string') return { failed: false, reason: '' }
  const match = ERRMSG_PATTERN.exec(errMsg)
  if (!match) return { failed: false, reason: errMsg.trim() }
  let reason = match[3].trim()
  // A nested failure (`api:fail inner:fail reason`) has a fail of its own; most reasons do not, and skip the pattern.
  const inner = reason.indexOf('fail') >= 0 ? ERRMSG_PATTERN.exec(reason) : null
  if (inner && inner[2] === 'fail') reason = inner[3].trim()
  // `api:cancel` is the user's cancel: it fails the call and reads as the reason `cancel`.
  if (match[2] === 'cancel') return { api: match[1], failed: true, reason: reason ? 'cancel ' + reason : 'cancel' }
  return { api: match[1], failed: match[2] === 'fail', reason }
}

/** A legacy errCode table: [min errCode, max errCode, key, name, the APIs that send its codes]. */
export type LegacyTable = readonly [number, number, string, string, RegExp]

let compiledTables: LegacyTable[] | undefined

/** A reason rule as generated: [pattern on the lower-cased reason, what it gives, API name pattern or '', words]. */
export type ReasonRule = readonly [string, unknown, string, ReadonlyArray<string>]
/** Each rule's patterns, compiled the first time a reason with one of its words meets it. */
export type CompiledRules = Array<readonly [RegExp, RegExp | undefined] | undefined>
const compiledRules: { [list: string]: CompiledRules } = {}

/**
 * The index of the first of `rules` that matches a lower-cased reason (and `api`, for a rule limited to some APIs), or
 * -1. A rule's regular expressions are compiled the first time it is tried, and only for a reason with one of its
 * words (generated from it); the search stops at the first rule that matches.
 */
export function firstMatchingRule(
  rules: ReadonlyArray<ReasonRule>,
  compiled: CompiledRules,
  text: string,
  api: string | undefined,
): number {
  for (let i = 0; i < rules.length; i++) {
    const [pattern, , apiPattern, words] = rules[i]
    if (words && words.length && !containsAny(text, words)) continue
    const rule = compiled[i] || (compiled[i] = [new RegExp(pattern), apiPattern ? new RegExp(apiPattern) : undefined])
    if (rule[0].test(text) && (!rule[1] || (api !== undefined && rule[1].test(api)))) return i
  }
  return -1
}

/**
 * The first rule of DECODING's `list` that matches (see firstMatchingRule): `rules` (data/errno.json reasonRules), the
 * generic reasons that older base libraries and the operating systems send without an errno, tried after the
 * catalogue's own errMsg column (see errnoFromCatalogue); `policies` (reasonPolicies), who is to blame for a reason
 * nothing decodes. Each with its examples and source in data/errno.json.
 */
function firstRule(list: 'rules' | 'policies', text: string, api: string | undefined): number {
  return firstMatchingRule(DECODING()[list] || [], compiledRules[list] || (compiledRules[list] = []), text, api)
}

/** The legacy errCode tables of LEGACY_DECODING (data/legacy.json), their API patterns compiled once. */
function legacyTables(): LegacyTable[] {
  if (!compiledTables) {
    compiledTables = (LEGACY_DECODING().tables || []).map(
      ([min, max, key, name, api]) => [min, max, key, name, new RegExp(api)] as LegacyTable,
    )
  }
  return compiledTables
}

/**
 * The errno an errMsg reason stands for, or undefined: the catalogue's errMsg column for the API's
 * family first, then the rules for shapes older base libraries send. undefined for a reason that is not a string.
 */
export function errnoFromReason(reason: string, api?: string): number | undefined {
  if (typeof reason !== 'string') return undefined
  if (typeof api !== 'string') api = undefined
  const fromCatalogue = errnoFromCatalogue(reason, api)
  if (fromCatalogue !== undefined) return fromCatalogue
  const i = firstRule('rules', reason.toLowerCase(), api)
  return i < 0 ? undefined : DECODING().rules[i][1]
}

/**
 * The index in DECODING.policies of the policy for a failure nothing decodes (data/errno.json reasonPolicies: a
 * tap-only API called without a tap, a full page stack, a refused phone number), or -1: by its errMsg's `reason`, else
 * by the failure's `err_desc`, where wx.requestPayment puts its reason (`{errMsg: 'requestPayment:fail', err_desc:
 * '支付验证签名失败'}`). Read only for errno -1, off the path of the failures that decode.
 */
export function reasonPolicyRule(reason: string, failure: unknown, api?: string): number {
  const text = reason || read(failure, 'err_desc')
  if (typeof text !== 'string' || !text) return -1
  return firstRule('policies', text.toLowerCase(), typeof api === 'string' ? api : undefined)
}

/**
 * The legacy table whose errCode range holds a code: the first one `api` sends, else the first (the code's own when
 * no API is known; ranges overlap where an API reuses numbers, as requestSubscribeMessage does 10001-10005).
 */
function tableOfCode(errCode: number, api?: string): LegacyTable | undefined {
  if (typeof errCode !== 'number') return undefined
  let first: LegacyTable | undefined
  for (const table of legacyTables())
    if (errCode >= table[0] && errCode <= table[1]) {
      if (sendsTable(table, api)) return table
      first = first || table
    }
  return first
}

/** true when `api` (unknown: undefined, or not a string) may send the codes of a table. */
function sendsTable(table: LegacyTable, api: string | undefined): boolean {
  return typeof api !== 'string' || table[4].test(api)
}

/**
 * The legacy table an errCode comes from. With an API name, only a table that API sends:
 * requestSubscribeMessage, InnerAudioContext, BackgroundAudioManager and others reuse 10001-10005
 * with meanings of their own.
 */
export function legacyTable(errCode: number, api?: string): LegacyTable | undefined {
  const table = tableOfCode(errCode, api)
  return table && sendsTable(table, api) ? table : undefined
}

/**
 * The errno with the same meaning as a legacy errCode, or undefined when it has no twin (or when
 * `api` is given and is not one that sends the table the code belongs to).
 */
export function legacyCodeToErrno(errCode: number, reason?: string, api?: string): number | undefined {
  const table = tableOfCode(errCode, api)
  if (table && !sendsTable(table, api)) return undefined
  const { errnos: legacyErrno, byReason: legacyByReason } = LEGACY_DECODING()
  // The twins belong to the code's own table (the first whose range holds it), not to an API's reuse of the number.
  const errno = legacyErrno && (!table || table === tableOfCode(errCode)) ? own(legacyErrno, errCode) : undefined
  if (errno !== undefined) return errno
  if (typeof reason === 'string') {
    const text = reason.toLowerCase()
    for (const [code, words, mapped, tableIndex] of legacyByReason || []) {
      if (code === errCode && text.indexOf(words) >= 0 && sendsTable(legacyTables()[tableIndex], api)) return mapped
    }
  }
  return undefined
}

/** The name of the legacy table an errCode belongs to (for `api`, when given, a table it sends), or undefined. */
export function legacyTableName(errCode: number, api?: string): string | undefined {
  const table = legacyTable(errCode, api)
  return table && table[3]
}

/** Reads a property of anything without ever throwing (a proxy or getter that throws reads as undefined). */
export function read(value: unknown, key: string): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined
  try {
    return (value as { [key: string]: unknown })[key]
  } catch (error) {
    return undefined
  }
}

function toInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return value % 1 === 0 ? value : undefined
  if (typeof value === 'string' && /^\s*-?\d{1,10}\s*$/.test(value)) return Number(value)
  return undefined
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (isArrayValue(value)) return 'an array'
  return typeof value === 'object' ? 'an object without errMsg or errno' : 'a ' + typeof value
}

/**
 * Turns any failure into an {@link ErrnoError}. Never throws.
 *
 * Reads `errno`, then a legacy `errCode` (mapped to the errno with the same meaning), then the
 * errMsg reason; errno wins when errno and errCode disagree. Accepts wx fail objects, strings,
 * Errors, numbers (an errno, or a legacy errCode), `null` and anything else: what it cannot read
 * becomes errno -1 (`known: false`). uni-app's `[err]` / `[err, res]` pair is read as its `err`. `cause` is always
 * the value passed in.
 */
export function toErrnoError(reason: unknown, api?: string): ErrnoError {
  if (isErrnoErrorInstance(reason)) return reason
  const given = reason
  // uni-app's [err, res] (Vue 2 projects: its promises resolve with the pair): the failure is the first.
  const pair = uniPairFailure(reason)
  if (pair !== undefined) reason = pair
  let errno: number | undefined
  let errCode: number | undefined
  let errMsg: string | undefined
  let note: string | undefined
  // The policy of a legacy errCode with no errno twin (data/legacy.json), when the API sends its table.
  let legacyPolicy: string | undefined

  if (typeof reason === 'string') {
    errMsg = reason
  } else if (typeof reason === 'number') {
    if (legacyTableName(reason) !== undefined) errCode = reason
    else if (isErrnoNumber(reason) && reason !== 0) errno = reason
  } else if (reason !== null && typeof reason === 'object') {
    const rawErrno = toInteger(read(reason, 'errno'))
    errCode = toInteger(read(reason, 'errCode'))
    const rawErrMsg = read(reason, 'errMsg')
    const rawMessage = read(reason, 'message')
    if (typeof rawErrMsg === 'string') errMsg = rawErrMsg
    else if (typeof rawMessage === 'string') errMsg = rawMessage
    // errno 0 on a failure says nothing; anything else that is an errno wins over errCode.
    if (rawErrno !== undefined && isErrnoNumber(rawErrno) && rawErrno !== 0) errno = rawErrno
  }

  // The common case from the promise layer (an errno, and the API known) needs no parsing at all.
  const parsed = errMsg !== undefined && (errno === undefined || api === undefined) ? parseErrMsg(errMsg) : undefined
  if (api === undefined && parsed && parsed.api) api = parsed.api
  if (errno === undefined && errCode !== undefined) {
    errno = legacyCodeToErrno(errCode, parsed && parsed.reason, api)
    if (errno === undefined && errCode !== 0) {
      const table = tableOfCode(errCode, api)
      note = !table
        ? 'errCode ' + errCode + ' is not a known legacy code'
        : sendsTable(table, api)
          ? 'legacy errCode ' + errCode + ' of the ' + table[3] + ' has no errno equivalent'
          : 'errCode ' + errCode + ' is ' + api + "'s own code, not a code of the " + table[3]
      if (table && sendsTable(table, api)) legacyPolicy = own(LEGACY_DECODING().policies, table[2] + errCode)
    }
  }
  if ((errno === undefined || errno === 0) && parsed && parsed.reason) {
    const fromReason = errnoFromReason(parsed.reason, api)
    if (fromReason !== undefined) errno = fromReason
  }
  if (errno === undefined || (errno === 0 && parsed && parsed.failed)) {
    errno = UNKNOWN_ERRNO
    if (!note && errMsg === undefined) note = 'no failure details (got ' + describe(reason) + ')'
  }
  const error = new ErrnoError({
    errno,
    errMsg: errMsg !== undefined ? errMsg : api ? api + ':fail' : 'fail',
    errCode,
    api,
    cause: given,
    note,
  })
  // A failure with no errno may still say who is to blame and what to do, by its legacy errCode or its reason: that
  // policy rides on the error.
  if (errno === UNKNOWN_ERRNO) {
    let code = legacyPolicy
    if (code === undefined && errMsg !== undefined) {
      const rule = reasonPolicyRule((parsed || parseErrMsg(errMsg)).reason, reason, api)
      if (rule >= 0) code = DECODING().policies[rule][1]
    }
    if (code !== undefined) Object.defineProperty(error, POLICY_KEY, { value: decodePolicy(code) })
  }
  return error
}
