import {
  GUIDANCE_CODES,
  GUIDANCE_TEMPLATES,
  GUIDANCE_REASONS,
  NO_GUIDANCE,
  CATEGORY_FALLBACK,
  LEGACY_TABLE_FALLBACK,
  API_FALLBACK,
  ACTION_REQUIREMENTS,
  GUIDANCE_BY_STATE,
  GUIDANCE_LEGACY_CODES,
} from './generated/guidance-map'
import { GUIDANCE_TEXTS_ZH_CN, GUIDANCE_TEXTS_ZH_TW, GUIDANCE_TEXTS_EN } from '../texts/generated/tables'
import { toErrnoError, read, legacyTable, parseErrMsg, firstMatchingRule } from '../errno/normalize'
import type { CompiledRules } from '../errno/normalize'
import { own } from '../shared/own'
import { copyOverrides } from './overrides'
import { uniPairFailure, isUniSuccessPair } from '../errno/frameworks'
import { splitErrno, categoryKey } from '../errno/codes'
import { currentLocale, currentPlatform, baseLibraryVersion, compareVersion, normalizeLocale } from './locale'
import { globalWx, hasMethod, type AnyObject } from '../wx/access'
import { GUIDANCE_KEY } from '../policy/policy'
import { carriedPolicy, type PolicyKind } from '../errno/policy-table'
import type { Locale } from '../errno/types'

/** What the confirm button does: a wx API that gets the user to the fix, or `retry`. */
export type GuidanceAction =
  | 'openSystemBluetoothSetting'
  | 'openAppAuthorizeSetting'
  | 'openSetting'
  | 'requirePrivacyAuthorize'
  | 'updateWeChatApp'
  | 'retry'

export interface Guidance {
  /** The errno the guidance is for (-1 when the failure had none). */
  errno: number
  title: string
  content: string
  confirmText: string
  cancelText: string
  showCancel: boolean
  action?: GuidanceAction
  /** Which entry answered: the template id, `registered`, or a fallback. */
  source: string
  /**
   * An icon name for dialogs: bluetooth, wifi, nfc, location, network, permission, camera, microphone, storage,
   * payment, ai, info, account.
   */
  icon: string
  locale: Locale
}

export interface GuidanceOptions {
  /** @default the device's language (see setLocale) */
  locale?: Locale
  /** ios, android, devtools ...; decides platform-only actions and manual paths. @default the device's */
  platform?: string
  /** The wx object used to read locale, platform, base library and canIUse. @default the global wx */
  wx?: object
  /**
   * Use this guidance template (an id of data/guidance.json) instead of the one the failure picks: for readiness
   * checks.
   */
  template?: string
}

/** Texts a caller can override per locale. */
export interface GuidanceTexts {
  title?: string
  content?: string
  confirmText?: string
  cancelText?: string
}

export interface GuidanceOverrides {
  zh_CN?: GuidanceTexts
  zh_TW?: GuidanceTexts
  en?: GuidanceTexts
  /** The action on confirm; `null` removes it. */
  action?: GuidanceAction | null
  icon?: string
}

const TEXTS: { [L in Locale]: () => Record<string, ReadonlyArray<string>> } = {
  zh_CN: GUIDANCE_TEXTS_ZH_CN,
  zh_TW: GUIDANCE_TEXTS_ZH_TW,
  en: GUIDANCE_TEXTS_EN,
}

/** A template's texts in a locale (English where the locale's file was left out). */
function templateTexts(locale: Locale, id: string): ReadonlyArray<string> {
  if (!own(GUIDANCE_TEMPLATES, id)) return []
  return own(TEXTS[locale](), id) || own(TEXTS.en(), id) || []
}
const registered: { [key: string]: GuidanceOverrides } = Object.create(null)
const API_PATTERNS = API_FALLBACK.map(([pattern, id]) => [new RegExp(pattern), id] as const)
/** The text of a button that only closes the dialog. */
export const acknowledge = (locale: Locale): string => (locale === 'en' ? 'OK' : '知道了')

/**
 * Replaces or adds guidance for an errno (texts per locale, the action). Returns a function that
 * removes the override. The overrides are checked and copied now: a text that is not a string is a TypeError here.
 */
export function registerGuidance(errno: number | string, overrides: GuidanceOverrides): () => void {
  if ((typeof errno !== 'number' && typeof errno !== 'string') || overrides === null || typeof overrides !== 'object')
    throw new TypeError('registerGuidance(errno, overrides): wrong argument types')
  const key = String(errno)
  const copy = copyOverrides(overrides)
  registered[key] = copy
  return () => {
    if (registered[key] === copy) delete registered[key]
  }
}

