// Readiness before a device call: what must hold for a capability, read from the settings APIs, and a walk
// through what is missing, one modal at a time. Sources: wx.getSystemSetting (bluetoothEnabled,
// locationEnabled, wifiEnabled; base library 2.20.1), wx.getAppAuthorizeSetting (…Authorized: 'authorized' |
// 'denied' | 'not determined'; bluetoothAuthorized and albumAuthorized are iOS-only), wx.getSetting (scopes),
// wx.getPrivacySetting (needAuthorization; 2.32.3); older base libraries: the same fields of getSystemInfoSync.
// Android needs the location switch and permission for BLE scans and Wi-Fi lists (wx.startBluetoothDevicesDiscovery
// and wx.getWifiList docs); NFC is Android-only (wx.getNFCAdapter doc).
import { ErrnoError, UNKNOWN_ERRNO } from '../errno/ErrnoError'
import { clampDelay } from '../shared/delay'
import { textOf } from '../shared/text'
import { globalWx, callSync, currentPlatform } from '../wx/access'
import type { AnyObject } from '../wx/access'
import { getGuidance } from '../guidance/guidance'
import { showGuidance } from '../guidance/show'
import type { Capability, MissingItem, Readiness, ReadinessOptions, EnsureOptions } from './types'
import { CAPABILITIES, needs } from './needs'
import type { Need } from './needs'
import { says, field, asyncResult, probe } from './probe'

export type { Capability, MissingKind, MissingItem, Readiness, ReadinessOptions, EnsureOptions } from './types'

/**
 * What must hold for a capability and what is missing, read from the settings APIs. Shows nothing.
 *
 * @example
 * const { ready, missing } = await checkReadiness('ble-scan')
 * if (!ready) console.log(missing.map((m) => m.key)) // ['locationEnabled']
 */
export async function checkReadiness(capability: Capability, options: ReadinessOptions = {}): Promise<Readiness> {
  if (options === null) options = {}
  if (CAPABILITIES.indexOf(capability) < 0)
    throw new ErrnoError({
      errno: 1001,
      errMsg: 'checkReadiness:fail unknown capability ' + textOf(capability).slice(0, 40),
      api: 'checkReadiness',
      cause: capability,
    })
  const wxLike = (options.wx as AnyObject | undefined) || globalWx()
  if (!wxLike)
    return {
      ready: false,
      missing: [{ kind: 'unsupported', key: 'wx', errno: 100, guidance: undefined }],
      source: 'none',
    }
  try {
    return await readReadiness(capability, wxLike, options)
  } catch (thrown) {
    // Nothing above should throw; if a wx double or a future base library makes it, say so as an ErrnoError.
    throw new ErrnoError({
      errno: UNKNOWN_ERRNO,
      errMsg: 'checkReadiness:fail the settings could not be read',
      api: 'checkReadiness',
      cause: thrown,
    })
  }
}

async function readReadiness(capability: Capability, wxLike: AnyObject, options: ReadinessOptions): Promise<Readiness> {
  const ms =
    typeof options.settingsTimeoutMs === 'number' && options.settingsTimeoutMs > 0 ? options.settingsTimeoutMs : 5000
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
  // Asked together: a base library that never answers one costs one settingsTimeoutMs, not two.
  const [scopes, privacy] = await Promise.all([
    list.some((n) => n.kind === 'scope') ? asyncResult(wxLike, 'getSetting', ms) : undefined,
    asyncResult(wxLike, 'getPrivacySetting', ms),
  ])
  const missing: MissingItem[] = []
  const guidanceOptions = { wx: wxLike, platform, locale: options.locale }
  const add = (need: Need) =>
    missing.push({
      kind: need.kind,
      key: need.key,
      errno: need.errno,
      guidance: getGuidance(
        { errno: need.errno, errMsg: 'checkReadiness:fail ' + need.key },
        Object.assign({ template: need.template }, guidanceOptions),
      ),
    })
  // No settings API at all (a very old base library, a bare double): what the capability needs cannot be known.
  if (source === 'none' && list.some((n) => n.kind === 'system-switch' || n.kind === 'app-permission')) {
    add({ kind: 'unsupported', key: 'settings', errno: 100, template: 'update-wechat' })
  }
  for (const need of list) {
    if (need.kind === 'unsupported') add(need)
    else if (need.kind === 'scope') {
      if (field(field(scopes, 'authSetting'), need.key) === false) add(need)
    } else if (source !== 'none' && !says(read(need.key))) {
      // A phone without Bluetooth reads as Bluetooth off: on Android, tell the two apart.
      const unsupported =
        need.key === 'bluetoothEnabled' && platform === 'android' ? await probe('bluetooth', wxLike, ms) : undefined
      add(unsupported || need)
      if (unsupported) break
    }
  }
  if (capability === 'nfc' && platform === 'android') {
    const nfc = await probe('nfc', wxLike, ms)
    if (nfc) add(nfc)
  }
  if (field(privacy, 'needAuthorization') === true)
    add({ kind: 'privacy', key: 'privacy', errno: 101102, template: 'privacy-not-agreed' })
  return { ready: missing.length === 0, missing, source }
}

