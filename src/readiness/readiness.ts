// Readiness before a device call: what must hold for a capability, read from the settings APIs, and a walk
// through what is missing, one modal at a time. Sources: wx.getSystemSetting (bluetoothEnabled,
// locationEnabled, wifiEnabled; base library 2.20.1), wx.getAppAuthorizeSetting (…Authorized: 'authorized' |
// 'denied' | 'not determined'; bluetoothAuthorized and albumAuthorized are iOS-only), wx.getSetting (scopes),
// wx.getPrivacySetting (needAuthorization; 2.32.3); older base libraries: the same fields of getSystemInfoSync.
// Android needs the location switch and permission for BLE scans and Wi-Fi lists (wx.startBluetoothDevicesDiscovery
// and wx.getWifiList docs); NFC is Android-only (wx.getNFCAdapter doc).
import { ErrnoError, UNKNOWN_ERRNO } from '../errno/ErrnoError'
import { clampDelay } from '../errno/delay'
import { globalWx, callSync, currentPlatform } from '../wx/access'
import type { AnyObject } from '../wx/access'
import { getGuidance } from '../guidance/guidance'
import type { Guidance } from '../guidance/guidance'
import { showGuidance } from '../guidance/show'
import type { Locale } from '../errno/types'

export type Capability = 'bluetooth' | 'ble-scan' | 'wifi' | 'location' | 'nfc' | 'camera' | 'record' | 'album'

export type MissingKind = 'system-switch' | 'app-permission' | 'scope' | 'privacy' | 'unsupported'

export interface MissingItem {
  kind: MissingKind
  /** What is missing: `bluetoothEnabled`, `locationAuthorized`, `scope.camera`, `privacy`, `platform` … */
  key: string
  /** The errno a call would fail with. */
  errno: number
  /** What to tell the user, with the action that fixes it. */
  guidance: Guidance | undefined
}

export interface Readiness {
  ready: boolean
  missing: MissingItem[]
  /** Where the settings were read from: getSystemSetting/getAppAuthorizeSetting, or getSystemInfoSync on old base libraries. */
  source: 'settings' | 'getSystemInfoSync' | 'none'
}

export interface ReadinessOptions {
  /** @default the global wx */
  wx?: object
  /** @default the device's */
  platform?: string
  locale?: Locale
  /** The longest wait for one settings read (getSetting, getPrivacySetting, the NFC and Bluetooth probes); one that never answers counts as unknown. @default 5000 */
  settingsTimeoutMs?: number
}

export interface EnsureOptions extends ReadinessOptions {
  /** How long to wait for the user to come back from a system settings page. @default 60000 */
  returnTimeoutMs?: number
}

type Need = { kind: MissingKind; key: string; errno: number; template: string; scope?: string }

const SYSTEM = {
  bluetooth: { kind: 'system-switch', key: 'bluetoothEnabled', errno: 1500102, template: 'bluetooth-off' },
  location: { kind: 'system-switch', key: 'locationEnabled', errno: 1505003, template: 'gps-off' },
  wifi: { kind: 'system-switch', key: 'wifiEnabled', errno: 1505002, template: 'wifi-off' },
} as const