/** Server, cloud and HTTP errors of this library name their template themselves. */
function beyondTemplate(error: unknown): [string, string] | undefined {
  if (error === null || typeof error !== 'object') return undefined
  try {
    const id = (error as { [key: string]: unknown })[GUIDANCE_KEY]
    const name = (error as { name?: unknown }).name
    return typeof id === 'string' && id ? [id, String(name) + ':' + id] : undefined
  } catch (failure) {
    return undefined
  }
}

/**
 * [template, source] picked by the iOS `state` a failure carries (openBluetoothAdapter: 3 = WeChat may not use
 * Bluetooth).
 */
function stateTemplate(errno: number, cause: unknown): [string, string] | undefined {
  const byState = GUIDANCE_BY_STATE[errno]
  if (!byState) return undefined
  // The raw failure, or (for an ErrnoError copied to plain data, as setData does) the raw failure inside it.
  let state = read(cause, 'state')
  if (state === undefined) state = read(read(cause, 'cause'), 'state')
  if (state === undefined) state = read(uniPairFailure(cause), 'state')
  const id = typeof state === 'number' ? byState[state] : undefined
  return id ? [id, 'state:' + state] : undefined
}

/** true for what is not a failure: nothing, errno 0, or a wx success result (`api:ok`) with no code. */
export function isSuccess(value: unknown): boolean {
  if (value === null || value === undefined || value === 0) return true
  if (typeof value !== 'object' && typeof value !== 'string') return false
  // uni-app's [err, res]: [null, res] is a success, [err] is err.
  const pair = uniPairFailure(value)
  if (pair !== undefined) return isSuccess(pair)
  if (isUniSuccessPair(value)) return true
  if (read(value, 'errno') === 0 && read(value, 'errCode') === undefined)
    return !/:\s*fail/.test(String(read(value, 'errMsg')))
  const errMsg = typeof value === 'string' ? value : read(value, 'errMsg')
  if (typeof errMsg !== 'string' || read(value, 'errno') !== undefined || read(value, 'errCode') !== undefined)
    return false
  const parsed = parseErrMsg(errMsg)
  return !!parsed.api && !parsed.failed
}

const reasonPatterns: CompiledRules = []

/** [template, source] by the errMsg reason (data/guidance.json reasons): '' as the template means no guidance. */
function templateForReason(errMsg: string, api: string | undefined): [string, string] | undefined {
  const reason = parseErrMsg(errMsg).reason.toLowerCase()
  const i = reason ? firstMatchingRule(GUIDANCE_REASONS, reasonPatterns, reason, api) : -1
  return i < 0 ? undefined : [GUIDANCE_REASONS[i][1], 'reason:' + GUIDANCE_REASONS[i][1]]
}

/**
 * [template, source]: the code's own entry, else by legacy code, category, legacy table or API name (none for
 * code mistakes). A failure of a family's API whose reason nothing recognises (errno -1) gets the neutral text: the
 * family's "check your device and try again" would blame the user for what may be anyone's fault.
 */
function templateFor(
  errno: number,
  errCode: number | undefined,
  api: string | undefined,
  kind: PolicyKind,
): [string, string] | undefined {
  const direct = GUIDANCE_CODES[errno]
  if (direct) return [direct, direct]
  const table = errCode !== undefined ? legacyTable(errCode, api) : undefined
  const byLegacyCode = table && errno < 0 ? GUIDANCE_LEGACY_CODES[errCode as number] : undefined
  if (byLegacyCode) return [byLegacyCode, 'legacy:' + errCode]
  // A mistake in the calling code is not the device's fault: the codes listed in the data say so neutrally; the
  // others show nothing rather than a family's device text. Nor is a feature the platform lacks a network problem.
  if (kind === 'fix' || kind === 'unsupported') return undefined
  const [first, second] = splitErrno(errno)
  const subcategory = first < 0 ? undefined : categoryKey(first, second) || ''
  const byCategory = subcategory ? CATEGORY_FALLBACK[subcategory] : undefined
  if (byCategory) return [byCategory, 'category:' + subcategory]
  // An unrecognised reason (errno -1) in a family's API gets the neutral text, not the family's device advice.
  if (table && LEGACY_TABLE_FALLBACK[table[2]])
    return errno < 0
      ? ['unknown-neutral', 'unknown:' + table[2]]
      : [LEGACY_TABLE_FALLBACK[table[2]], 'legacy:' + table[2]]
  if (api) {
    for (const [pattern, id] of API_PATTERNS)
      if (pattern.test(api)) return errno < 0 ? ['unknown-neutral', 'unknown:' + api] : [id, 'api:' + api]
  }
  return undefined
}

