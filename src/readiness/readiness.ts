// Readiness before a device call: what must hold for a capability, read from the settings APIs, and a walk
// through what is missing, one modal at a time. Sources: wx.getSystemSetting (bluetoothEnabled,
// locationEnabled, wifiEnabled; base library 2.20.1), wx.getAppAuthorizeSetting (…Authorized: 'authorized' |
// 'denied' | 'not determined'; bluetoothAuthorized and albumAuthorized are iOS-only), wx.getSetting (scopes),
// wx.getPrivacySetting (needAuthorization; 2.32.3); older base libraries: the same fields of getSystemInfoSync.
// Android needs the location switch and permission for BLE scans and Wi-Fi lists (wx.startBluetoothDevicesDiscovery
// and wx.getWifiList docs); NFC is Android-only (wx.getNFCAdapter doc).
import { ErrnoError } from '../errno/ErrnoError'
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

/** A settings read (getSetting, getPrivacySetting): its result, or undefined. Not a failure anyone hears of: onFailure stays quiet. */
function asyncResult(wxLike: AnyObject, api: string): Promise<AnyObject | undefined> {
  return new Promise((resolve) => {
    try {
      if (typeof wxLike[api] !== 'function') return resolve(undefined)
      const returned = wxLike[api]({ success: (result: AnyObject) => resolve(result), fail: () => resolve(undefined) })
      if (returned && typeof returned.then === 'function') returned.then((result: AnyObject) => resolve(result), () => resolve(undefined))
    } catch (error) {
      resolve(undefined)
    }
  })
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
  const platform = options.platform || currentPlatform(wxLike)
  const system = callSync(wxLike, 'getSystemSetting')
  const authorize = callSync(wxLike, 'getAppAuthorizeSetting')
  const legacy = system && authorize ? undefined : callSync(wxLike, 'getSystemInfoSync')
  const read = (key: string): unknown => {
    const fromSettings = system && key in system ? system[key] : authorize && key in authorize ? authorize[key] : undefined
    return fromSettings !== undefined ? fromSettings : legacy ? legacy[key] : undefined
  }
  const list = needs(capability, platform)
  const scopes = list.some((n) => n.kind === 'scope') ? await asyncResult(wxLike, 'getSetting') : undefined
  const privacy = await asyncResult(wxLike, 'getPrivacySetting')
  const missing: MissingItem[] = []
  const guidanceOptions = { wx: wxLike, platform, locale: options.locale }
  const add = (need: Need) => missing.push({ kind: need.kind, key: need.key, errno: need.errno, guidance: getGuidance({ errno: need.errno, errMsg: 'checkReadiness:fail ' + need.key }, Object.assign({ template: need.template }, guidanceOptions)) })
  for (const need of list) {
    if (need.kind === 'unsupported') add(need)
    else if (need.kind === 'scope') { if (scopes && scopes.authSetting && scopes.authSetting[need.key] === false) add(need) }
    else if (!says(read(need.key))) add(need)
  }
  if (privacy && privacy.needAuthorization === true) add({ kind: 'privacy', key: 'privacy', errno: 101102, template: 'privacy-not-agreed' })
  return { ready: missing.length === 0, missing, source: system && authorize ? 'settings' : legacy ? 'getSystemInfoSync' : 'none' }
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
      if (typeof wxLike.offAppShow === 'function') try { wxLike.offAppShow(check) } catch (error) { /* gone */ }
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
    if (typeof wxLike.onAppShow === 'function') try { wxLike.onAppShow(check) } catch (error) { /* polling still runs */ }
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
    // "Try again" re-checks: for a switch no API opens, the user turns it on and taps it.
    const result = await showGuidance(failure, Object.assign({ onRetry: () => undefined }, showOptions))
    if (!result.confirmed) throw fail('was declined', item)
    if (result.actionResult === 'failed') throw fail('could not be fixed (' + (result.error ? result.error.errMsg : 'the action failed') + ')', item)
    // A settings page, or a switch the user must find by hand (no action on this client): wait for the fix.
    if (wxLike && (!result.action || LEAVES_THE_APP[result.action])) {
      await waitUntilFixed(wxLike, returnTimeoutMs, () => checkReadiness(capability, options).then((now) => !now.missing.some((m) => m.key === item.key)))
    }
  }
}
