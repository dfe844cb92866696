import { createWxp, isRetriable, retryDelay, requiresUserAction, isCancel, withRetry, withTimeout, getGuidance, showGuidance, resetGuidanceState, isSyncApi, subscribe, events, createBLEWriter, ErrnoError, promisify } from '../src/index'
import { createFakeWx } from '../src/testing/index'

describe('wxp over a wx double', () => {
  test('success resolves with the result; the caller options are not mutated', async () => {
    const fake = createFakeWx()
    const options = { deviceId: 'x' }
    const wxp = createWxp(fake)
    await wxp.openBluetoothAdapter()
    await expect(wxp.createBLEConnection(options)).resolves.toMatchObject({ errMsg: 'createBLEConnection:ok' })
    expect(options).toEqual({ deviceId: 'x' })
  })

  test.each([
    ['Bluetooth off', { state: { bluetooth: 'off' as const } }, (w: any) => w.openBluetoothAdapter(), 1500102],
    ['Wi-Fi off', { state: { wifi: 'off' as const } }, async (w: any) => { await w.startWifi(); return w.getWifiList() }, 1505002],
    ['NFC off', { state: { nfc: 'off' as const } }, (w: any) => w.getNFCAdapter().startDiscovery(), 1504003],
    ['offline', { state: { network: 'offline' as const } }, (w: any) => w.request({ url: 'https://x' }), 600001],
    ['payment cancelled', { state: { payment: 'cancel' as const } }, (w: any) => w.requestPayment({}), 1],
    ['file missing', { overrides: { readFile: () => { throw { errMsg: 'readFile:fail no such file or directory', errno: 1300002 } } } }, (w: any) => w.fs.readFile({ filePath: 'x' }), 1300002],
    ['face', { overrides: { faceDetect: () => { throw { errMsg: 'faceDetect:fail', errno: 2002004 } } } }, (w: any) => w.faceDetect({}), 2002004],
  ])('%s rejects with a typed ErrnoError', async (_, options, call, errno) => {
    const wxp = createWxp(createFakeWx(options))
    const error = await call(wxp).then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(ErrnoError)
    expect(error).toMatchObject({ errno })
  })

  test('the legacy profile (errCode only) decodes to the same errno', async () => {
    const error = await createWxp(createFakeWx({ errorProfile: 'legacy', state: { bluetooth: 'off' } })).openBluetoothAdapter().catch((e) => e)
    expect(error).toMatchObject({ errno: 1500102, errCode: 10001 })
    expect(error.cause).not.toHaveProperty('errno')
  })

  test('a missing method rejects with errno 100, not a TypeError', async () => {
    const wxp = createWxp({})
    await expect(wxp.openBluetoothAdapter()).rejects.toMatchObject({ errno: 100, api: 'openBluetoothAdapter' })
  })

  test('task APIs carry .task', async () => {
    const promise = createWxp(createFakeWx()).request({ url: 'https://x' })
    expect(typeof promise.task.abort).toBe('function')
    await promise
  })

  test('callbacks called twice or both settle once; the caller callbacks still run', async () => {
    const seen: string[] = []
    const wxp: any = createWxp({ thing(o: any) { o.success({ n: 1 }); o.fail({ errMsg: 'thing:fail' }); o.success({ n: 2 }) } })
    await expect(wxp.thing({ success: () => seen.push('success') })).resolves.toEqual({ n: 1 })
    expect(seen).toEqual(['success'])
  })

  test('a method that throws synchronously rejects; bad options reject with errno 1001', async () => {
    const wxp: any = createWxp({ boom() { throw new Error('sync') } })
    await expect(wxp.boom()).rejects.toMatchObject({ name: 'ErrnoError' })
    await expect(wxp.boom('not an object')).rejects.toMatchObject({ errno: 1001 })
  })

  test('arguments after the options object reach the method; no options means an empty options object', async () => {
    const seen: unknown[][] = []
    const double = { send(o: any, ...rest: unknown[]) { seen.push([Object.keys(o).sort(), ...rest]); o.success({ errMsg: 'send:ok' }) } }
    const wxp: any = createWxp(double)
    await expect(wxp.send({ data: 1 }, 'second', 3)).resolves.toEqual({ errMsg: 'send:ok' })
    await wxp.send()
    const sendOne = promisify(double.send, 'send')
    await sendOne.call(double, { data: 2 } as any, 'again')
    expect(seen).toEqual([[['data', 'fail', 'success'], 'second', 3], [['fail', 'success']], [['data', 'fail', 'success'], 'again']])
  })

  test('synchronous members pass through', () => {
    const wxp = createWxp(createFakeWx())
    expect(wxp.getSystemInfoSync().platform).toBe('android')
    expect(isSyncApi('getSystemInfoSync')).toBe(true)
    expect(isSyncApi('createBLEConnection')).toBe(false)
    expect(isSyncApi('onBLECharacteristicValueChange')).toBe(true)
    expect(isSyncApi('setBLEMTU')).toBe(false)
  })
})