/** What a capability needs on a platform, in the order the user is asked. */
function needs(capability: Capability, platform: string | undefined): Need[] {
  const ios = platform === 'ios'
  const android = platform === 'android'
  const bluetooth: Need[] = [SYSTEM.bluetooth]
  if (ios) bluetooth.push({ kind: 'app-permission', key: 'bluetoothAuthorized', errno: 1500102, template: 'bluetooth-unauthorized' })
  bluetooth.push({ kind: 'scope', key: 'scope.bluetooth', errno: 103, template: 'scope-denied', scope: 'scope.bluetooth' })
  switch (capability) {
    case 'bluetooth': return bluetooth
    case 'ble-scan': return android
      ? bluetooth.concat([SYSTEM.location, { kind: 'app-permission', key: 'locationAuthorized', errno: 1509008, template: 'ble-location-permission' }])
      : bluetooth
    case 'wifi': return android
      ? [SYSTEM.wifi, SYSTEM.location, { kind: 'app-permission', key: 'locationAuthorized', errno: 1505004, template: 'wifi-location-permission' }]
      : [SYSTEM.wifi]
    case 'location': return [SYSTEM.location, { kind: 'app-permission', key: 'locationAuthorized', errno: 3, template: 'system-permission' }, { kind: 'scope', key: 'scope.userLocation', errno: 103, template: 'scope-denied', scope: 'scope.userLocation' }]
    case 'nfc': return ios ? [{ kind: 'unsupported', key: 'platform', errno: 1504001, template: 'nfc-unsupported' }] : []
    case 'camera': return [{ kind: 'app-permission', key: 'cameraAuthorized', errno: 3, template: 'camera-permission' }, { kind: 'scope', key: 'scope.camera', errno: 103, template: 'camera-scope-denied', scope: 'scope.camera' }]
    case 'record': return [{ kind: 'app-permission', key: 'microphoneAuthorized', errno: 3, template: 'microphone-permission' }, { kind: 'scope', key: 'scope.record', errno: 103, template: 'scope-denied', scope: 'scope.record' }]
    case 'album': return (ios ? [{ kind: 'app-permission', key: 'albumAuthorized', errno: 3, template: 'system-permission' } as Need] : [])
      .concat([{ kind: 'scope', key: 'scope.writePhotosAlbum', errno: 103, template: 'scope-denied', scope: 'scope.writePhotosAlbum' }])
    default: return []
  }
}

const CAPABILITIES: Capability[] = ['bluetooth', 'ble-scan', 'wifi', 'location', 'nfc', 'camera', 'record', 'album']

/** false only for a setting that says no: `false` or `'denied'`; missing and 'not determined' are not a no. */
function says(value: unknown): boolean {
  return !(value === false || value === 'denied')
}

/** An object's own field, or undefined: never throws (a proxy, a getter that throws, a string where an object was due). */
function field(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return undefined
  try {
    return (value as AnyObject)[key]
  } catch (error) {
    return undefined
  }
}

/**
 * An async wx call for reading (getSetting, getPrivacySetting, the probes): [true, result] or [false, failure],
 * or undefined when it is missing, throws or never answers within `ms`. Not a failure anyone hears of: onFailure stays quiet.
 */
function asyncCall(target: AnyObject | undefined, api: string, ms: number, args: AnyObject = {}): Promise<[boolean, unknown] | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), clampDelay(ms))
    const done = (answer: [boolean, unknown] | undefined) => { clearTimeout(timer); resolve(answer) }
    try {
      const fn = field(target, api)
      if (typeof fn !== 'function') return done(undefined)
      const returned = fn.call(target, Object.assign({}, args, { success: (result: unknown) => done([true, result]), fail: (error: unknown) => done([false, error]) }))
      if (returned && typeof returned.then === 'function') returned.then((result: unknown) => done([true, result]), (error: unknown) => done([false, error]))
    } catch (error) {
      done(undefined)
    }
  })
}

/** A settings read: its result, or undefined (missing, failed, wrong type, no answer). */
function asyncResult(wxLike: AnyObject, api: string, ms: number): Promise<AnyObject | undefined> {
  return asyncCall(wxLike, api, ms).then((answer) => (answer && answer[0] && answer[1] !== null && typeof answer[1] === 'object' ? answer[1] as AnyObject : undefined))
}

/** The errno of a failure a probe saw (errno, or the legacy errCode's twin for the codes the probes can get). */
function probeErrno(failure: unknown): number | undefined {
  const errno = field(failure, 'errno')
  if (typeof errno === 'number') return errno
  const errCode = field(failure, 'errCode')
  return ({ 10001: 1500102, 10009: 1500105, 13000: 1504001, 13001: 1504003 } as { [code: number]: number })[errCode as number]
}

/**
 * Android only (NFC is Android-only; every iPhone has BLE). NFC: the adapter and whether its switch is on, read
 * with a start and stop of discovery (getNFCAdapter doc: 13000 not supported, 13001 switch off). Bluetooth, when
 * the settings say it is off: whether the phone has it at all (openBluetoothAdapter: 10009 / 1500105 not supported).
 */
