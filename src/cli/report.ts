// `miniprogram-errno report <file>`: reads failures exported from WeChat's realtime log and counts them by code,
// family, kind, platform, base library and time; report-html.ts draws the page.
//
// Input, as JSON or as JSON lines (one value per line), any mix of:
// - the answer of the realtime-log search API (POST /wxaapi/userlog/userlog_search, operation.realtimelogSearch):
//   `{errcode, data: {list: [{level, platform, libraryVersion, clientVersion, id, traceid, url, filterMsg, timestamp,
//   msg: [{time, level, msg: [string, …]}]}], total}}`, one page or an array of pages, or the `list` alone (field names
//   as the SKIT.FlurlHttpClient.Wechat model WxaApiUserLogSearchResponse has them);
// - the entries this library's reporter writes (createRealtimeLogReporter: `'[miniprogram-errno]', entry`), the
//   entry being an error's toJSON(), alone or as `{time, platform, libraryVersion, entry}`;
// - raw wx failures (`{errMsg, errno}`) or errMsg strings inside log messages.
import { parseErrMsg } from '../errno/normalize'
import { decodeErrno } from '../errno/decode'
import { errorFromJSON } from '../beyond/from-json'
import { failureCode } from '../report/realtime-log'
import { BEIJING_OFFSET_MS } from '../beyond/WxServerError'
import { detailsOf } from './catalogue'
import { reasonPolicyOf } from './explain'
import { ErrnoError } from '../errno/ErrnoError'
import type { FailureDetails } from './catalogue'

/** The marker the reporter writes before each entry. */
const MARKER = '[miniprogram-errno]'

/** One failure read from the input. */
export interface FailureRecord {
  failure: unknown
  /** Milliseconds since 1970, when the log says. */
  time?: number
  platform?: string
  version?: string
}

type AnyObject = { [key: string]: any }

const isObject = (value: unknown): value is AnyObject => value !== null && typeof value === 'object'

function toMs(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  if (typeof n !== 'number' || !(n > 0)) return undefined
  return n < 1e12 ? n * 1000 : n // the search API gives seconds
}

function platformOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value) return value.toLowerCase()
  if (typeof value === 'number') return 'platform ' + value // the search API's number, as sent
  return undefined
}

function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const text = value.trim()
  if (text[0] !== '{' && text[0] !== '[') return value
  try {
    return JSON.parse(text)
  } catch (error) {
    return value
  }
}

/** The failures inside one realtime-log message: after the reporter's marker, or a failure-shaped value. */
function failuresInMessage(parts: unknown[]): unknown[] {
  const at = parts.indexOf(MARKER)
  if (at >= 0) return at + 1 < parts.length ? [parseMaybeJson(parts[at + 1])] : []
  const found: unknown[] = []
  for (const part of parts) {
    const value = parseMaybeJson(part)
    if (isFailure(value)) found.push(value)
    else if (typeof value === 'string' && parseErrMsg(value).failed) found.push(value)
  }
  return found
}

function isFailure(value: unknown): boolean {
  if (!isObject(value)) return false
  if (typeof value.name === 'string' && /Error$/.test(value.name)) return true
  return (typeof value.errMsg === 'string' && /:\s*fail/.test(value.errMsg)) || typeof value.errno === 'number'
}

/** Calls `add` for every failure in one parsed value of the input; a value that cannot be read is skipped. */
export function collect(value: unknown, add: (record: FailureRecord) => void): void {
  try {
    collectValue(value, add)
  } catch (error) {
    // unreadable (a getter or a proxy that throws): skipped
  }
}

function collectValue(value: unknown, add: (record: FailureRecord) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, add)
    return
  }
  if (!isObject(value)) return
  if (isObject(value.data) && Array.isArray(value.data.list)) {
    collect(value.data.list, add)
    return
  }
  if (Array.isArray(value.list) && value.msg === undefined) {
    collect(value.list, add)
    return
  }
  if (Array.isArray(value.msg)) {
    // A realtime-log item: its messages, with the item's platform and base library.
    const platform = platformOf(value.platform)
    const version = typeof value.libraryVersion === 'string' ? value.libraryVersion : undefined
    for (const message of value.msg) {
      if (!isObject(message) || !Array.isArray(message.msg)) continue
      const time = toMs(message.time) || toMs(value.timestamp)
      for (const failure of failuresInMessage(message.msg)) add({ failure, time, platform, version })
    }
    return
  }
  if (value.entry !== undefined) {
    add({
      failure: parseMaybeJson(value.entry),
      time: toMs(value.time) || toMs(value.timestamp),
      platform: platformOf(value.platform),
      version: typeof value.libraryVersion === 'string' ? value.libraryVersion : value.SDKVersion,
    })
    return
  }
  if (isFailure(value)) add({ failure: value, time: toMs(value.time), platform: platformOf(value.platform) })
}

export interface Count {
  key: string
  count: number
}

export interface TopError extends Count {
  label: string
  family: string
  details: FailureDetails
}

export interface ReportData {
  source: string
  total: number
  first?: number
  last?: number
  bucket: 'hour' | 'day'
  byCode: TopError[]
  byFamily: Count[]
  byKind: Count[]
  byPlatform: Count[]
  byVersion: Count[]
  overTime: Count[]
}