describe('events', () => {
  test('subscribe returns an unsubscribe; 10,000 cycles leave no listener', () => {
    const fake = createFakeWx()
    const seen: unknown[] = []
    const stop = subscribe('BLECharacteristicValueChange', (p) => seen.push(p), { target: fake })
    fake.emit('BLECharacteristicValueChange', { value: 1 })
    stop()
    fake.emit('BLECharacteristicValueChange', { value: 2 })
    expect(seen).toEqual([{ value: 1 }])
    for (let i = 0; i < 10000; i++) subscribe('BLECharacteristicValueChange', () => undefined, { target: fake })()
    expect(fake.listenerCount('BLECharacteristicValueChange')).toBe(0)
  })

  test('async iteration unsubscribes on break', async () => {
    const fake = createFakeWx()
    setTimeout(() => { fake.emit('BluetoothDeviceFound', { devices: [1] }); fake.emit('BluetoothDeviceFound', { devices: [2] }) }, 0)
    for await (const found of events('BluetoothDeviceFound', { target: fake })) {
      expect(found).toEqual({ devices: [1] })
      break
    }
    expect(fake.listenerCount('BluetoothDeviceFound')).toBe(0)
  })
})

describe('policy', () => {
  test.each([[5, true], [1003, true], [510001, true], [600000, true], [1505006, true], [1509005, true], [1500102, false], [103, false], [1001, false]])('isRetriable(%i) = %s', (errno, retriable) => {
    expect(isRetriable({ errno })).toBe(retriable)
  })
  test('user action, cancel, delay', () => {
    expect(requiresUserAction({ errno: 1500102 })).toBe(true)
    expect(requiresUserAction({ errno: 1505002 })).toBe(true)
    expect(isCancel({ errMsg: 'chooseImage:fail cancel' })).toBe(true)
    expect(retryDelay({ errno: 1003 })).toBe(5000)
    expect(retryDelay({ errno: 103 })).toBeUndefined()
  })
  test('withRetry never exceeds its attempts and retries only what is retriable', async () => {
    let calls = 0
    await expect(withRetry(() => { calls++; return Promise.reject({ errno: 5 }) }, { attempts: 3, minDelayMs: 1, maxDelayMs: 1 })).rejects.toEqual({ errno: 5 })
    expect(calls).toBe(3)
    calls = 0
    await expect(withRetry(() => { calls++; return Promise.reject({ errno: 1500102 }) }, { attempts: 5, minDelayMs: 1 })).rejects.toEqual({ errno: 1500102 })
    expect(calls).toBe(1)
  })
  test('withRetry can be cancelled; withTimeout rejects with errno 5', async () => {
    const run = withRetry(() => Promise.reject({ errno: 5 }), { attempts: 10, minDelayMs: 1000 })
    setTimeout(() => run.cancel(), 5)
    await expect(run).rejects.toMatchObject({ errno: 1 })
    await expect(withTimeout(new Promise(() => undefined), 5, 'slow')).rejects.toMatchObject({ errno: 5, api: 'slow' })
  })
})