/** Whether the running client can do an action: base library, platform and canIUse. */
export function canRunAction(action: string, wxLike: AnyObject | undefined, platform: string | undefined): boolean {
  if (typeof action !== 'string') return false
  if (action === 'retry') return true
  const requirement = ACTION_REQUIREMENTS[action]
  if (!requirement) return hasMethod(wxLike, action)
  const [minVersion, platforms] = requirement
  if (platforms && platform && platforms.split(',').indexOf(platform) < 0) return false
  if (!wxLike) return !platforms || !!platform // no runtime to ask: trust the platform given
  if (!hasMethod(wxLike, action)) return false
  try {
    if (typeof wxLike.canIUse === 'function' && wxLike.canIUse(action) === false) return false
  } catch (error) {
    // canIUse itself failing says nothing either way
  }
  const version = baseLibraryVersion(wxLike)
  return !(version && minVersion && compareVersion(version, minVersion) < 0)
}

/**
 * What to tell the end user about a failure, in their language, and the action that fixes it.
 * undefined when there is nothing to say (user cancel, or a code with no guidance).
 *
 * @example
 * getGuidance(1500102, { locale: 'zh_CN', platform: 'android' })
 * // { title: '蓝牙未开启', content: '请开启手机蓝牙…', action: 'openSystemBluetoothSetting', ... }
 */
export function getGuidance(errorOrErrno: unknown, options: GuidanceOptions = {}): Guidance | undefined {
  if (options === null) options = {}
  if (isSuccess(errorOrErrno)) return undefined
  const error = toErrnoError(errorOrErrno)
  const errno = error.errno
  const kind = (carriedPolicy(errorOrErrno) || error.policy).kind // its own (server, cloud, HTTP), else decoded above
  // Cancels (the user's, or the app's own task.abort()) are not failures to show.
  if (NO_GUIDANCE.indexOf(errno) >= 0 || kind === 'cancel') return undefined
  const wxLike = (options.wx as AnyObject | undefined) || globalWx()
  const locale = options.locale ? normalizeLocale(options.locale) : currentLocale(wxLike)
  const platform = options.platform || currentPlatform(wxLike)
  const override =
    registered[String(errno)] ||
    (error.errCode !== undefined && errno < 0 ? registered[String(error.errCode)] : undefined)
  const chosen = options.template && own(GUIDANCE_TEMPLATES, options.template) ? options.template : undefined
  const byReason = chosen ? undefined : templateForReason(error.errMsg, error.api)
  if (byReason && !byReason[0] && !override) return undefined
  const found =
    (chosen ? ([chosen, chosen] as [string, string]) : undefined) ||
    beyondTemplate(errorOrErrno) ||
    (byReason && byReason[0] ? byReason : undefined) ||
    stateTemplate(errno, error.cause) ||
    templateFor(errno, error.errCode, error.api, error.policy.kind)
  if (!found && !override) return undefined

  const row: readonly string[] = found ? templateTexts(locale, found[0]) : []
  const template = found ? GUIDANCE_TEMPLATES[found[0]] : undefined
  let action = (template && template[0]) as GuidanceAction | '' | undefined
  if (override && override.action !== undefined) action = override.action || undefined
  const texts = (override && override[locale]) || {}
  const guidance: Guidance = {
    errno,
    title: texts.title !== undefined ? texts.title : row[0] || '',
    content: texts.content !== undefined ? texts.content : row[1] || '',
    confirmText: texts.confirmText !== undefined ? texts.confirmText : row[2] || acknowledge(locale),
    cancelText: texts.cancelText !== undefined ? texts.cancelText : row[3] || '',
    showCancel: false,
    source: override ? 'registered' : (found as [string, string])[1],
    icon: (override && override.icon) || (template && template[1]) || 'info',
    locale,
  }
  // A retry button only where retrying can help: never for configuration, code or unsupported failures.
  if (
    action === 'retry' &&
    (kind === 'config' || kind === 'fix' || kind === 'unsupported') &&
    !(override && override.action)
  ) {
    action = undefined
    if (texts.confirmText === undefined) guidance.confirmText = acknowledge(locale)
  }
  if (action && !canRunAction(action, wxLike, platform)) {
    // The API is missing here: tell the user the way by hand instead.
    const manual = platform === 'ios' ? row[4] : row[5] || row[4]
    if (manual && texts.content === undefined) guidance.content = manual
    guidance.confirmText = texts.confirmText !== undefined ? texts.confirmText : acknowledge(locale)
    action = undefined
  }
  if (action) {
    guidance.action = action
    guidance.showCancel = !!guidance.cancelText
  }
  return guidance
}
