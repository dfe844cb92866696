import { CLOUD_CODES, CLOUD_GROUPS, WX_CLOUD_NUMERIC } from '../texts/generated/tables'
import { cloudMeaning } from './texts'
import { POLICY_KEY, GUIDANCE_KEY, decodePolicy, getPolicy } from '../policy/policy'
import type { ErrorPolicy } from '../policy/policy'
import { kindOfPolicy } from '../errno/policy-table'
import { MiniprogramError, initOf, keepCause } from '../errno/MiniprogramError'
import { textOf } from '../shared/text'
import type { ErrorKind } from '../errno/policy-table'
import { toErrnoError } from '../errno/normalize'
import { own } from '../shared/own'
import { UNKNOWN_CLOUD_CODE } from './unknown'
import { maskedField, safeMessage, truncate, MAX_MESSAGE } from '../shared/mask'
import { localized, maskedCopy, read, isInstance, part } from './shared'
import type { Localized, LocalizedText } from '../errno/types'

/** The init object of `new CloudError({...})`, in the style of ErrnoError's. */
export interface CloudErrorInit {
  /** The string code (`DATABASE_COLLECTION_NOT_EXIST`) or a wx.cloud number as text (`-501001`). */
  code: string
  errMsg?: string
  errCode?: number
  requestId?: string
  cause?: unknown
}

/** A row of the cloud catalogue: [group, policy, guidance template, generic]. */
type CloudRow = ReturnType<typeof CLOUD_CODES>[string]

export { UNKNOWN_CLOUD_CODE }

/**
 * A cloud development (CloudBase) failure: wx.cloud.callFunction / database / storage, the
 * CloudBase SDKs and cloud hosting, decoded to its string code.
 */
export class CloudError extends MiniprogramError {
  override readonly name = 'CloudError' as const
  /** The string code (`DATABASE_COLLECTION_NOT_EXIST`), or `UNKNOWN`. */
  readonly code: string
  /** auth, database, functions, hosting, storage, static, ai; undefined when unknown. */
  readonly group?: string
  /** The numeric errCode wx.cloud sent (-502005), when there was one. */
  readonly errCode?: number
  readonly errMsg: string
  readonly requestId?: string
  readonly known: boolean
  /** true for the generic codes the reference says carry no particular meaning: do not branch on them. */
  readonly generic: boolean

  constructor(given: CloudErrorInit) {
    const init = initOf(given, 'CloudError', 'toCloudError')
    const code = typeof init.code === 'string' && init.code ? init.code : UNKNOWN_CLOUD_CODE
    const row = CLOUD_CODES()[code]
    // No text table is read here: the message is the code and what the failure said, the same whatever has loaded;
    // `meaning` and `groupName` read the texts when asked for.
    // Each input is masked on its own before the parts are joined: a value left open in one cannot swallow the next.
    super(
      safeMessage(
        part(code) +
          (init.errCode !== undefined ? ` (errCode ${textOf(init.errCode)})` : '') +
          (init.errMsg ? ` — ${part(textOf(init.errMsg))}` : ''),
      ),
    )
    keepCause(this, new.target.prototype, init.cause)
    // The code and request id are what the failure said, as the errMsg is: masked (a catalogue code never changes).
    this.code = maskedField(code)
    this.errMsg = maskedField(init.errMsg ? textOf(init.errMsg) : '')
    if (init.errCode !== undefined) this.errCode = init.errCode
    if (init.requestId !== undefined) this.requestId = maskedField(textOf(init.requestId))
    this.known = !!row
    this.generic = !!row && row[3] === 1
    if (row) this.group = row[0]
  }

  /** What the code means, in zh_CN / zh_TW / en; undefined for a code the catalogue lacks. */
  override get meaning(): LocalizedText | undefined {
    return cloudMeaning(this.code)
  }

  /** The name of the code's group (数据库 / Database …); undefined for a code the catalogue lacks. */
  get groupName(): Localized | undefined {
    return this.group === undefined ? undefined : localized(CLOUD_GROUPS()[this.group])
  }

  get policy(): ErrorPolicy {
    return this[POLICY_KEY]
  }

  get [POLICY_KEY](): ErrorPolicy {
    const row = this.ownRow()
    // A failure with no cloud code, or only a generic one, that the wx decoding reads (a network error under
    // wx.cloud: `request:fail …`) keeps its wx policy.
    return row ? decodePolicy(row[1]) : getPolicy(toErrnoError(this.cause))
  }

  /** The row of the code, unless the code is generic and the failure reads as a known wx failure. */
  private ownRow(): CloudRow | undefined {
    const row = CLOUD_CODES()[this.code]
    if (!row || row[3] !== 1) return row
    const wx = toErrnoError(this.cause)
    return wx.known && wx.errno > 0 ? undefined : row
  }

