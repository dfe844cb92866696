// Type tests, checked by `tsc --noEmit` (test/types.test.ts). A line that stops compiling fails the suite.
import { expectTypeOf } from 'expect-type'
import { wxp, createWxp, toErrnoError, ErrnoError, Errno, lookupErrno, getGuidance, subscribe, once, withRetry } from '../../src/index'
import type { KnownErrno, Guidance, ErrnoEntry } from '../../src/index'
import { createFakeWx } from '../../src/testing/index'

export async function promiseLayer() {
  // the example of the issue: getConnectedWifi without options, wifi.SSID is a string
  expectTypeOf((await wxp.getConnectedWifi()).wifi.SSID).toEqualTypeOf<string>()
  // @ts-expect-error a misspelt field does not compile
  ;(await wxp.getConnectedWifi()).wifi.SSDI

  // success results come from the typings' success callbacks
  expectTypeOf((await wxp.getBluetoothDevices()).devices[0].deviceId).toEqualTypeOf<string>()
  expectTypeOf((await wxp.getBLEMTU({ deviceId: 'd', writeType: 'write' })).mtu).toEqualTypeOf<number>()
  expectTypeOf((await wxp.request({ url: 'https://x' })).statusCode).toEqualTypeOf<number>()

  // task APIs carry their task
  expectTypeOf(wxp.request({ url: 'https://x' }).task).toEqualTypeOf<WechatMiniprogram.RequestTask>()
  expectTypeOf(wxp.downloadFile({ url: 'https://x' }).task).toEqualTypeOf<WechatMiniprogram.DownloadTask>()
  expectTypeOf(wxp.connectSocket({ url: 'wss://x' }).task).toEqualTypeOf<WechatMiniprogram.SocketTask>()
  // @ts-expect-error no task on APIs that return none
  wxp.openBluetoothAdapter().task

  // required options stay required; unknown options do not compile
  // @ts-expect-error request needs its url
  wxp.request()
  // @ts-expect-error deviceId is a string
  wxp.createBLEConnection({ deviceId: 42 })

  // APIs the typings type as void still resolve with their success result
  expectTypeOf((await wxp.fs.readFile({ filePath: 'a' })).data).toEqualTypeOf<string | ArrayBuffer>()
  const tag = wxp.getNFCAdapter().getNfcA()
  expectTypeOf((await tag.transceive({ data: new ArrayBuffer(1) })).data).toEqualTypeOf<ArrayBuffer>()
  const { server } = await wxp.createBLEPeripheralServer()
  expectTypeOf(server.startAdvertising).returns.toMatchTypeOf<Promise<unknown>>()

  // synchronous members pass through with their own types
  expectTypeOf(wxp.getSystemInfoSync()).toEqualTypeOf<WechatMiniprogram.SystemInfo>()
  expectTypeOf(wxp.canIUse('getSystemInfoSync')).toEqualTypeOf<boolean>()
  expectTypeOf(createWxp(createFakeWx()).openBluetoothAdapter).returns.toMatchTypeOf<Promise<WechatMiniprogram.BluetoothError>>()
}

export function errors() {
  const error = toErrnoError({ errMsg: 'x:fail' })
  expectTypeOf(error).toEqualTypeOf<ErrnoError>()
  expectTypeOf(error.errno).toEqualTypeOf<number>()
  expectTypeOf(error.errCode).toEqualTypeOf<number | undefined>()
  expectTypeOf(error.cause).toEqualTypeOf<unknown>()
  expectTypeOf(Errno.BLUETOOTH_ADAPTER_UNAVAILABLE).toEqualTypeOf<1500102>()
  const known: KnownErrno = Errno.WIFI_DISABLED
  // @ts-expect-error 1234 is not a catalogued errno
  const unknown: KnownErrno = 1234
  expectTypeOf(lookupErrno(5)).toEqualTypeOf<ErrnoEntry | undefined>()
  expectTypeOf(getGuidance(1500102)).toEqualTypeOf<Guidance | undefined>()
  return [known, unknown]
}

