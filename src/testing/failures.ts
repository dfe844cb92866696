// How the runtime fails for each device state: errMsg, legacy errCode and errno, as real failures carry them.
import { SCOPE_OF } from './device'
import type { Device } from './device'
import type { AnyObject } from './types'
import { cloudOffline } from './cloud'

export type Failure = { errMsg: string; errCode?: number; errno?: number; state?: number }

/**
 * The APIs WeChat runs only from the user's tap (in a tap handler, or in a modal's or a payment's success callback),
 * failing with no errno otherwise: wx.openSetting (base library 2.3.0), wx.requestSubscribeMessage (2.8.2),
 * wx.getUserProfile and wx.navigateToMiniProgram (2.3.0), as their docs say; openSystemBluetoothSetting and
 * openAppAuthorizeSetting in WeChat's tap-only list, which gives the errMsg:
 * https://developers.weixin.qq.com/minigame/dev/guide/base-ability/touch-limit.html
 */
export const TAP_ONLY = new RegExp(
  '^(openSetting|openSystemBluetoothSetting|openAppAuthorizeSetting|requestSubscribeMessage|getUserProfile|' +
    'navigateToMiniProgram)$',
)
export const tapFailure = (api: string): Failure => ({ errMsg: api + ':fail can only be invoked by user TAP gesture' })

// The failures the runtime sends for each device state: errMsg, legacy errCode, errno.
export const FAILURES = {
  bluetoothOff: (api: string): Failure => ({ errMsg: api + ':fail:not available', errCode: 10001, errno: 1500102 }),
  // iBeacon answers from its own table and sends no errno.
  beaconBluetoothOff: (api: string): Failure => ({
    errMsg: api + ':fail:bluetooth service unavailable',
    errCode: 11001,
  }),
  bluetoothUnsupported: (api: string): Failure => ({
    errMsg: api + ':fail:system not support',
    errCode: 10009,
    errno: 1500105,
  }),
  bluetoothNotInit: (api: string): Failure => ({ errMsg: api + ':fail:not init', errCode: 10000, errno: 1500101 }),
  bleNoDevice: (api: string): Failure => ({ errMsg: api + ':fail:no device', errCode: 10002, errno: 1509006 }),
  bleNoConnection: (api: string): Failure => ({ errMsg: api + ':fail:no connection', errCode: 10006, errno: 1509003 }),
  bleLocation: (api: string): Failure => ({
    errMsg: api + ':fail:location permission is denied',
    errCode: 10008,
    errno: 1509008,
  }),
  wifiNotInit: (api: string): Failure => ({ errMsg: api + ':fail:not init', errCode: 12000, errno: 1505001 }),
  wifiOff: (api: string): Failure => ({ errMsg: api + ':fail:wifi is disabled', errCode: 12005, errno: 1505002 }),
  gpsOff: (api: string): Failure => ({ errMsg: api + ':fail:maybe not open GPS', errCode: 12006, errno: 1505003 }),
  wifiLocation: (api: string): Failure => ({ errMsg: api + ':fail:maybe not obtain GPS Permission', errno: 1505004 }),
  nfcMissing: (api: string): Failure => ({
    errMsg: api + ':fail:NFC is not supported',
    errCode: 13000,
    errno: 1504001,
  }),
  nfcOff: (api: string): Failure => ({
    errMsg: api + ':fail:system NFC switch not opened',
    errCode: 13001,
    errno: 1504003,
  }),
  scopeDenied: (api: string): Failure => ({ errMsg: api + ':fail auth deny', errno: 103 }),
  systemDenied: (api: string): Failure => ({ errMsg: api + ':fail system permission denied', errno: 3 }),
  offline: (api: string, platform: string): Failure =>
    platform === 'ios'
      ? { errMsg: api + ':fail The Internet connection appears to be offline.', errno: 600000 }
      : { errMsg: api + ':fail -106:net::ERR_INTERNET_DISCONNECTED', errno: 600001 },
  cancel: (api: string): Failure => ({ errMsg: api + ':fail cancel', errno: 1 }),
}

const SCOPED_APIS =
  ' getLocation chooseLocation startLocationUpdate chooseImage chooseMedia scanCode saveImageToPhotosAlbum' +
  ' saveVideoToPhotosAlbum startRecord getWeRunData chooseAddress chooseInvoiceTitle authorize '
export const NETWORK_APIS = ' request downloadFile uploadFile connectSocket '
const PAYMENT_APIS =
  ' requestPayment requestOrderPayment requestVirtualPayment requestPluginPayment requestCommonPayment '
const BLUETOOTH_STATEFUL = /Bluetooth|BLE/

/** The failure a device state causes for an API, if any. */
export function stateFailure(device: Device, api: string, call: AnyObject): Failure | undefined {
  const { state, platform, options, connected } = device
  if (api.indexOf('cloud.') === 0)
    return state.network === 'offline' ? (cloudOffline(api, platform) as Failure) : undefined
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
    // The exact iOS failure text is not documented: modelled as "not supported" so code that relies on it fails here
    // too.
    if (api === 'setBLEMTU' && platform !== 'android')
      return { errMsg: 'setBLEMTU:fail jsapi not supported', errno: 100 } as Failure
    if (!device.adapterOpen) return FAILURES.bluetoothNotInit(api)
    if (state.bluetooth === 'off') return FAILURES.bluetoothOff(api)
    if (api === 'startBluetoothDevicesDiscovery' && platform === 'android' && !state.systemPermission)
      return FAILURES.bleLocation(api)
    if (api === 'createBLEConnection') {
      const known = (options.devices || []).some((d) => d.deviceId === call.deviceId)
      return known || !options.devices ? undefined : FAILURES.bleNoDevice(api)
    }
    if (/BLECharacteristic|BLEDevice(Services|Characteristics|RSSI)|BLEMTU/.test(api) && !connected[call.deviceId])
      return FAILURES.bleNoConnection(api)
    return undefined
  }
  if (/Wifi/.test(api) && api !== 'startWifi' && api !== 'stopWifi') {
    if (!device.wifiStarted) return FAILURES.wifiNotInit(api)
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