async function probe(capability: Capability, wxLike: AnyObject, ms: number): Promise<Need | undefined> {
  if (capability === 'nfc') {
    let adapter: unknown
    try {
      adapter = typeof wxLike.getNFCAdapter === 'function' ? wxLike.getNFCAdapter() : undefined
    } catch (error) {
      adapter = undefined
    }
    if (!adapter || typeof field(adapter, 'startDiscovery') !== 'function') return { kind: 'unsupported', key: 'nfcAdapter', errno: 1504001, template: 'nfc-unsupported' }
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
  if (answer && !answer[0] && probeErrno(answer[1]) === 1500105) return { kind: 'unsupported', key: 'bluetooth', errno: 1500105, template: 'ble-not-supported' }
  return undefined
}

/**
 * What must hold for a capability and what is missing, read from the settings APIs. Shows nothing.
 *
 * @example
 * const { ready, missing } = await checkReadiness('ble-scan')
 * if (!ready) console.log(missing.map((m) => m.key)) // ['locationEnabled']
 */
export async function checkReadiness(capability: Capability, options: ReadinessOptions = {}): Promise<Readiness> {
  if (CAPABILITIES.indexOf(capability) < 0) throw new ErrnoError({ errno: 1001, errMsg: 'checkReadiness:fail unknown capability ' + String(capability).slice(0, 40), api: 'checkReadiness', cause: capability })
  const wxLike = (options.wx as AnyObject | undefined) || globalWx()
  if (!wxLike) return { ready: false, missing: [{ kind: 'unsupported', key: 'wx', errno: 100, guidance: undefined }], source: 'none' }
  try {
    return await readReadiness(capability, wxLike, options)
  } catch (thrown) {
    // Nothing above should throw; if a wx double or a future base library makes it, say so as an ErrnoError.
    throw new ErrnoError({ errno: UNKNOWN_ERRNO, errMsg: 'checkReadiness:fail the settings could not be read', api: 'checkReadiness', cause: thrown })
  }
}

async function readReadiness(capability: Capability, wxLike: AnyObject, options: ReadinessOptions): Promise<Readiness> {
  const ms = typeof options.settingsTimeoutMs === 'number' && options.settingsTimeoutMs > 0 ? options.settingsTimeoutMs : 5000
  const platform = options.platform || currentPlatform(wxLike)
  const object = (value: AnyObject | undefined) => (value !== null && typeof value === 'object' ? value : undefined)
  const system = object(callSync(wxLike, 'getSystemSetting'))
  const authorize = object(callSync(wxLike, 'getAppAuthorizeSetting'))
  const legacy = system && authorize ? undefined : object(callSync(wxLike, 'getSystemInfoSync'))
  const source: Readiness['source'] = system && authorize ? 'settings' : legacy ? 'getSystemInfoSync' : 'none'
  const read = (key: string): unknown => {
    const fromSettings = field(system, key) !== undefined ? field(system, key) : field(authorize, key)
    return fromSettings !== undefined ? fromSettings : field(legacy, key)
  }
  const list = needs(capability, platform)
  const scopes = list.some((n) => n.kind === 'scope') ? await asyncResult(wxLike, 'getSetting', ms) : undefined
  const privacy = await asyncResult(wxLike, 'getPrivacySetting', ms)
  const missing: MissingItem[] = []
  const guidanceOptions = { wx: wxLike, platform, locale: options.locale }
  const add = (need: Need) => missing.push({ kind: need.kind, key: need.key, errno: need.errno, guidance: getGuidance({ errno: need.errno, errMsg: 'checkReadiness:fail ' + need.key }, Object.assign({ template: need.template }, guidanceOptions)) })
  // No settings API at all (a very old base library, a bare double): what the capability needs cannot be known.
  if (source === 'none' && list.some((n) => n.kind === 'system-switch' || n.kind === 'app-permission')) {
    add({ kind: 'unsupported', key: 'settings', errno: 100, template: 'update-wechat' })
  }
  for (const need of list) {
    if (need.kind === 'unsupported') add(need)
    else if (need.kind === 'scope') { if (field(field(scopes, 'authSetting'), need.key) === false) add(need) }
    else if (source !== 'none' && !says(read(need.key))) {
      // A phone without Bluetooth reads as Bluetooth off: on Android, tell the two apart.
      const unsupported = need.key === 'bluetoothEnabled' && platform === 'android' ? await probe('bluetooth', wxLike, ms) : undefined
      add(unsupported || need)
      if (unsupported) break
    }
  }
  if (capability === 'nfc' && platform === 'android') {
    const nfc = await probe('nfc', wxLike, ms)
    if (nfc) add(nfc)
  }
  if (field(privacy, 'needAuthorization') === true) add({ kind: 'privacy', key: 'privacy', errno: 101102, template: 'privacy-not-agreed' })
  return { ready: missing.length === 0, missing, source }
}

/**
 * Waits for the user to fix something outside the app: resolves when `fixed()` says so (checked every
 * 500 ms and when the app is shown again, as after a settings page), or after `ms`.
 */
function waitUntilFixed(wxLike: AnyObject, ms: number, fixed: () => Promise<boolean>): Promise<void> {
  return new Promise((resolve) => {
    let done = false
    let poll: ReturnType<typeof setTimeout> | undefined
    const finish = () => {
      if (done) return
      done = true
      clearTimeout(timer)
      if (poll !== undefined) clearTimeout(poll)
      if (typeof wxLike.offAppShow === 'function') try { wxLike.offAppShow(back) } catch (error) { /* gone */ }
      resolve()
    }
    const check = () => {
      if (done) return
      fixed().then((yes) => { if (yes) finish() }, finish)
    }
    const tick = () => {
      if (done) return
      check()
      poll = setTimeout(tick, 500)
    }
    const timer = setTimeout(finish, clampDelay(ms))
    // Back in the app from the settings page: stop waiting at once, fixed or not; the caller re-checks and says so.
    const back = () => finish()
    if (typeof wxLike.onAppShow === 'function') try { wxLike.onAppShow(back) } catch (error) { /* polling still runs */ }
    poll = setTimeout(tick, 500)
  })
}

const LEAVES_THE_APP: { [action: string]: boolean } = { openSystemBluetoothSetting: true, openAppAuthorizeSetting: true }

/**
 * Walks the user through what a capability is missing, one modal at a time with the action that fixes
 * it (the Bluetooth setting, the app's system permissions, openSetting for scopes, the privacy
 * agreement; "Try again" for a switch no API opens), re-checks when the user comes back, and resolves
 * with the readiness once ready. Rejects with the ErrnoError of what is still missing when the user
 * declines or nothing can be done. Each missing item is asked once per call: it never loops.
 *
 * @example
 * await ensure('ble-scan')          // then scan
 * await wxp.startBluetoothDevicesDiscovery()
 */
export async function ensure(capability: Capability, options: EnsureOptions = {}): Promise<Readiness> {
  const wxLike = (options.wx as AnyObject | undefined) || globalWx()
  const asked: { [key: string]: boolean } = Object.create(null)
  const returnTimeoutMs = typeof options.returnTimeoutMs === 'number' && options.returnTimeoutMs >= 0 ? options.returnTimeoutMs : 60000
  for (;;) {
    const readiness = await checkReadiness(capability, options)
    if (readiness.ready) return readiness
    const fail = (reason: string, missing: MissingItem) => new ErrnoError({ errno: missing.errno, errMsg: 'ensure:fail ' + capability + ': ' + missing.key + ' ' + reason, api: 'ensure', cause: readiness })
    const item = readiness.missing.filter((m) => !asked[m.key])[0]
    if (!item) throw fail('is still missing', readiness.missing[0])
    asked[item.key] = true
    const failure = { errno: item.errno, errMsg: 'ensure:fail ' + item.key }
    const showOptions = { wx: wxLike, platform: options.platform, locale: options.locale, quietMs: 0, template: item.guidance ? item.guidance.source : undefined }
    if (item.kind === 'unsupported' || !item.guidance) {
      if (item.guidance) await showGuidance(failure, showOptions)
      throw fail('cannot be provided on this device', item)
    }
    // "Try again" re-checks at once: for a switch no API opens on this client (Bluetooth on iOS), the user
    // turns it on by hand and taps it, or taps Cancel.
    const result = await showGuidance(failure, Object.assign({ onRetry: () => undefined, retryWhenManual: true }, showOptions))
    if (!result.confirmed) throw fail('was declined', item)
    if (result.actionResult === 'failed') throw fail('could not be fixed (' + (result.error ? result.error.errMsg : 'the action failed') + ')', item)
    // A settings page: wait until the user comes back (or the fix shows), then check again.
    if (wxLike && result.action && LEAVES_THE_APP[result.action]) {
      await waitUntilFixed(wxLike, returnTimeoutMs, () => checkReadiness(capability, options).then((now) => !now.missing.some((m) => m.key === item.key)))
    }
  }
}
