import { globalWx } from '../wx/access'
import type { AnyObject } from '../wx/access'
import { isRetriable } from '../policy/policy'
import type { FailureListener } from '../wx/failures'

export interface RealtimeLogReporterOptions {
  /** The wx object whose getRealtimeLogManager is used. @default the global wx */
  wx?: object
  /** At most this many reports of one code per window; the rest are counted and mentioned in the next report. @default 5 */
  perCode?: number
  /** The rate-limit window in milliseconds. @default 60000 */
  windowMs?: number
  /** Prefix of the filter message (WeChat admin console › 实时日志 › filter), followed by the code. @default 'errno:' */
  filterPrefix?: string
  /** The clock (tests). @default Date.now */
  now?: () => number
}

/** What a failure is filed under: the errno, the server errcode, the cloud code or the HTTP status. */
function codeOf(error: AnyObject): string {
  if (typeof error.errno === 'number') return String(error.errno)
  if (typeof error.errcode === 'number') return 'errcode ' + error.errcode
  if (typeof error.code === 'string') return error.code
  if (typeof error.statusCode === 'number') return 'HTTP ' + error.statusCode
  return 'unknown'
}

/**
 * A ready onFailure listener that writes each failure's masked `toJSON()` to WeChat's realtime log
 * (wx.getRealtimeLogManager: `warn` for retriable failures, `error` for the rest), tagged with
 * `setFilterMsg('errno:<code>')` so the admin console can filter by code, and rate-limited per code
 * (the realtime log has per-page limits). Never logs `cause`: toJSON masks secrets, cause does not.
 *
 * @example
 * onFailure(createRealtimeLogReporter())
 */
export function createRealtimeLogReporter(options: RealtimeLogReporterOptions = {}): FailureListener {
  const perCode = typeof options.perCode === 'number' && options.perCode >= 1 ? Math.floor(options.perCode) : 5
  const windowMs = typeof options.windowMs === 'number' && options.windowMs > 0 ? options.windowMs : 60000
  const prefix = typeof options.filterPrefix === 'string' ? options.filterPrefix : 'errno:'
  const now = options.now || Date.now
  const windows: { [code: string]: { start: number; count: number; dropped: number } } = Object.create(null)
  let manager: AnyObject | undefined
  let managerOf: AnyObject | undefined
  return (error) => {
    const wxLike = (options.wx as AnyObject | undefined) || globalWx()
    if (!manager || managerOf !== wxLike) {
      managerOf = wxLike
      try {
        manager = wxLike && typeof wxLike.getRealtimeLogManager === 'function' ? wxLike.getRealtimeLogManager() : undefined
      } catch (failure) {
        manager = undefined
      }
      if (!manager) return // base library below 2.7.1, or not in a mini-program
    }
    const data = error as unknown as AnyObject
    const code = codeOf(data)
    const at = now()
    let window = windows[code]
    if (!window || at - window.start >= windowMs) window = windows[code] = { start: at, count: 0, dropped: window ? window.dropped : 0 }
    if (window.count >= perCode) {
      window.dropped++
      return
    }
    window.count++
    const json = typeof data.toJSON === 'function' ? data.toJSON() : { message: String(data.message) }
    const dropped = window.dropped
    window.dropped = 0
    try {
      if (typeof manager.setFilterMsg === 'function') manager.setFilterMsg(prefix + code)
      const level = isRetriable(error) ? 'warn' : 'error'
      const write = typeof manager[level] === 'function' ? manager[level] : manager.error
      if (typeof write === 'function') write.call(manager, '[miniprogram-errno]', json, dropped ? { dropped } : undefined)
    } catch (failure) {
      // the log itself failing must not break the app
    }
  }
}
