import { globalWx } from '../wx/access'
import type { AnyObject } from '../wx/access'
import { errorKind, POLICY_KEY } from '../policy/policy'
import { BRAND } from '../errno/brand'
import type { FailureListener } from '../wx/failures'
import { wasRecovered } from '../wx/failures'
import { safeMessage, truncate, MAX_MESSAGE } from '../shared/mask'
import { textOf } from '../shared/text'

export interface RealtimeLogReporterOptions {
  /** The wx object whose getRealtimeLogManager is used. @default the global wx */
  wx?: object
  /**
   * At most this many reports of one code per window; the rest are counted and mentioned in the next report. @default 5
   */
  perCode?: number
  /** At most this many reports of all codes together per window. @default 30 */
  perWindow?: number
  /** The rate-limit window in milliseconds. @default 60000 */
  windowMs?: number
  /** Prefix of the filter message (WeChat admin console › 实时日志 › filter), followed by the code. @default 'errno:' */
  filterPrefix?: string
  /** Report the user's cancels too (at info level). @default false */
  reportCancels?: boolean
  /**
   * Report failures that were recovered from too (at info level): a withRetry attempt that is tried again,
   * a 401 that apiRequest's sign-in refresh fixed. @default false
   */
  reportRecovered?: boolean
  /** The clock (tests). @default Date.now */
  now?: () => number
}

/** WeChat's realtime log takes at most 5 KB a call (wx.getRealtimeLogManager doc). */
const MAX_ENTRY = 5000
/** The filter message (setFilterMsg / addFilterMsg) is short text. */
const MAX_FILTER = 1000
/** How many distinct codes the rate limits keep track of; the others share one limit. */
const MAX_CODES = 200

/** The longest string code a failure is filed under. */
const MAX_CODE = 200

/**
 * What a failure is filed under: the errno, the server errcode, the cloud code, the legacy errCode (of an unknown
 * errno, -1) or the HTTP status. A string code is any other error's too (a decoder's, a third party's): masked and
 * bounded like a message, as it goes into the log entry, the filter and the rate limits' keys.
 */
export function failureCode(error: AnyObject): string {
  if (typeof error.errno === 'number' && (error.errno !== -1 || typeof error.errCode !== 'number'))
    return String(error.errno)
  if (typeof error.errcode === 'number') return 'errcode ' + error.errcode
  if (typeof error.code === 'string') return safeMessage(error.code, MAX_CODE)
  if (typeof error.errCode === 'number') return 'errCode ' + error.errCode
  if (typeof error.statusCode === 'number') return 'HTTP ' + error.statusCode
  return 'unknown'
}

/**
 * The entry as written: the masked toJSON() of this library's errors (they carry their policy, or the ErrnoError
 * brand), or the name and masked message of any other Error; at most 5 KB.
 */
function entryOf(error: AnyObject, code: string, kind: string): unknown {
  let json: unknown
  try {
    json =
      typeof error.toJSON === 'function' &&
      (read(error, POLICY_KEY) !== undefined || read(error, BRAND as unknown as string) === true)
        ? error.toJSON()
        : undefined
  } catch (failure) {
    json = undefined
  }
  // A plain failure object passed in by hand has its errMsg (a wx fail result) or errmsg (a WeChat server body)
  // instead of a message.
  let message = read(error, 'message')
  if (message === undefined) message = read(error, 'errMsg')
  if (message === undefined) message = read(error, 'errmsg')
  // A field the failure lacks is left out (JSON drops undefined), not written as "undefined".
  const name = read(error, 'name')
  const shown = (value: unknown, max: number) => (value === undefined ? undefined : safeMessage(textOf(value), max))
  if (json === undefined) json = { name: shown(name, 100), message: shown(message, MAX_MESSAGE), code, kind }
  let text: string
  try {
    text = JSON.stringify(json)
  } catch (failure) {
    text = ''
  }
  if (text && text.length <= MAX_ENTRY) return json
  return { name: shown(name, 100), code, kind, message: shown(message, 2000), cut: true }
}

function read(value: AnyObject, key: string): unknown {
  try {
    return value[key]
  } catch (failure) {
    return undefined
  }
}

