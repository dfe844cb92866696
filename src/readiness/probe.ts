// Reading settings without trusting them: bounded waits, wrong types and throwing getters read as unknown, and
// the Android probes that tell a switched-off NFC or a phone without Bluetooth apart.
import { clampDelay } from '../shared/delay'
import type { AnyObject } from '../wx/access'
import type { Capability } from './types'
import type { Need } from './needs'

/** false only for a setting that says no: `false` or `'denied'`; missing and 'not determined' are not a no. */
export function says(value: unknown): boolean {
  return !(value === false || value === 'denied')
}

/**
 * An object's own field, or undefined: never throws (a proxy, a getter that throws, a string where an object was due).
 */
export function field(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return undefined
  try {
    return (value as AnyObject)[key]
  } catch (error) {
    return undefined
  }
}

/**
 * An async wx call for reading (getSetting, getPrivacySetting, the probes): [true, result] or [false, failure],
 * or undefined when it is missing, throws or never answers within `ms`. Not a failure anyone hears of:
 * onFailure stays quiet.
 */
function asyncCall(
  target: AnyObject | undefined,
  api: string,
  ms: number,
  args: AnyObject = {},
): Promise<[boolean, unknown] | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), clampDelay(ms))
    const done = (answer: [boolean, unknown] | undefined) => {
      clearTimeout(timer)
      resolve(answer)
    }
    try {
      const fn = field(target, api)
      if (typeof fn !== 'function') return done(undefined)
      const returned = fn.call(
        target,
        Object.assign({}, args, {
          success: (result: unknown) => done([true, result]),
          fail: (error: unknown) => done([false, error]),
        }),
      )
      if (returned && typeof returned.then === 'function')
        returned.then(
          (result: unknown) => done([true, result]),
          (error: unknown) => done([false, error]),
        )
    } catch (error) {
      done(undefined)
    }
  })
}

/** A settings read: its result, or undefined (missing, failed, wrong type, no answer). */
export function asyncResult(wxLike: AnyObject, api: string, ms: number): Promise<AnyObject | undefined> {
  return asyncCall(wxLike, api, ms).then((answer) =>
    answer && answer[0] && answer[1] !== null && typeof answer[1] === 'object' ? (answer[1] as AnyObject) : undefined,
  )
}

/** The errno of a failure a probe saw (errno, or the legacy errCode's twin for the codes the probes can get). */
function probeErrno(failure: unknown): number | undefined {
  const errno = field(failure, 'errno')
  if (typeof errno === 'number') return errno
  const errCode = field(failure, 'errCode')
  return ({ 10001: 1500102, 10009: 1500105, 13000: 1504001, 13001: 1504003 } as { [code: number]: number })[
    errCode as number
  ]
}

/**
 * Android only (NFC is Android-only; every iPhone has BLE). NFC: the adapter and whether its switch is on, read
 * with a start and stop of discovery (getNFCAdapter doc: 13000 not supported, 13001 switch off). Bluetooth, when
 * the settings say it is off: whether the phone has it at all (openBluetoothAdapter: 10009 / 1500105 not supported).
 */
export async function probe(capability: Capability, wxLike: AnyObject, ms: number): Promise<Need | undefined> {
  if (capability === 'nfc') {
    let adapter: unknown
    try {
      adapter = typeof wxLike.getNFCAdapter === 'function' ? wxLike.getNFCAdapter() : undefined
    } catch (error) {
      adapter = undefined
    }
    if (!adapter || typeof field(adapter, 'startDiscovery') !== 'function')
      return { kind: 'unsupported', key: 'nfcAdapter', errno: 1504001, template: 'nfc-unsupported' }
    const answer = await asyncCall(adapter as AnyObject, 'startDiscovery', ms)
    if (answer && answer[0]) {
      await asyncCall(adapter as AnyObject, 'stopDiscovery', ms)
      return undefined
    }
    const errno = answer ? probeErrno(answer[1]) : undefined
    if (errno === 1504001) return { kind: 'unsupported', key: 'nfcAdapter', errno, template: 'nfc-unsupported' }
    if (errno === 1504003) return { kind: 'system-switch', key: 'nfcEnabled', errno, template: 'nfc-off' }
    return undefined // another failure (already discovering, busy) says nothing about the switch
  }
  const answer = await asyncCall(wxLike, 'openBluetoothAdapter', ms)
  if (answer && !answer[0] && probeErrno(answer[1]) === 1500105)
    return { kind: 'unsupported', key: 'bluetooth', errno: 1500105, template: 'ble-not-supported' }
  return undefined
}
