import { isSyncApi } from '../promise/rules'
import { resetGuidanceState } from '../guidance/show'
import { WX_MEMBERS } from './generated/wx-members'

type AnyObject = { [key: string]: any }
type Failure = { errMsg: string; errCode?: number; errno?: number; state?: number }

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
  /** Scopes the user answered, as wx.getSetting().authSetting has them: `{ 'scope.camera': false }` is a refusal. @default {} (none asked yet) */
  scopes?: { [scope: string]: boolean }
  /** Whether the user has agreed to the privacy agreement (wx.getPrivacySetting().needAuthorization is its opposite). @default true */
  privacyAgreed?: boolean
}

export interface FakeWxOptions {
  /** @default 'android' */
  platform?: 'ios' | 'android' | 'devtools' | 'windows' | 'mac' | 'ohos'
  /** The base library version. @default '3.7.0' */
  SDKVersion?: string
  /** `errno`: failures carry errno (base library ≥ 2.24-ish); `legacy`: only the old errCode / errMsg. @default 'errno' */
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
  /** Fail (errno 100, like a base library that lacks it) any API miniprogram-api-typings' Wx does not have. @default false */
  strict?: boolean
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
  ? WechatMiniprogram.Wx[K] extends (options: infer O, ...rest: any[]) => any ? NonNullable<O> : unknown
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
}

// The failures the runtime sends for each device state: errMsg, legacy errCode, errno.
const FAILURES = {
  bluetoothOff: (api: string): Failure => ({ errMsg: api + ':fail:not available', errCode: 10001, errno: 1500102 }),
  // iBeacon answers from its own table and sends no errno.
  beaconBluetoothOff: (api: string): Failure => ({ errMsg: api + ':fail:bluetooth service unavailable', errCode: 11001 }),
  bluetoothUnsupported: (api: string): Failure => ({ errMsg: api + ':fail:system not support', errCode: 10009, errno: 1500105 }),
  bluetoothNotInit: (api: string): Failure => ({ errMsg: api + ':fail:not init', errCode: 10000, errno: 1500101 }),
  bleNoDevice: (api: string): Failure => ({ errMsg: api + ':fail:no device', errCode: 10002, errno: 1509006 }),
  bleNoConnection: (api: string): Failure => ({ errMsg: api + ':fail:no connection', errCode: 10006, errno: 1509003 }),
  bleLocation: (api: string): Failure => ({ errMsg: api + ':fail:location permission is denied', errCode: 10008, errno: 1509008 }),
  wifiNotInit: (api: string): Failure => ({ errMsg: api + ':fail:not init', errCode: 12000, errno: 1505001 }),
  wifiOff: (api: string): Failure => ({ errMsg: api + ':fail:wifi is disabled', errCode: 12005, errno: 1505002 }),
  gpsOff: (api: string): Failure => ({ errMsg: api + ':fail:maybe not open GPS', errCode: 12006, errno: 1505003 }),
  wifiLocation: (api: string): Failure => ({ errMsg: api + ':fail:maybe not obtain GPS Permission', errno: 1505004 }),
  nfcMissing: (api: string): Failure => ({ errMsg: api + ':fail:NFC is not supported', errCode: 13000, errno: 1504001 }),
  nfcOff: (api: string): Failure => ({ errMsg: api + ':fail:system NFC switch not opened', errCode: 13001, errno: 1504003 }),
  scopeDenied: (api: string): Failure => ({ errMsg: api + ':fail auth deny', errno: 103 }),
  systemDenied: (api: string): Failure => ({ errMsg: api + ':fail system permission denied', errno: 3 }),
  offline: (api: string, platform: string): Failure => (platform === 'ios'
    ? { errMsg: api + ':fail The Internet connection appears to be offline.', errno: 600000 }
    : { errMsg: api + ':fail -106:net::ERR_INTERNET_DISCONNECTED', errno: 600001 }),
  cancel: (api: string): Failure => ({ errMsg: api + ':fail cancel', errno: 1 }),
}

