// What Taro and uni-app users meet (the real runtimes are exercised in test/dist/ecosystem.test.ts): uni-app's
// [err, res] pairs, and framework APIs that both call `fail` and reject the promise they return.
import { createWxp, toErrnoError, isCancel, getGuidance, onFailure, ErrnoError } from '../src/index'
import { isSuccess } from '../src/guidance/guidance'

const off = { errMsg: 'openBluetoothAdapter:fail:not available', errCode: 10001, errno: 1500102 }

describe("uni-app's [err, res] (Vue 2 projects)", () => {
  test('[err] and [err, undefined] decode as err; the pair is the cause', () => {
    for (const pair of [[off], [off, undefined]]) {
      const error = toErrnoError(pair)
      expect(error.errno).toBe(1500102)
      expect(error.cause).toBe(pair)
    }
    // iOS's adapter state inside the pair still picks the guidance (state 3: WeChat may not use Bluetooth).
    expect(getGuidance([Object.assign({ state: 3 }, off)], { locale: 'en', platform: 'ios' })!.source).toContain('state:3')
    expect(isCancel([{ errMsg: 'chooseImage:fail cancel' }])).toBe(true)
  })

  test('[null, res] is a success: no guidance', () => {
    expect(isSuccess([null, { errMsg: 'getLocation:ok' }])).toBe(true)
    expect(getGuidance([null, { errMsg: 'getLocation:ok' }])).toBeUndefined()
    expect(isSuccess([off])).toBe(false)
  })

  test('other arrays are not pairs: errno -1 with the array as cause', () => {
    for (const value of [[], [1, 2], [off, 1, 2], [[off]], [{}]]) expect(toErrnoError(value)).toMatchObject({ errno: -1, cause: value })
    const { proxy, revoke } = Proxy.revocable([], {})
    revoke()
    expect(toErrnoError(proxy)).toBeInstanceOf(ErrnoError)
  })
})

describe('a framework API that calls fail and also rejects its own promise (Taro processApis)', () => {
  test('the wrapped promise rejects once, onFailure hears it once, nothing is left unhandled', async () => {
    const taroLike = {
      openBluetoothAdapter(options: any) {
        return new Promise((_resolve, reject) => {
          Promise.resolve().then(() => {
            options.fail(off)
            reject(off)
          })
        })
      },
    }
    const heard: unknown[] = []
    const stop = onFailure((error) => heard.push(error))
    const unhandled: unknown[] = []
    const listener = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', listener)
    try {
      await expect(createWxp(taroLike).openBluetoothAdapter()).rejects.toMatchObject({ errno: 1500102 })
      await new Promise((resolve) => setTimeout(resolve, 10))
      expect(heard).toHaveLength(1)
      expect(unhandled).toEqual([])
    } finally {
      stop()
      process.off('unhandledRejection', listener)
    }
  })
})
