// The device a fake wx models: its state (switches, permissions, network), what is open or connected,
// and what each API answers on success. Failures are in failures.ts.
import type { AnyObject, FakeDeviceState, FakeWxOptions } from './types'
import { cloudResult } from './cloud'

/** The scope each scoped API asks for (wx.authorize scope list). */
export const SCOPE_OF: { [api: string]: string } = {
  getLocation: 'scope.userLocation',
  startLocationUpdate: 'scope.userLocation',
  chooseLocation: 'scope.userLocation',
  chooseImage: 'scope.camera',
  chooseMedia: 'scope.camera',
  scanCode: 'scope.camera',
  saveImageToPhotosAlbum: 'scope.writePhotosAlbum',
  saveVideoToPhotosAlbum: 'scope.writePhotosAlbum',
  startRecord: 'scope.record',
}

export interface Device {
  options: FakeWxOptions
  platform: string
  /** The caller's state, copied (scopes too): the fake changes its own copy, never the caller's object. */
  state: Required<FakeDeviceState>
  adapterOpen: boolean
  wifiStarted: boolean
  grantedMtu: number
  discovering: boolean
  connected: { [deviceId: string]: boolean }
  emit: (event: string, payload?: unknown) => void
  schedule: (fn: () => void) => void
}

export function createDevice(options: FakeWxOptions, emit: Device['emit'], schedule: Device['schedule']): Device {
  const given = options.state || {}
  const state = Object.assign(
    {
      bluetooth: 'on',
      wifi: 'on',
      gps: 'on',
      nfc: 'on',
      systemPermission: true,
      scopePermission: true,
      network: 'online',
      payment: 'ok',
      privacyAgreed: true,
    },
    given,
    { scopes: Object.assign({}, given.scopes) },
  ) as Required<FakeDeviceState>
  return {
    options,
    platform: options.platform || 'android',
    state,
    adapterOpen: false,
    wifiStarted: false,
    grantedMtu: 23,
    discovering: false,
    connected: Object.create(null),
    emit,
    schedule,
  }
}

/** wx.getSetting's authSetting: the scopes answered, and every scope refused while scopePermission is false. */
function authSetting(device: Device): AnyObject {
  const refused: AnyObject = {}
  if (device.state.scopePermission === false) for (const api of Object.keys(SCOPE_OF)) refused[SCOPE_OF[api]] = false
  return Object.assign(refused, device.state.scopes)
}

/** The user comes back from a system settings page: the app is shown again. */
function comeBack(device: Device): void {
  setTimeout(() => device.emit('AppShow', { path: 'pages/index/index', scene: 1001 }), 0)
}