const SCOPE_OF: { [api: string]: string } = { getLocation: 'scope.userLocation', startLocationUpdate: 'scope.userLocation', chooseLocation: 'scope.userLocation', chooseImage: 'scope.camera', chooseMedia: 'scope.camera', scanCode: 'scope.camera', saveImageToPhotosAlbum: 'scope.writePhotosAlbum', saveVideoToPhotosAlbum: 'scope.writePhotosAlbum', startRecord: 'scope.record' }
const SCOPED_APIS = ' getLocation chooseLocation startLocationUpdate chooseImage chooseMedia scanCode saveImageToPhotosAlbum saveVideoToPhotosAlbum startRecord getWeRunData chooseAddress chooseInvoiceTitle authorize '
const NETWORK_APIS = ' request downloadFile uploadFile connectSocket '
const PAYMENT_APIS = ' requestPayment requestOrderPayment requestVirtualPayment requestPluginPayment requestCommonPayment '
const BLUETOOTH_STATEFUL = /Bluetooth|BLE/

/**
 * A wx double for tests: every async API succeeds unless a device state, a profile or an
 * override says otherwise, and fails with the errMsg / errCode / errno shape the runtime sends.
 *
 * @example
 * const wx = createFakeWx({ state: { bluetooth: 'off' }, platform: 'ios' })
 * await expect(createWxp(wx).openBluetoothAdapter()).rejects.toMatchObject({ errno: 1500102 })
 */