/** The key a failure is counted under (as the realtime-log reporter files it, an errno named so), and its family. */
function codeOf(error: AnyObject): { key: string; family: string } {
  const code = failureCode(error)
  if (error.name === 'WxServerError') return { key: code, family: 'WeChat server' }
  if (error.name === 'CloudError') return { key: code, family: 'Cloud' }
  if (error.name === 'HttpApiError') return { key: code, family: 'HTTP' }
  const decoded = decodeErrno(error.errno)
  const family =
    decoded.second > 0 ? decoded.category.name.en + ' › ' + decoded.subcategory.name.en : decoded.category.name.en
  // An unknown errno whose reason says what went wrong (reasonPolicies) gets a row of its own, not the errno -1 one.
  const byReason = error instanceof ErrnoError && code === '-1' ? reasonPolicyOf(error) : undefined
  return { key: 'errno ' + code + (byReason ? ' · ' + byReason[0] : ''), family }
}

/** A time as Beijing time reads it (ISO, its Z standing for UTC+8): how the WeChat console shows logs. */
export function beijingIso(time: number): string {
  return new Date(time + BEIJING_OFFSET_MS).toISOString()
}

function bucketOf(time: number, bucket: 'hour' | 'day'): string {
  const iso = beijingIso(time)
  return bucket === 'hour' ? iso.slice(0, 13).replace('T', ' ') + ':00' : iso.slice(0, 10)
}

function sorted(counts: Map<string, number>, byKey = false): Count[] {
  const list = Array.from(counts, ([key, count]) => ({ key, count }))
  return list.sort((a, b) => (byKey ? (a.key < b.key ? -1 : 1) : b.count - a.count || (a.key < b.key ? -1 : 1)))
}

// Keys come from the log (codes, platforms, versions): bounded, so a hostile entry cannot make a huge page.
const bound = (key: string) => (key.length > 120 ? key.slice(0, 119) + '…' : key)
const bump = (map: Map<string, number>, key: string) => {
  const bounded = bound(key)
  map.set(bounded, (map.get(bounded) || 0) + 1)
}

/**
 * Counts the failures. `progress(done, total)` is called every 10,000 records. The same failure text is decoded once
 * (a cache keyed by the logged failure's JSON), so a large log costs little more than reading it.
 */
export function buildReport(
  records: FailureRecord[],
  source: string,
  progress: (done: number, total: number) => void = () => undefined,
  top = 20,
): ReportData {
  type Decoded = { key: string; family: string; kind: string; error: Error }
  // The same logged failure is decoded once; each code keeps the first failure seen, for its meaning and guidance.
  const decodedByText = new Map<string, Decoded>()
  const firstByKey = new Map<string, Decoded>()
  const byCode = new Map<string, number>()
  const byFamily = new Map<string, number>()
  const byKind = new Map<string, number>()
  const byPlatform = new Map<string, number>()
  const byVersion = new Map<string, number>()
  const times: number[] = []
  let first: number | undefined
  let last: number | undefined
  records.forEach((record, index) => {
    if (index % 10000 === 0 && index) progress(index, records.length)
    let cacheKey: string
    try {
      cacheKey = typeof record.failure === 'string' ? record.failure : JSON.stringify(record.failure)
    } catch (error) {
      cacheKey = String(record.failure)
    }
    let decoded = decodedByText.get(cacheKey)
    if (!decoded) {
      const error = errorFromJSON(record.failure)
      const code = codeOf(error as unknown as AnyObject)
      decoded = { key: bound(code.key), family: code.family, kind: error.kind, error }
      if (decodedByText.size < 50000) decodedByText.set(cacheKey, decoded)
      if (!firstByKey.has(decoded.key)) firstByKey.set(decoded.key, decoded)
    }
    bump(byCode, decoded.key)
    bump(byFamily, decoded.family)
    bump(byKind, decoded.kind)
    bump(byPlatform, record.platform || 'unknown')
    bump(byVersion, record.version || 'unknown')
    if (record.time !== undefined) {
      times.push(record.time)
      if (first === undefined || record.time < first) first = record.time
      if (last === undefined || record.time > last) last = record.time
    }
  })
  progress(records.length, records.length)
  const bucket = first !== undefined && last !== undefined && last - first > 2 * 86400000 ? 'day' : 'hour'
  const overTime = new Map<string, number>()
  for (const time of times) bump(overTime, bucketOf(time, bucket))
  return {
    source,
    total: records.length,
    first,
    last,
    bucket,
    byCode: sorted(byCode)
      .slice(0, top)
      .map((count) => {
        const decoded = firstByKey.get(count.key) as Decoded
        const details = detailsOf(decoded.error)
        if (details.code) details.code = bound(details.code)
        if (details.api) details.api = bound(details.api)
        return Object.assign(count, { label: count.key, family: decoded.family, details })
      }),
    byFamily: sorted(byFamily),
    byKind: sorted(byKind),
    byPlatform: sorted(byPlatform),
    byVersion: sorted(byVersion).slice(0, 30),
    overTime: sorted(overTime, true),
  }
}
