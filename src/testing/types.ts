// The public types of createFakeWx.
export type AnyObject = { [key: string]: any }

export interface FakeDeviceState {
  /** `off`: the adapter is unavailable; `unsupported`: no BLE. @default 'on' */
  bluetooth?: 'on' | 'off' | 'unsupported'
  /** @default 'on' */
  wifi?: 'on' | 'off'
  /** Location services (GPS). @default 'on' */
  gps?: 'on' | 'off'
  /** @default 'on' */
  nfc?: 'on' | 'off' | 'missing'
  /** The system permission for WeChat (location, camera, Bluetooth ...). @default true */
  systemPermission?: boolean
  /** The mini-program's own scopes (scope.userLocation, scope.camera ...). @default true */
  scopePermission?: boolean
  /** @default 'online' */
  network?: 'online' | 'offline'
  /** @default 'ok' */
  payment?: 'ok' | 'cancel'
  /**
   * Scopes the user answered, as wx.getSetting().authSetting has them: `{ 'scope.camera': false }` is a refusal.
   * @default {} (none asked yet)
   */
  scopes?: { [scope: string]: boolean }
  /**
   * Whether the user has agreed to the privacy agreement (wx.getPrivacySetting().needAuthorization is its opposite).
   * @default true
   */
  privacyAgreed?: boolean
}

export interface FakeWxOptions {
  /** @default 'android' */
  platform?: 'ios' | 'android' | 'devtools' | 'windows' | 'mac' | 'ohos'
  /** The base library version. @default '3.7.0' */
  SDKVersion?: string
  /**
   * `errno`: failures carry errno (base library ≥ 2.24-ish); `legacy`: only the old errCode / errMsg. @default 'errno'
   */
  errorProfile?: 'errno' | 'legacy'
  /** WeChat's language. @default 'zh_CN' */
  language?: string
  state?: FakeDeviceState
  /** APIs this base library lacks (they are absent from the object and canIUse says false). */
  missing?: string[]
  /** How callbacks fire. @default 'microtask' */
  timing?: 'sync' | 'microtask' | 'macrotask'
  /** What showModal answers: confirm, cancel, never (no callback), fail, or a function. @default 'confirm' */
  modal?: 'confirm' | 'cancel' | 'never' | 'fail' | ((options: AnyObject) => AnyObject)
  /**
   * Replace any API: return a result to succeed, throw a failure object to fail, or call `next()` for
   * what the fake would have done (fail the first calls, then behave).
   */
  overrides?: { [api: string]: (options: AnyObject, next: () => unknown) => unknown }
  /**
   * Fail (errno 100, like a base library that lacks it) any API miniprogram-api-typings' Wx does not have. @default
   * false
   */
  strict?: boolean
  /**
   * `strict`: the APIs WeChat runs only from the user's tap (openSetting, openSystemBluetoothSetting,
   * openAppAuthorizeSetting, requestSubscribeMessage, getUserProfile, navigateToMiniProgram) fail with
   * `<api>:fail can only be invoked by user TAP gesture` unless called synchronously inside `tap(fn)` or a showModal
   * or requestPayment success callback, as on a phone. @default 'any' (no check)
   */
  taps?: 'strict' | 'any'
  /** BLE devices found by discovery. */
  devices?: Array<{ deviceId: string; name?: string; RSSI?: number }>
  /** The MTU setBLEMTU grants. @default 185 */
  mtu?: number
  /**
   * Whether the user fixes what a settings page shows: openSystemBluetoothSetting turns Bluetooth on,
   * openAppAuthorizeSetting grants WeChat's permissions, openSetting grants the refused scopes,
   * requirePrivacyAuthorize agrees; the app is then shown again (onAppShow). @default true
   */
  userFixes?: boolean
}

/** A recorded call; `callsOf('request')` types `options` as the API's own options. */
export interface FakeWxCall<Options = unknown> {
  api: string
  options: Options
}

/** The options of a Wx method, for typed calls. */
export type OptionsOf<K> = K extends keyof WechatMiniprogram.Wx
  ? WechatMiniprogram.Wx[K] extends (options: infer O, ...rest: any[]) => any
    ? NonNullable<O>
    : unknown
  : unknown

/** A wx double: device states, runtime profiles and recorded calls. */
export interface FakeWx {
  [api: string]: any
  /** Every call made, in order (async and sync APIs, not on/off). */
  readonly calls: FakeWxCall[]
  /** Calls of one API, with its options typed from miniprogram-api-typings. */
  callsOf<K extends keyof WechatMiniprogram.Wx>(api: K): Array<FakeWxCall<OptionsOf<K>>>
  /** Calls of an object's method (`FileSystemManager.readFile`, `NFC.transceive` …). */
  callsOf(api: string): FakeWxCall[]
  /** Changes the device state. */
  setState(state: FakeDeviceState): void
  /** Fires an event to its listeners: emit('BLECharacteristicValueChange', {...}). */
  emit(event: string, payload?: unknown): void
  /** How many listeners an event has. */
  listenerCount(event: string): number
  /** Runs `fn` as the user's tap: with `taps: 'strict'`, the tap-only APIs it calls synchronously work. */
  tap<T>(fn: () => T): T
}