/**
 * Waits for the user to fix something outside the app: resolves when `fixed()` says so (checked every
 * 500 ms and when the app is shown again, as after a settings page), or after `ms`.
 */
function waitUntilFixed(wxLike: AnyObject, ms: number, fixed: () => Promise<boolean>): Promise<void> {
  return new Promise((resolve) => {
    let done = false
    let checking = false
    let poll: ReturnType<typeof setTimeout> | undefined
    // Back in the app from the settings page: stop waiting at once, fixed or not; the caller re-checks and says so.
    const back = () => finish()
    // onAppShow / offAppShow, or their getters, may throw (a Proxy, a broken double): polling and the time-out still
    // run.
    const appShow = (name: 'onAppShow' | 'offAppShow') => {
      try {
        if (typeof wxLike[name] === 'function') wxLike[name](back)
      } catch (error) {
        /* gone, or never there */
      }
    }
    const finish = () => {
      if (done) return
      done = true
      clearTimeout(timer)
      if (poll !== undefined) clearTimeout(poll)
      appShow('offAppShow')
      resolve()
    }
    // One check at a time: a settings read slow to answer (up to settingsTimeoutMs) is not asked again over itself.
    const check = () => {
      if (done || checking) return
      checking = true
      fixed().then((yes) => {
        checking = false
        if (yes) finish()
      }, finish)
    }
    const tick = () => {
      if (done) return
      check()
      poll = setTimeout(tick, 500)
    }
    const timer = setTimeout(finish, clampDelay(ms))
    appShow('onAppShow')
    poll = setTimeout(tick, 500)
  })
}

const LEAVES_THE_APP: { [action: string]: boolean } = {
  openSystemBluetoothSetting: true,
  openAppAuthorizeSetting: true,
}

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
  if (options === null) options = {}
  const wxLike = (options.wx as AnyObject | undefined) || globalWx()
  const asked: { [key: string]: boolean } = Object.create(null)
  const returnTimeoutMs =
    typeof options.returnTimeoutMs === 'number' && options.returnTimeoutMs >= 0 ? options.returnTimeoutMs : 60000
  for (;;) {
    const readiness = await checkReadiness(capability, options)
    if (readiness.ready) return readiness
    const fail = (reason: string, missing: MissingItem) =>
      new ErrnoError({
        errno: missing.errno,
        errMsg: 'ensure:fail ' + capability + ': ' + missing.key + ' ' + reason,
        api: 'ensure',
        cause: readiness,
      })
    const item = readiness.missing.filter((m) => !asked[m.key])[0]
    if (!item) throw fail('is still missing', readiness.missing[0])
    asked[item.key] = true
    const failure = { errno: item.errno, errMsg: 'ensure:fail ' + item.key }
    const showOptions = {
      wx: wxLike,
      platform: options.platform,
      locale: options.locale,
      quietMs: 0,
      template: item.guidance ? item.guidance.source : undefined,
    }
    if (item.kind === 'unsupported' || !item.guidance) {
      if (item.guidance) await showGuidance(failure, showOptions)
      throw fail('cannot be provided on this device', item)
    }
    // "Try again" re-checks at once: for a switch no API opens on this client (Bluetooth on iOS), the user
    // turns it on by hand and taps it, or taps Cancel.
    const result = await showGuidance(
      failure,
      Object.assign({ onRetry: () => undefined, retryWhenManual: true }, showOptions),
    )
    if (!result.confirmed) throw fail('was declined', item)
    if (result.actionResult === 'failed')
      throw fail('could not be fixed (' + (result.error ? result.error.errMsg : 'the action failed') + ')', item)
    // A settings page: wait until the user comes back (or the fix shows), then check again.
    if (wxLike && result.action && LEAVES_THE_APP[result.action]) {
      await waitUntilFixed(wxLike, returnTimeoutMs, () =>
        checkReadiness(capability, options).then((now) => !now.missing.some((m) => m.key === item.key)),
      )
    }
  }
}