export async function eventsAndPolicy() {
  subscribe('BLECharacteristicValueChange', (change) => {
    expectTypeOf(change.value).toEqualTypeOf<ArrayBuffer>()
  })
  const found = await once('BluetoothDeviceFound', { timeout: 1000 })
  expectTypeOf(found.devices).toBeArray()
  expectTypeOf(await withRetry(() => Promise.resolve(42))).toEqualTypeOf<number>()
}

// Every guidance action but `retry` names a real method of miniprogram-api-typings' Wx.
import type { GuidanceAction } from '../../src/index'
export const actionsAreWxMethods: Exclude<GuidanceAction, 'retry'> extends keyof WechatMiniprogram.Wx ? true : false = true

// Issue #14: generics survive, promisify keeps the result, event names are checked, isCancel narrows, locales are typed.
import { promisify, isCancel, setLocale, normalizeLocale, anyEvent, apiRequest } from '../../src/index'
import type { Locale } from '../../src/index'

interface User { id: number; name: string }

export async function consumerTypes() {
  expectTypeOf((await wxp.request<User>({ url: 'https://x' })).data).toEqualTypeOf<User>()
  expectTypeOf(wxp.request<User>({ url: 'https://x' }).task).toEqualTypeOf<WechatMiniprogram.RequestTask>()
  expectTypeOf((await wxp.getStorage<User>({ key: 'me' })).data).toEqualTypeOf<User>()
  expectTypeOf((await apiRequest<User>({ url: 'https://x' })).data).toEqualTypeOf<User>()
  expectTypeOf(apiRequest<User>({ url: 'https://x' }).task).toEqualTypeOf<WechatMiniprogram.RequestTask | undefined>()

  const getSetting = promisify(wx.getSetting, 'getSetting')
  expectTypeOf((await getSetting({})).authSetting).toEqualTypeOf<WechatMiniprogram.AuthSetting>()

  expectTypeOf((await once('BLECharacteristicValueChange')).value).toEqualTypeOf<ArrayBuffer>()
  // @ts-expect-error a misspelt event name does not compile
  once('BLECharacteristicValueChang')
  // the escape hatch for events the typings do not know yet: payload unknown
  expectTypeOf(await once(anyEvent('SomethingNew'))).toEqualTypeOf<unknown>()
  // an object's own events, given the target
  expectTypeOf(await once('Connect', { target: {} })).toEqualTypeOf<unknown>()
  once('BluetoothDeviceFound').cancel()

  const caught: unknown = undefined
  if (isCancel(caught)) expectTypeOf(caught).toEqualTypeOf<ErrnoError>()

  setLocale('zh_TW')
  // @ts-expect-error a locale is one of zh_CN, zh_TW, en; a runtime string goes through normalizeLocale
  setLocale('fr')
  const fromStorage: string = 'zh_HK'
  expectTypeOf(normalizeLocale(fromStorage)).toEqualTypeOf<Locale>()
  setLocale(normalizeLocale(fromStorage))
}

import { WxServerError, CloudError, HttpApiError, MiniprogramError, isWxServerError } from '../../src/index'
import type { ErrorKind } from '../../src/index'

export function errorFamilyTypes(): void {
  // @ts-expect-error the positional constructors of 0.1 are gone: an init object of decoded fields
  new WxServerError(40029, 'invalid code', {})
  // @ts-expect-error likewise
  new CloudError('DATABASE_TIMEOUT', {})
  // @ts-expect-error a body is toHttpApiError's to read, not the constructor's
  new HttpApiError({ statusCode: 500, body: {} })
  const error: MiniprogramError = new HttpApiError({ statusCode: 500 })
  expectTypeOf(error.kind).toEqualTypeOf<ErrorKind>()
  const value: unknown = undefined
  if (isWxServerError(value)) expectTypeOf(value.errcode).toEqualTypeOf<number>()
}