/** What an API returns on success. */
export function success(device: Device, api: string, call: AnyObject): AnyObject {
  const { state, options, platform, connected } = device
  if (api.indexOf('cloud.') === 0) return cloudResult(api)
  const ok = { errMsg: api.replace(/^\w+\./, '') + ':ok' }
  switch (api) {
    case 'openBluetoothAdapter':
      device.adapterOpen = true
      return ok
    case 'closeBluetoothAdapter':
      device.adapterOpen = false
      return ok
    case 'startBluetoothDevicesDiscovery':
      device.discovering = true
      device.schedule(() => {
        if (device.discovering && options.devices) device.emit('BluetoothDeviceFound', { devices: options.devices })
      })
      return ok
    case 'stopBluetoothDevicesDiscovery':
      device.discovering = false
      return ok
    case 'getBluetoothDevices':
      return Object.assign(ok, { devices: options.devices || [] })
    case 'getBluetoothAdapterState':
      return Object.assign(ok, { available: state.bluetooth === 'on', discovering: device.discovering })
    case 'createBLEConnection':
      connected[call.deviceId] = true
      return ok
    case 'closeBLEConnection':
      delete connected[call.deviceId]
      return ok
    case 'getBLEDeviceServices':
      return Object.assign(ok, { services: [{ uuid: '0000FFE0-0000-1000-8000-00805F9B34FB', isPrimary: true }] })
    case 'getBLEDeviceCharacteristics':
      return Object.assign(ok, {
        characteristics: [
          {
            uuid: '0000FFE1-0000-1000-8000-00805F9B34FB',
            properties: { read: true, write: true, notify: true, indicate: false },
          },
        ],
      })
    case 'setBLEMTU':
      device.grantedMtu = Math.min(call.mtu || 23, options.mtu || 185)
      return Object.assign(ok, { mtu: device.grantedMtu })
    // iOS: a fixed MTU that depends on the phone (commonly 185 for writes with response); Android: what setBLEMTU
    // granted.
    case 'getBLEMTU':
      return Object.assign(ok, { mtu: options.mtu || (platform === 'ios' ? 185 : device.grantedMtu) })
    case 'getBLEDeviceRSSI':
      return Object.assign(ok, { RSSI: -60 })
    case 'startWifi':
      device.wifiStarted = true
      return ok
    case 'stopWifi':
      device.wifiStarted = false
      return ok
    case 'getWifiList':
      device.schedule(() =>
        device.emit('GetWifiList', {
          wifiList: [{ SSID: 'office', BSSID: '00:11:22:33:44:55', secure: true, signalStrength: 90, frequency: 5180 }],
        }),
      )
      return ok
    case 'getConnectedWifi':
      return Object.assign(ok, {
        wifi: { SSID: 'office', BSSID: '00:11:22:33:44:55', secure: true, signalStrength: 90, frequency: 5180 },
      })
    case 'request':
      return Object.assign(ok, {
        statusCode: 200,
        data: call.mockData !== undefined ? call.mockData : {},
        header: {},
        cookies: [],
      })
    case 'downloadFile':
      return Object.assign(ok, { statusCode: 200, tempFilePath: 'wxfile://tmp_download', filePath: call.filePath })
    case 'uploadFile':
      return Object.assign(ok, { statusCode: 200, data: '' })
    case 'showModal':
      return Object.assign(ok, { confirm: true, cancel: false })
    case 'getSetting':
      return Object.assign(ok, { authSetting: authSetting(device) })
    case 'openSetting':
      if (options.userFixes !== false) {
        for (const scope of Object.keys(state.scopes)) state.scopes[scope] = true
        if (state.scopePermission === false) for (const api of Object.keys(SCOPE_OF)) state.scopes[SCOPE_OF[api]] = true
        state.scopePermission = true
      }
      return Object.assign(ok, { authSetting: authSetting(device) })
    case 'openSystemBluetoothSetting':
      if (options.userFixes !== false && state.bluetooth === 'off') state.bluetooth = 'on'
      comeBack(device)
      return ok
    case 'openAppAuthorizeSetting':
      if (options.userFixes !== false) state.systemPermission = true
      comeBack(device)
      return ok
    case 'getPrivacySetting':
      return Object.assign(ok, {
        needAuthorization: state.privacyAgreed === false,
        privacyContractName: '《小程序隐私保护指引》',
      })
    case 'requirePrivacyAuthorize':
      if (options.userFixes !== false) state.privacyAgreed = true
      return ok
    case 'authorize': {
      const scope = String(call.scope)
      if (state.scopes && state.scopes[scope] === false) return ok // not reached: stateFailure refuses it
      state.scopes[scope] = true
      return ok
    }
    case 'login':
      return Object.assign(ok, { code: 'fake-code' })
    case 'FileSystemManager.readFile':
      return Object.assign(ok, { data: '' })
    case 'FileSystemManager.stat':
      return Object.assign(ok, { stats: { size: 0, isFile: () => true, isDirectory: () => false } })
    case 'FileSystemManager.readdir':
      return Object.assign(ok, { files: [] })
    case 'NFC.transceive':
      return Object.assign(ok, { data: new ArrayBuffer(2) })
    case 'getHCEState':
      return ok
    default:
      return ok
  }
}

/** wx.getSystemSetting / wx.getAppAuthorizeSetting as the device state has them. */
export function systemSetting(device: Device): AnyObject {
  const state = device.state
  return {
    bluetoothEnabled: state.bluetooth === 'on',
    locationEnabled: state.gps !== 'off',
    wifiEnabled: state.wifi !== 'off',
    deviceOrientation: 'portrait',
  }
}
export function appAuthorizeSetting(device: Device): AnyObject {
  const state = device.state
  const answer = state.systemPermission === false ? 'denied' : 'authorized'
  const setting: AnyObject = {
    cameraAuthorized: answer,
    locationAuthorized: answer,
    microphoneAuthorized: answer,
    notificationAuthorized: answer,
    phoneCalendarAuthorized: answer,
  }
  if (device.platform === 'ios') {
    setting.bluetoothAuthorized = answer
    setting.albumAuthorized = answer
    setting.locationReducedAccuracy = false
  }
  return setting
}
