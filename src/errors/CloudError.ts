import { CLOUD_CODES, CLOUD_GROUPS, WX_CLOUD_NUMERIC } from './generated/cloud'
import { POLICY_KEY, GUIDANCE_KEY, decodePolicy, getPolicy } from '../policy/policy'
import type { ErrorPolicy } from '../policy/policy'
import { toErrnoError } from '../errno/normalize'
import { maskSecrets, truncate } from '../errno/mask'
import { localized, maskedCopy, read, isInstance } from './shared'
import type { Localized } from '../errno/types'

/** The code of a failure no known cloud code could be found in. */
export const UNKNOWN_CLOUD_CODE = 'UNKNOWN'

/**
 * A cloud development (CloudBase) failure: wx.cloud.callFunction / database / storage, the
 * CloudBase SDKs and cloud hosting, decoded to its string code.
 */
export class CloudError extends Error {
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
  readonly meaning?: Localized
  readonly groupName?: Localized
  /** The original failure, untouched. */
  readonly cause: unknown

  constructor(code: string, init: { errMsg?: string; errCode?: number; requestId?: string; cause?: unknown } = {}) {
    const row = CLOUD_CODES()[code]
    const meaning = localized(row && row[4])
    super(maskSecrets(truncate(code + (init.errCode !== undefined ? ` (errCode ${init.errCode})` : '') + (meaning ? `: ${meaning.en}` : '') + (init.errMsg ? ` — ${init.errMsg}` : ''), 1000)))
    Object.setPrototypeOf(this, new.target.prototype)
    this.code = code
    this.errMsg = init.errMsg || ''
    if (init.errCode !== undefined) this.errCode = init.errCode
    if (init.requestId !== undefined) this.requestId = init.requestId
    this.known = !!row
    this.generic = !!row && row[3] === 1
    if (row) {
      this.group = row[0]
      this.meaning = meaning
      this.groupName = localized(CLOUD_GROUPS[row[0]])
    }
    this.cause = init.cause
  }

  get [POLICY_KEY](): ErrorPolicy {
    const row = CLOUD_CODES()[this.code]
    // A failure with no cloud code (a network error under wx.cloud) keeps its wx policy.
    return row ? decodePolicy(row[1]) : getPolicy(toErrnoError(this.cause))
  }

  get [GUIDANCE_KEY](): string | undefined {
    const row = CLOUD_CODES()[this.code]
    return (row && row[2]) || undefined
  }

  toJSON() {
    return {
      name: this.name,
      message: this.message,
      code: this.code,
      group: this.group,
      errCode: this.errCode,
      errMsg: maskSecrets(this.errMsg),
      requestId: this.requestId,
      known: this.known,
      generic: this.generic,
      meaning: this.meaning,
      cause: maskedCopy(this.cause),
    }
  }
}

const CODE_IN_TEXT = /\b[A-Z][A-Za-z]*(?:_[A-Z0-9]+)+\b/g
const NUMERIC_IN_TEXT = /(?:errCode:?\s*|fail\s+(?:Error:\s*)?(?:errCode:\s*)?)(-\d{6})\b/

/**
 * Reads the shapes cloud failures come in and never throws:
 * - CloudBase SDK errors: `{code: 'DATABASE_TIMEOUT', message, requestId}`;
 * - wx.cloud: `{errCode: -502005, errMsg: 'cloud.callFunction:fail -502005 database collection not exists …'}`;
 * - the code only inside the message: `'… errCode: -504002 functions execute fail | errMsg: …'`,
 *   `'[FUNCTIONS_TIME_LIMIT_EXCEEDED] …'`;
 * - anything else becomes code `UNKNOWN` (known: false) with the original kept as `cause`.
 */
export function toCloudError(reason: unknown): CloudError {
  if (isInstance(reason, CloudError)) return reason
  const code = read(reason, 'code')
  const errCodeValue = read(reason, 'errCode')
  const text = [read(reason, 'errMsg'), read(reason, 'message'), typeof reason === 'string' ? reason : undefined].filter((t) => typeof t === 'string').join(' | ')
  const requestIdValue = read(reason, 'requestId') || read(reason, 'requestID')
  const init = {
    errMsg: text,
    errCode: typeof errCodeValue === 'number' ? errCodeValue : undefined,
    requestId: typeof requestIdValue === 'string' ? requestIdValue : undefined,
    cause: reason,
  }
  if (typeof code === 'string' && CLOUD_CODES()[code]) return new CloudError(code, init)
  if (init.errCode !== undefined && WX_CLOUD_NUMERIC[String(init.errCode)]) return new CloudError(WX_CLOUD_NUMERIC[String(init.errCode)], init)
  const named = text.match(CODE_IN_TEXT)
  if (named) for (const candidate of named) if (CLOUD_CODES()[candidate]) return new CloudError(candidate, init)
  const numeric = NUMERIC_IN_TEXT.exec(text)
  if (numeric && WX_CLOUD_NUMERIC[numeric[1]]) {
    if (init.errCode === undefined) init.errCode = Number(numeric[1])
    return new CloudError(WX_CLOUD_NUMERIC[numeric[1]], init)
  }
  return new CloudError(typeof code === 'string' && code ? code : UNKNOWN_CLOUD_CODE, init)
}