  /**
   * Who or what the failure comes from (see ErrorKind): a server's answer is `service` unless its policy says the user,
   * the developer or a cancel.
   */
  get kind(): ErrorKind {
    return this.ownRow() ? kindOfPolicy(this[POLICY_KEY].kind, 'service', true) : toErrnoError(this.cause).kind
  }

  get [GUIDANCE_KEY](): string | undefined {
    const row = this.ownRow()
    return (row && row[2]) || undefined
  }

  toJSON() {
    return {
      name: this.name,
      message: this.message,
      code: this.code,
      group: this.group,
      errCode: this.errCode,
      errMsg: truncate(this.errMsg, MAX_MESSAGE),
      requestId: this.requestId,
      known: this.known,
      kind: this.kind,
      generic: this.generic,
      meaning: this.meaning,
      cause: maskedCopy(this.cause),
    }
  }
}

const CODE_IN_TEXT = /\b[A-Z][A-Za-z]*(?:_[A-Z0-9]+)+\b/g
const NUMERIC_IN_TEXT = /(?:^|[^\d-])(-[4-6]0\d{4})(?!\d)/g
const REQUEST_ID_IN_TEXT = /requestI[Dd][:=\s]+([0-9a-fA-F-]{8,})/

/**
 * Reads the shapes cloud failures come in and never throws:
 * - CloudBase SDK errors: `{code: 'DATABASE_TIMEOUT', message, requestId}`;
 * - wx.cloud: `{errCode: -502005, errMsg: 'errCode: -502005 database collection not exists |
 *   errMsg: [ResourceNotFound] …'}`;
 * - nested causes, where the outer code is generic and the real one is inside:
 *   `'errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail requestID …,
 *   cloud function service error code -504002, error message Error: collection.update:fail -502005
 *   database collection not exists.'` reads as DATABASE_COLLECTION_NOT_EXIST (the most specific code wins);
 * - `'[FUNCTIONS_TIME_LIMIT_EXCEEDED] …'`: a string code inside a message;
 * - anything else becomes code `UNKNOWN` (known: false) with the original kept as `cause`.
 */
export function toCloudError(reason: unknown): CloudError {
  if (isInstance(reason, CloudError)) return reason
  const code = read(reason, 'code')
  const errCodeValue = read(reason, 'errCode')
  const text = [read(reason, 'errMsg'), read(reason, 'message'), typeof reason === 'string' ? reason : undefined]
    .filter((t) => typeof t === 'string')
    .join(' | ')
  const requestIdValue = read(reason, 'requestId') || read(reason, 'requestID')
  const requestIdInText = REQUEST_ID_IN_TEXT.exec(text)
  const init = {
    errMsg: text,
    errCode: typeof errCodeValue === 'number' ? errCodeValue : undefined,
    requestId: typeof requestIdValue === 'string' ? requestIdValue : requestIdInText ? requestIdInText[1] : undefined,
    cause: reason,
  }
  // Every code the failure names, outermost first; the first specific one wins, else the first generic one.
  const candidates: string[] = []
  if (typeof code === 'string') candidates.push(code)
  if (init.errCode !== undefined && own(WX_CLOUD_NUMERIC(), String(init.errCode)))
    candidates.push(own(WX_CLOUD_NUMERIC(), String(init.errCode)) as string)
  const numbers: number[] = []
  const found: Array<[number, string]> = []
  let match: RegExpExecArray | null
  CODE_IN_TEXT.lastIndex = 0
  while ((match = CODE_IN_TEXT.exec(text))) found.push([match.index, match[0]])
  NUMERIC_IN_TEXT.lastIndex = 0
  while ((match = NUMERIC_IN_TEXT.exec(text))) {
    numbers.push(Number(match[1]))
    const row = own(WX_CLOUD_NUMERIC(), match[1])
    if (row) found.push([match.index, row])
  }
  found.sort((a, b) => a[0] - b[0]).forEach(([, candidate]) => candidates.push(candidate))
  const table = CLOUD_CODES()
  const known = candidates.filter((candidate) => table[candidate])
  const chosen = known.filter((candidate) => table[candidate][3] !== 1)[0] || known[0]
  if (init.errCode === undefined && numbers.length) init.errCode = numbers[0]
  return new CloudError(
    Object.assign({ code: chosen || (typeof code === 'string' && code ? code : UNKNOWN_CLOUD_CODE) }, init),
  )
}

/** true for a CloudError, also one made by another copy of this library. */
export function isCloudError(value: unknown): value is CloudError {
  return (
    isInstance(value, CloudError) || (read(value, 'name') === 'CloudError' && typeof read(value, 'code') === 'string')
  )
}