/**
 * A ready onFailure listener that writes each failure to WeChat's realtime log (wx.getRealtimeLogManager):
 * `error` for what the developer, the system or a service must look at, `warn` for what the user or the
 * network caused (see errorKind). Each entry is masked (this library's toJSON(), or name and masked message
 * of any other Error) and at most 5 KB; each code is added to the filter once (addFilterMsg, or setFilterMsg
 * on base libraries without it) so the admin console can filter by code. Rate-limited per code and overall.
 *
 * By default cancels and failures that were recovered from (a withRetry attempt that is tried again, a 401
 * the sign-in refresh fixed) are not reported: the reporter waits a tick to learn which, then writes.
 *
 * @example
 * onFailure(createRealtimeLogReporter())
 */
export function createRealtimeLogReporter(options: RealtimeLogReporterOptions = {}): FailureListener {
  if (options === null) options = {}
  const limit = (value: unknown, fallback: number) =>
    typeof value === 'number' && value >= 1 && value < Infinity ? Math.floor(value) : fallback
  const perCode = limit(options.perCode, 5)
  const perWindow = limit(options.perWindow, 30)
  const windowMs = typeof options.windowMs === 'number' && options.windowMs > 0 ? options.windowMs : 60000
  const prefix = typeof options.filterPrefix === 'string' ? truncate(options.filterPrefix, 100) : 'errno:'
  const now = options.now || Date.now
  let windows: { [code: string]: { count: number; dropped: number } } = Object.create(null)
  let codes = 0
  let windowStart = -Infinity
  let total = 0
  // The filter messages already added, for the log manager they were added to.
  let filtered: { [code: string]: true } = Object.create(null)
  let manager: AnyObject | undefined
  let managerOf: AnyObject | undefined
  const queue: AnyObject[] = []

  function logManager(): AnyObject | undefined {
    const wxLike = (options.wx as AnyObject | undefined) || globalWx()
    if (!manager || managerOf !== wxLike) {
      managerOf = wxLike
      filtered = Object.create(null)
      try {
        manager =
          wxLike && typeof wxLike.getRealtimeLogManager === 'function' ? wxLike.getRealtimeLogManager() : undefined
      } catch (failure) {
        manager = undefined
      }
    }
    return manager || undefined
  }

  function write(error: AnyObject): void {
    const log = logManager()
    if (!log) return // base library below 2.7.1, or not in a mini-program
    const recovered = wasRecovered(error)
    const kind = errorKind(error)
    if (recovered && !options.reportRecovered) return
    if (kind === 'cancel' && !options.reportCancels) return
    const at = now()
    if (at - windowStart >= windowMs) {
      windowStart = at
      total = 0
      const carried = windows
      windows = Object.create(null)
      codes = 0
      // What was dropped is still said, in the next report of that code.
      for (const code of Object.keys(carried))
        if (carried[code].dropped && codes < MAX_CODES) {
          windows[code] = { count: 0, dropped: carried[code].dropped }
          codes++
        }
    }
    let code = failureCode(error)
    if (!windows[code] && codes >= MAX_CODES) code = 'other'
    if (!windows[code]) {
      windows[code] = { count: 0, dropped: 0 }
      codes++
    }
    const window = windows[code]
    if (window.count >= perCode || total >= perWindow) {
      window.dropped++
      return
    }
    window.count++
    total++
    const entry = entryOf(error, code, kind)
    const dropped = window.dropped
    window.dropped = 0
    try {
      const filter = truncate(safeMessage(prefix + code), MAX_FILTER)
      if (typeof log.addFilterMsg === 'function') {
        if (!filtered[filter] && Object.keys(filtered).length < MAX_CODES) {
          filtered[filter] = true
          log.addFilterMsg(filter)
        }
      } else if (typeof log.setFilterMsg === 'function') log.setFilterMsg(filter)
      const level = recovered || kind === 'cancel' ? 'info' : kind === 'user' || kind === 'network' ? 'warn' : 'error'
      const method = typeof log[level] === 'function' ? log[level] : log.error
      if (typeof method === 'function')
        method.call(log, '[miniprogram-errno]', entry, dropped ? { dropped } : undefined)
    } catch (failure) {
      // the log itself failing must not break the app
    }
  }

  function flush(): void {
    const batch = queue.splice(0, queue.length)
    for (const error of batch)
      try {
        write(error)
      } catch (failure) {
        // a hostile failure object (a getter or Proxy that throws) is not reported, and never breaks the app
      }
  }

  return (error) => {
    if (error === null || (typeof error !== 'object' && typeof error !== 'function')) return
    // Bounded: a burst of failures within one tick writes no more than the limits allow anyway.
    if (queue.length >= perWindow * 4) return
    queue.push(error as unknown as AnyObject)
    if (queue.length === 1) setTimeout(flush, 0)
  }
}