export function createFakeWx(options: FakeWxOptions = {}): FakeWx {
  // Each fake starts with fresh guidance state (no quiet periods, no open modals): one test does not silence the next.
  resetGuidanceState()
  const platform = options.platform || 'android'
  const SDKVersion = options.SDKVersion || '3.7.0'
  const legacy = options.errorProfile === 'legacy'
  const missing = ' ' + (options.missing || []).join(' ') + ' '
  const state: Required<FakeDeviceState> = Object.assign(
    { bluetooth: 'on', wifi: 'on', gps: 'on', nfc: 'on', systemPermission: true, scopePermission: true, network: 'online', payment: 'ok' },
    options.state,
  ) as Required<FakeDeviceState>
  const calls: FakeWxCall[] = []
  const listeners: { [event: string]: Array<(payload: unknown) => void> } = Object.create(null)
  let adapterOpen = false
  let wifiStarted = false
  let grantedMtu = 23
  let discovering = false
  const connected: { [deviceId: string]: boolean } = Object.create(null)
  let nextTask = 0

  const schedule = (fn: () => void) => {
    if (options.timing === 'sync') fn()
    else if (options.timing === 'macrotask') setTimeout(fn, 0)
    else Promise.resolve().then(fn)
  }
  const shape = (failure: Failure): Failure => {
    if (!legacy) return failure
    const old: Failure = { errMsg: failure.errMsg }
    if (failure.errCode !== undefined) old.errCode = failure.errCode
    if (failure.state !== undefined) old.state = failure.state
    return old
  }

  /** The failure a device state causes for an API, if any. */
  function stateFailure(api: string, call: AnyObject): Failure | undefined {
    if (/Beacon/.test(api)) return state.bluetooth === 'on' ? undefined : FAILURES.beaconBluetoothOff(api)
    if (BLUETOOTH_STATEFUL.test(api) && api !== 'openSystemBluetoothSetting') {
      if (state.bluetooth === 'unsupported') return FAILURES.bluetoothUnsupported(api)
      if (api === 'openBluetoothAdapter') {
        // iOS adds the adapter state: 3 = WeChat may not use Bluetooth, 4 = powered off.
        if (platform === 'ios' && !state.systemPermission) return Object.assign(FAILURES.bluetoothOff(api), { state: 3 })
        if (state.bluetooth !== 'off') return undefined
        return platform === 'ios' ? Object.assign(FAILURES.bluetoothOff(api), { state: 4 }) : FAILURES.bluetoothOff(api)
      }
      if (api === 'closeBluetoothAdapter' || api === 'createBLEPeripheralServer') return undefined
      // setBLEMTU is Android-only (wx.setBLEMTU doc: 仅安卓支持); on iOS the MTU is fixed and read with getBLEMTU.
      // The exact iOS failure text is not documented: modelled as "not supported" so code that relies on it fails here too.
      if (api === 'setBLEMTU' && platform !== 'android') return { errMsg: 'setBLEMTU:fail jsapi not supported', errno: 100 } as Failure
      if (!adapterOpen) return FAILURES.bluetoothNotInit(api)
      if (state.bluetooth === 'off') return FAILURES.bluetoothOff(api)
      if (api === 'startBluetoothDevicesDiscovery' && platform === 'android' && !state.systemPermission) return FAILURES.bleLocation(api)
      if (api === 'createBLEConnection') {
        const known = (options.devices || []).some((d) => d.deviceId === call.deviceId)
        return known || !options.devices ? undefined : FAILURES.bleNoDevice(api)
      }
      if (/BLECharacteristic|BLEDevice(Services|Characteristics|RSSI)|BLEMTU/.test(api) && !connected[call.deviceId]) return FAILURES.bleNoConnection(api)
      return undefined
    }
    if (/Wifi/.test(api) && api !== 'startWifi' && api !== 'stopWifi') {
      if (!wifiStarted) return FAILURES.wifiNotInit(api)
      if (state.wifi === 'off') return FAILURES.wifiOff(api)
      if (api === 'getWifiList' && platform === 'android' && state.gps === 'off') return FAILURES.gpsOff(api)
      if (api === 'getWifiList' && platform === 'android' && !state.systemPermission) return FAILURES.wifiLocation(api)
      return undefined
    }
    if (/^NFC\.|^startHCE$/.test(api)) {
      if (state.nfc === 'missing') return FAILURES.nfcMissing(api.replace('NFC.', ''))
      if (state.nfc === 'off') return FAILURES.nfcOff(api.replace('NFC.', ''))
      return undefined
    }
    if (SCOPED_APIS.indexOf(' ' + api + ' ') >= 0) {
      if (!state.systemPermission) return FAILURES.systemDenied(api)
      if (!state.scopePermission) return FAILURES.scopeDenied(api)
      // A scope the user refused stays refused (authorize fails at once) until openSetting.
      const scope = api === 'authorize' ? String(call.scope) : SCOPE_OF[api]
      if (scope && state.scopes && state.scopes[scope] === false) return FAILURES.scopeDenied(api)
    }
    if (NETWORK_APIS.indexOf(' ' + api + ' ') >= 0 && state.network === 'offline') return FAILURES.offline(api, platform)
    if (PAYMENT_APIS.indexOf(' ' + api + ' ') >= 0 && state.payment === 'cancel') return FAILURES.cancel(api)
    return undefined
  }

  /** What an API returns on success. */
  function success(api: string, call: AnyObject): AnyObject {
    const ok = { errMsg: api.replace(/^\w+\./, '') + ':ok' }
    switch (api) {
      case 'openBluetoothAdapter': adapterOpen = true; return ok
      case 'closeBluetoothAdapter': adapterOpen = false; return ok
      case 'startBluetoothDevicesDiscovery':
        discovering = true
        schedule(() => { if (discovering && options.devices) emit('BluetoothDeviceFound', { devices: options.devices }) })
        return ok
      case 'stopBluetoothDevicesDiscovery': discovering = false; return ok
      case 'getBluetoothDevices': return Object.assign(ok, { devices: options.devices || [] })
      case 'getBluetoothAdapterState': return Object.assign(ok, { available: state.bluetooth === 'on', discovering })
      case 'createBLEConnection': connected[call.deviceId] = true; return ok
      case 'closeBLEConnection': delete connected[call.deviceId]; return ok
      case 'getBLEDeviceServices': return Object.assign(ok, { services: [{ uuid: '0000FFE0-0000-1000-8000-00805F9B34FB', isPrimary: true }] })
      case 'getBLEDeviceCharacteristics': return Object.assign(ok, { characteristics: [{ uuid: '0000FFE1-0000-1000-8000-00805F9B34FB', properties: { read: true, write: true, notify: true, indicate: false } }] })
      case 'setBLEMTU': grantedMtu = Math.min(call.mtu || 23, options.mtu || 185); return Object.assign(ok, { mtu: grantedMtu })
      // iOS: a fixed MTU that depends on the phone (commonly 185 for writes with response); Android: what setBLEMTU granted.
      case 'getBLEMTU': return Object.assign(ok, { mtu: options.mtu || (platform === 'ios' ? 185 : grantedMtu) })
      case 'getBLEDeviceRSSI': return Object.assign(ok, { RSSI: -60 })
      case 'startWifi': wifiStarted = true; return ok
      case 'stopWifi': wifiStarted = false; return ok
      case 'getWifiList':
        schedule(() => emit('GetWifiList', { wifiList: [{ SSID: 'office', BSSID: '00:11:22:33:44:55', secure: true, signalStrength: 90, frequency: 5180 }] }))
        return ok
      case 'getConnectedWifi': return Object.assign(ok, { wifi: { SSID: 'office', BSSID: '00:11:22:33:44:55', secure: true, signalStrength: 90, frequency: 5180 } })
      case 'request': return Object.assign(ok, { statusCode: 200, data: call.mockData !== undefined ? call.mockData : {}, header: {}, cookies: [] })
      case 'downloadFile': return Object.assign(ok, { statusCode: 200, tempFilePath: 'wxfile://tmp_download', filePath: call.filePath })
      case 'uploadFile': return Object.assign(ok, { statusCode: 200, data: '' })
      case 'showModal': return Object.assign(ok, { confirm: true, cancel: false })
      case 'getSetting': return Object.assign(ok, { authSetting: Object.assign({}, state.scopes) })
      case 'openSetting':
        if (options.userFixes !== false) for (const scope of Object.keys(state.scopes || {})) (state.scopes as AnyObject)[scope] = true
        return Object.assign(ok, { authSetting: Object.assign({}, state.scopes) })
      case 'openSystemBluetoothSetting':
        if (options.userFixes !== false && state.bluetooth === 'off') state.bluetooth = 'on'
        comeBack()
        return ok
      case 'openAppAuthorizeSetting':
        if (options.userFixes !== false) state.systemPermission = true
        comeBack()
        return ok
      case 'getPrivacySetting': return Object.assign(ok, { needAuthorization: state.privacyAgreed === false, privacyContractName: '《小程序隐私保护指引》' })
      case 'requirePrivacyAuthorize':
        if (options.userFixes !== false) state.privacyAgreed = true
        return ok
      case 'authorize': {
        const scope = String(call.scope)
        if (state.scopes && state.scopes[scope] === false) return ok // not reached: stateFailure refuses it
        state.scopes = Object.assign({}, state.scopes, { [scope]: true })
        return ok
      }
      case 'login': return Object.assign(ok, { code: 'fake-code' })
      case 'FileSystemManager.readFile': return Object.assign(ok, { data: '' })
      case 'FileSystemManager.stat': return Object.assign(ok, { stats: { size: 0, isFile: () => true, isDirectory: () => false } })
      case 'FileSystemManager.readdir': return Object.assign(ok, { files: [] })
      case 'NFC.transceive': return Object.assign(ok, { data: new ArrayBuffer(2) })
      case 'getHCEState': return ok
      default: return ok
    }
  }

  /** The user comes back from a system settings page: the app is shown again. */
  function comeBack(): void {
    setTimeout(() => emit('AppShow', { path: 'pages/index/index', scene: 1001 }), 0)
  }

  /** wx.getSystemSetting / wx.getAppAuthorizeSetting as the device state has them. */
  function systemSetting(): AnyObject {
    return { bluetoothEnabled: state.bluetooth === 'on', locationEnabled: state.gps !== 'off', wifiEnabled: state.wifi !== 'off', deviceOrientation: 'portrait' }
  }
  function appAuthorizeSetting(): AnyObject {
    const answer = state.systemPermission === false ? 'denied' : 'authorized'
    const setting: AnyObject = { cameraAuthorized: answer, locationAuthorized: answer, microphoneAuthorized: answer, notificationAuthorized: answer, phoneCalendarAuthorized: answer }
    if (platform === 'ios') { setting.bluetoothAuthorized = answer; setting.albumAuthorized = answer; setting.locationReducedAccuracy = false }
    return setting
  }

  function emit(event: string, payload?: unknown): void {
    for (const listener of (listeners[event] || []).slice()) listener(payload)
  }

  function asyncApi(api: string): (call?: AnyObject) => unknown {
    return function (call: AnyObject = {}) {
      calls.push({ api, options: call })
      let result: unknown
      let failure: unknown
      const override = options.overrides && (options.overrides[api] || options.overrides[api.replace(/^\w+\./, '')])
      const behave = () => {
        const failed = stateFailure(api, call)
        if (failed) throw failed
        return success(api, call)
      }
      if (options.strict && api.indexOf('.') < 0 && WX_MEMBERS.indexOf(' ' + api + ' ') < 0) {
        failure = { errMsg: api + ':fail jsapi not supported (not a member of Wx in miniprogram-api-typings)', errno: 100 }
      } else if (override) {
        try { result = override(call, behave) } catch (thrown) { failure = thrown }
      } else {
        failure = stateFailure(api, call)
        if (!failure) result = success(api, call)
      }
      if (api === 'showModal' && !override) {
        const modal = options.modal || 'confirm'
        if (modal === 'never') return undefined
        if (modal === 'fail') failure = { errMsg: 'showModal:fail' }
        else if (modal === 'cancel') result = { errMsg: 'showModal:ok', confirm: false, cancel: true }
        else if (typeof modal === 'function') result = modal(call)
      }
      schedule(() => {
        if (failure !== undefined) {
          const shaped = failure && typeof failure === 'object' && 'errMsg' in (failure as AnyObject) ? shape(failure as Failure) : failure
          if (typeof call.fail === 'function') call.fail(shaped)
          if (typeof call.complete === 'function') call.complete(shaped)
        } else {
          if (typeof call.success === 'function') call.success(result)
          if (typeof call.complete === 'function') call.complete(result)
        }
      })
      if (NETWORK_APIS.indexOf(' ' + api + ' ') >= 0) return makeTask(api)
      return undefined
    }
  }

  function makeTask(api: string): AnyObject {
    const id = ++nextTask
    const task: AnyObject = { id, api, aborted: false, abort() { task.aborted = true } }
    for (const name of ['onProgressUpdate', 'offProgressUpdate', 'onHeadersReceived', 'offHeadersReceived', 'onChunkReceived', 'offChunkReceived', 'onOpen', 'onClose', 'onError', 'onMessage']) task[name] = () => undefined
    task.send = asyncApi('SocketTask.send')
    task.close = asyncApi('SocketTask.close')
    return task
  }

  function eventPair(owner: AnyObject, event: string, prefix = ''): void {
    owner['on' + event] = (listener: (payload: unknown) => void) => {
      const list = listeners[prefix + event] || (listeners[prefix + event] = [])
      list.push(listener)
    }
    owner['off' + event] = (listener?: (payload: unknown) => void) => {
      const list = listeners[prefix + event]
      if (!list) return
      if (!listener) list.length = 0
      else {
        const index = list.indexOf(listener)
        if (index >= 0) list.splice(index, 1)
      }
    }
  }

  function wrapObject(prefix: string, methods: string[], events: string[] = []): AnyObject {
    const object: AnyObject = {}
    for (const method of methods) object[method] = asyncApi(prefix + '.' + method)
    for (const event of events) eventPair(object, event, prefix + '.')
    return object
  }

  const fileSystem = wrapObject('FileSystemManager', ['access', 'appendFile', 'close', 'copyFile', 'fstat', 'ftruncate', 'getFileInfo', 'getSavedFileList', 'mkdir', 'open', 'read', 'readCompressedFile', 'readFile', 'readZipEntry', 'readdir', 'removeSavedFile', 'rename', 'rmdir', 'saveFile', 'stat', 'truncate', 'unlink', 'unzip', 'write', 'writeFile'])
  fileSystem.readFileSync = () => ''
  fileSystem.accessSync = () => undefined
  const techMethods = ['connect', 'close', 'transceive', 'isConnected', 'setTimeout', 'getMaxTransceiveLength', 'writeNdefMessage', 'getAtqa', 'getSak', 'getHistoricalBytes']
  const nfcAdapter = wrapObject('NFC', ['startDiscovery', 'stopDiscovery'], ['Discovered'])
  for (const tech of ['NfcA', 'NfcB', 'NfcF', 'NfcV', 'IsoDep', 'Ndef', 'MifareClassic', 'MifareUltralight']) {
    nfcAdapter['get' + tech] = () => wrapObject('NFC', techMethods, tech === 'Ndef' ? ['NdefMessage'] : [])
  }

  const fake: AnyObject = {
    calls,
    callsOf: (api: string) => calls.filter((c) => c.api === api),
    setState: (next: FakeDeviceState) => { Object.assign(state, next) },
    emit,
    listenerCount: (event: string) => (listeners[event] || []).length,
    canIUse: (schema: string) => missing.indexOf(' ' + String(schema).split('.')[0] + ' ') < 0,
    getAppBaseInfo: () => ({ SDKVersion, language: options.language || 'zh_CN', version: '8.0.50', theme: 'light' }),
    getDeviceInfo: () => ({ platform, system: platform === 'ios' ? 'iOS 17.4' : 'Android 14', brand: 'fake', model: 'fake' }),
    getSystemInfoSync: () => {
      // Old base libraries read switches and permissions from here (booleans) before getSystemSetting (2.20.1).
      const authorize = appAuthorizeSetting()
      const info: AnyObject = Object.assign({ platform, SDKVersion, language: options.language || 'zh_CN', system: platform === 'ios' ? 'iOS 17.4' : 'Android 14' }, systemSetting())
      for (const key of Object.keys(authorize)) if (/Authorized$/.test(key)) info[key] = authorize[key] === 'authorized'
      return info
    },
    getSystemSetting: () => systemSetting(),
    // Realtime log lines are recorded as calls: RealtimeLogManager.warn / .error / .info / .setFilterMsg.
    getRealtimeLogManager: () => {
      const record = (level: string) => (...args: unknown[]) => { calls.push({ api: 'RealtimeLogManager.' + level, options: args }) }
      return { info: record('info'), warn: record('warn'), error: record('error'), setFilterMsg: record('setFilterMsg'), addFilterMsg: record('addFilterMsg') }
    },
    getAppAuthorizeSetting: () => appAuthorizeSetting(),
    getWindowInfo: () => ({ pixelRatio: 2, screenWidth: 375, screenHeight: 812, windowWidth: 375, windowHeight: 812 }),
    getFileSystemManager: () => fileSystem,
    getNFCAdapter: () => nfcAdapter,
    createBLEPeripheralServer: (call: AnyObject = {}) => {
      calls.push({ api: 'createBLEPeripheralServer', options: call })
      const server = wrapObject('BLEPeripheralServer', ['addService', 'removeService', 'startAdvertising', 'stopAdvertising', 'writeCharacteristicValue', 'close'],
        ['CharacteristicReadRequest', 'CharacteristicWriteRequest', 'CharacteristicSubscribed', 'CharacteristicUnsubscribed'])
      schedule(() => {
        if (state.bluetooth !== 'on') {
          const failure = shape(state.bluetooth === 'off' ? FAILURES.bluetoothOff('createBLEPeripheralServer') : FAILURES.bluetoothUnsupported('createBLEPeripheralServer'))
          if (call.fail) call.fail(failure)
        } else if (call.success) call.success({ errMsg: 'createBLEPeripheralServer:ok', server })
      })
    },
    createUDPSocket: () => {
      calls.push({ api: 'createUDPSocket', options: undefined })
      const socket: AnyObject = { send: () => undefined, write: () => undefined, connect: () => undefined, close: () => undefined, setTTL: () => undefined }
      for (const event of ['Close', 'Error', 'Listening', 'Message']) eventPair(socket, event, 'UDPSocket.')
      socket.bind = (port?: number) => {
        calls.push({ api: 'UDPSocket.bind', options: port })
        schedule(() => state.network === 'offline'
          ? emit('UDPSocket.Error', { errMsg: 'bind:fail network is unreachable', errno: 600000 })
          : emit('UDPSocket.Listening', {}))
        return port || 50000
      }
      return socket
    },
    createVKSession: (call: AnyObject) => {
      calls.push({ api: 'createVKSession', options: call })
      const session: AnyObject = { state: 0, start: (callback: (status: number) => void) => { session.state = 1; schedule(() => callback(0)) }, stop: () => { session.state = 2 }, destroy: () => undefined, on: () => undefined, off: () => undefined }
      return session
    },
    createTCPSocket: () => {
      calls.push({ api: 'createTCPSocket', options: undefined })
      const socket: AnyObject = { write: () => undefined, close: () => undefined }
      for (const event of ['Connect', 'Close', 'Error', 'Message', 'BindWifi']) eventPair(socket, event, 'TCPSocket.')
      socket.connect = (call: AnyObject) => {
        calls.push({ api: 'TCPSocket.connect', options: call })
        schedule(() => state.network === 'offline'
          ? emit('TCPSocket.Error', { errMsg: 'connect:fail network is unreachable', errno: 600000 })
          : emit('TCPSocket.Connect', {}))
      }
      return socket
    },
    createInferenceSession: (call: AnyObject) => {
      calls.push({ api: 'createInferenceSession', options: call })
      return {
        run: (input: unknown) => (input ? Promise.resolve({ output: { shape: [1], dataType: 'float32', data: new ArrayBuffer(4) } }) : Promise.reject({ errMsg: 'run:fail input tensors is empty', errno: 2004003 })),
        destroy: () => undefined,
        onLoad: () => undefined, offLoad: () => undefined, onError: () => undefined, offError: () => undefined,
      }
    },
  }
  for (const event of ['BLECharacteristicValueChange', 'BluetoothDeviceFound', 'BluetoothAdapterStateChange', 'BLEConnectionStateChange', 'BLEMTUChange', 'GetWifiList', 'WifiConnected', 'NetworkStatusChange', 'BeaconUpdate', 'HCEMessage', 'LocalServiceFound', 'LocalServiceLost', 'AppShow', 'AppHide']) eventPair(fake, event)

  return new Proxy(fake, {
    get(target, key) {
      if (typeof key !== 'string') return undefined
      if (missing.indexOf(' ' + key + ' ') >= 0) return undefined
      if (key in target) return target[key]
      if (isSyncApi(key) || key === 'then' || key === 'toJSON' || key === 'constructor') return undefined
      return (target[key] = asyncApi(key))
    },
    has(target, key) {
      return typeof key === 'string' && missing.indexOf(' ' + key + ' ') < 0 && (key in target || !isSyncApi(key))
    },
  }) as FakeWx
}