describe('guidance', () => {
  beforeEach(() => resetGuidanceState())
  test('1500102 in zh_CN: Bluetooth, opens the setting on Android, manual path on iOS', () => {
    const android = getGuidance(1500102, { locale: 'zh_CN', platform: 'android' })!
    expect(android.title).toContain('蓝牙')
    expect(android.action).toBe('openSystemBluetoothSetting')
    const ios = getGuidance(1500102, { locale: 'zh_CN', platform: 'ios' })!
    expect(ios.action).toBeUndefined()
    expect(ios.content).toContain('设置')
  })
  test('cancel shows nothing; category fallback answers unlisted codes', () => {
    expect(getGuidance(1)).toBeUndefined()
    expect(getGuidance({ errMsg: 'writeBLECharacteristicValue:fail', errno: 1509099 }, { locale: 'en' })!.source).toBe('category:device.ble')
  })
  test('concurrent calls share one modal; the quiet period suppresses repeats; no showModal -> shown false', async () => {
    const fake = createFakeWx({ modal: 'cancel' })
    const results = await Promise.all(Array.from({ length: 1000 }, () => showGuidance({ errno: 1500102 }, { wx: fake })))
    expect(fake.callsOf('showModal')).toHaveLength(1)
    expect(results.every((r) => r.shown)).toBe(true)
    expect(await showGuidance({ errno: 1500102 }, { wx: fake })).toMatchObject({ shown: false, reason: 'quiet' })
    expect(await showGuidance({ errno: 1505002 }, { wx: {} })).toMatchObject({ shown: false })
  })
  test('a modal that never answers times out; a failing action is reported, not thrown', async () => {
    expect(await showGuidance({ errno: 1505002 }, { wx: createFakeWx({ modal: 'never' }), timeoutMs: 10 })).toMatchObject({ shown: true, reason: 'timeout' })
    const fake = createFakeWx({ overrides: { openSystemBluetoothSetting: () => { throw { errMsg: 'openSystemBluetoothSetting:fail' } } } })
    expect(await showGuidance({ errno: 1500102 }, { wx: fake })).toMatchObject({ confirmed: true, action: 'openSystemBluetoothSetting', actionResult: 'failed' })
  })
})

describe('BLE writer', () => {
  test('splits by MTU, serialises writes, and a double that rejects overlap never sees one', async () => {
    let busy = false
    const writes: number[] = []
    const fake = createFakeWx({ overrides: { writeBLECharacteristicValue: (o: any) => {
      if (busy) throw { errMsg: 'writeBLECharacteristicValue:fail:system error', errCode: 10008 }
      busy = true
      writes.push(o.value.byteLength)
      setTimeout(() => { busy = false }, 0)
      return { errMsg: 'writeBLECharacteristicValue:ok' }
    } } })
    const writer = createBLEWriter({ deviceId: 'd', serviceId: 's', characteristicId: 'c', wx: fake, retryDelayMs: 5 })
    await Promise.all([writer.write(new Uint8Array(45)), writer.write(new Uint8Array(10))])
    expect(writes.reduce((a, b) => a + b, 0)).toBe(55)
    expect(Math.max(...writes)).toBe(20)
  })
})

describe('caller callbacks and odd options', () => {
  test('success, fail and complete of the caller run once, after the promise settles; null callbacks are ignored', async () => {
    const order: string[] = []
    const wxp = createWxp(createFakeWx({ state: { bluetooth: 'off' } }))
    const promise = wxp.openBluetoothAdapter({ success: () => order.push('success'), fail: (e) => order.push('fail:' + e.errMsg), complete: () => order.push('complete') })
    await promise.catch(() => order.push('rejected'))
    expect(order).toEqual(['fail:openBluetoothAdapter:fail:not available', 'complete', 'rejected'])
    await expect(createWxp(createFakeWx()).openBluetoothAdapter({ success: null, fail: null } as any)).resolves.toMatchObject({ errMsg: 'openBluetoothAdapter:ok' })
  })

  test('an exception thrown by the caller callback is re-thrown on a later tick, the promise still settles', async () => {
    jest.useFakeTimers()
    try {
      const wxp = createWxp(createFakeWx({ timing: 'sync' }))
      await expect(wxp.openBluetoothAdapter({ success: () => { throw new Error('user bug') } })).resolves.toMatchObject({ errMsg: 'openBluetoothAdapter:ok' })
      expect(() => jest.runOnlyPendingTimers()).toThrow('user bug')
    } finally {
      jest.useRealTimers()
    }
  })

  test('options whose getters throw, and a double missing half its methods, reject with ErrnoError', async () => {
    const wxp = createWxp(createFakeWx())
    const hostile = new Proxy({}, { get() { throw new Error('getter') }, ownKeys() { throw new Error('keys') } })
    await expect(wxp.openBluetoothAdapter(hostile as any)).rejects.toBeInstanceOf(ErrnoError)
    const half = createWxp({ openBluetoothAdapter: (o: any) => o.success({ errMsg: 'openBluetoothAdapter:ok' }) })
    await expect(half.openBluetoothAdapter()).resolves.toEqual({ errMsg: 'openBluetoothAdapter:ok' })
    await expect(half.getBluetoothDevices()).rejects.toMatchObject({ errno: 100 })
    expect((half as any).getSystemInfoSync).toBeUndefined()
  })

  test('importing without a global wx is safe; calls reject with errno 100', async () => {
    const { wxp } = require('../src/index')
    expect(typeof (globalThis as any).wx).toBe('undefined')
    await expect(wxp.openBluetoothAdapter()).rejects.toMatchObject({ errno: 100 })
  })
})
