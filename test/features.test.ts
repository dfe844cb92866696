// Issue #16: readiness, onFailure and the realtime-log reporter, guidance through the app's own dialog,
// sign-in refresh in apiRequest. Tested over Android and iOS doubles.
import {
  checkReadiness, ensure, onFailure, createRealtimeLogReporter, setGuidanceRenderer, createDialogRenderer, showGuidance,
  resetGuidanceState, apiRequest, createWxp, promisify, once, ErrnoError, isErrnoError, toWxServerError, toHttpApiError, toErrnoError, toCloudError, withRetry, events, createBLEWriter,
} from '../src/index'
import { createFakeWx } from '../src/testing/index'

afterEach(() => {
  setGuidanceRenderer(undefined)
  resetGuidanceState()
})

describe('checkReadiness', () => {
  test('all on: ready on both platforms, read from the settings APIs', async () => {
    for (const platform of ['android', 'ios'] as const) {
      for (const capability of ['bluetooth', 'ble-scan', 'wifi', 'location', 'camera', 'record', 'album'] as const) {
        const result = await checkReadiness(capability, { wx: createFakeWx({ platform }) })
        expect([platform, capability, result.ready, result.source]).toEqual([platform, capability, true, 'settings'])
      }
    }
  })

  test('Android BLE scans need the location switch and permission; iOS does not', async () => {
    const android = await checkReadiness('ble-scan', { wx: createFakeWx({ platform: 'android', state: { gps: 'off' } }), locale: 'en' })
    expect(android.ready).toBe(false)
    expect(android.missing.map((m) => [m.kind, m.key, m.errno])).toEqual([['system-switch', 'locationEnabled', 1505003]])
    expect(android.missing[0].guidance!.title).toBe('Location services are off')
    const ios = await checkReadiness('ble-scan', { wx: createFakeWx({ platform: 'ios', state: { gps: 'off' } }) })
    expect(ios.ready).toBe(true)
  })

  test('each kind: system switch, app permission, scope, privacy, unsupported', async () => {
    const off = await checkReadiness('bluetooth', { wx: createFakeWx({ platform: 'android', state: { bluetooth: 'off' } }), locale: 'en' })
    expect(off.missing[0]).toMatchObject({ kind: 'system-switch', key: 'bluetoothEnabled', errno: 1500102, guidance: { action: 'openSystemBluetoothSetting' } })
    const denied = await checkReadiness('bluetooth', { wx: createFakeWx({ platform: 'ios', state: { systemPermission: false } }), locale: 'en' })
    expect(denied.missing[0]).toMatchObject({ kind: 'app-permission', key: 'bluetoothAuthorized', guidance: { title: 'Bluetooth permission needed' } })
    const scope = await checkReadiness('camera', { wx: createFakeWx({ state: { scopes: { 'scope.camera': false } } }), locale: 'en' })
    expect(scope.missing[0]).toMatchObject({ kind: 'scope', key: 'scope.camera', errno: 103, guidance: { action: 'openSetting' } })
    const privacy = await checkReadiness('location', { wx: createFakeWx({ state: { privacyAgreed: false } }), locale: 'en' })
    expect(privacy.missing.map((m) => m.kind)).toEqual(['privacy'])
    const nfc = await checkReadiness('nfc', { wx: createFakeWx({ platform: 'ios' }) })
    expect(nfc.missing.map((m) => [m.kind, m.errno])).toEqual([['unsupported', 1504001]])
    expect((await checkReadiness('nfc', { wx: createFakeWx({ platform: 'android' }) })).ready).toBe(true)
  })

  test('an old base library without getSystemSetting falls back to getSystemInfoSync and says so', async () => {
    const old = createFakeWx({ SDKVersion: '2.10.0', missing: ['getSystemSetting', 'getAppAuthorizeSetting'], state: { wifi: 'off' } })
    const result = await checkReadiness('wifi', { wx: old })
    expect(result).toMatchObject({ ready: false, source: 'getSystemInfoSync' })
    expect(result.missing[0].key).toBe('wifiEnabled')
  })

  test('an unknown capability is a typed error', async () => {
    await expect(checkReadiness('telepathy' as never, { wx: createFakeWx() })).rejects.toBeInstanceOf(ErrnoError)
  })
})

describe('ensure', () => {
  test('Android, Bluetooth off: one modal, the setting opened from the tap, re-checked when the user comes back', async () => {
    const fake = createFakeWx({ platform: 'android', state: { bluetooth: 'off' } })
    const result = await ensure('bluetooth', { wx: fake, returnTimeoutMs: 2000 })
    expect(result.ready).toBe(true)
    expect(fake.callsOf('showModal')).toHaveLength(1)
    expect(fake.callsOf('openSystemBluetoothSetting')).toHaveLength(1)
  })

  test('walks several missing items one at a time (Android ble-scan: Bluetooth, then location permission)', async () => {
    const fake = createFakeWx({ platform: 'android', state: { bluetooth: 'off', systemPermission: false } })
    await ensure('ble-scan', { wx: fake, returnTimeoutMs: 2000 })
    expect(fake.callsOf('openSystemBluetoothSetting')).toHaveLength(1)
    expect(fake.callsOf('openAppAuthorizeSetting')).toHaveLength(1)
    expect(fake.callsOf('showModal')).toHaveLength(2)
  })

  test('a refused scope goes through openSetting; privacy through requirePrivacyAuthorize', async () => {
    const scoped = createFakeWx({ state: { scopes: { 'scope.userLocation': false }, privacyAgreed: false } })
    await ensure('location', { wx: scoped, returnTimeoutMs: 2000 })
    expect(scoped.callsOf('openSetting')).toHaveLength(1)
    expect(scoped.callsOf('requirePrivacyAuthorize')).toHaveLength(1)
  })

  test('rejects with the ErrnoError of what is missing when the user declines, and never loops', async () => {
    const declines = createFakeWx({ platform: 'android', state: { bluetooth: 'off' }, modal: 'cancel' })
    await expect(ensure('bluetooth', { wx: declines })).rejects.toMatchObject({ errno: 1500102, api: 'ensure' })
    const stubborn = createFakeWx({ platform: 'android', state: { bluetooth: 'off' }, userFixes: false })
    await expect(ensure('bluetooth', { wx: stubborn, returnTimeoutMs: 50 })).rejects.toMatchObject({ errno: 1500102 })
    expect(stubborn.callsOf('showModal')).toHaveLength(1)
    const ios = createFakeWx({ platform: 'ios' })
    await expect(ensure('nfc', { wx: ios })).rejects.toMatchObject({ errno: 1504001 })
  })

  test('iOS Bluetooth off: no API opens the setting, so the modal gives the way by hand with "Try again" and "Cancel" (issue #22)', async () => {
    // The user turns Bluetooth on in Control Center, then taps "Try again".
    const fixes = createFakeWx({ platform: 'ios', state: { bluetooth: 'off' }, language: 'en', modal: () => { fixes.setState({ bluetooth: 'on' }); return { errMsg: 'showModal:ok', confirm: true, cancel: false } } })
    await expect(ensure('bluetooth', { wx: fixes, returnTimeoutMs: 60000 })).resolves.toMatchObject({ ready: true })
    expect(fixes.callsOf('openSystemBluetoothSetting')).toHaveLength(0)
    const modal = fixes.callsOf('showModal')[0].options as { content: string; confirmText: string; cancelText: string; showCancel: boolean }
    expect(modal.content).toMatch(/Settings/)
    expect([modal.confirmText, modal.cancelText, modal.showCancel]).toEqual(['Try again', 'Cancel', true])
    // "Try again" without fixing it: said at once, not after a silent wait.
    const started = Date.now()
    const unfixed = createFakeWx({ platform: 'ios', state: { bluetooth: 'off' }, language: 'en' })
    await expect(ensure('bluetooth', { wx: unfixed, returnTimeoutMs: 60000 })).rejects.toMatchObject({ errno: 1500102, errMsg: expect.stringMatching(/still missing/) })
    expect(Date.now() - started).toBeLessThan(5000)
    // "Cancel": declined.
    const declines = createFakeWx({ platform: 'ios', state: { bluetooth: 'off' }, language: 'en', modal: 'cancel' })
    await expect(ensure('bluetooth', { wx: declines })).rejects.toMatchObject({ errMsg: expect.stringMatching(/declined/) })
  })

  test('back from a settings page without the fix: ensure says so at once', async () => {
    const fake = createFakeWx({ platform: 'android', state: { bluetooth: 'off' }, userFixes: false })
    const started = Date.now()
    await expect(ensure('bluetooth', { wx: fake, returnTimeoutMs: 60000 })).rejects.toMatchObject({ errno: 1500102 })
    expect(fake.callsOf('openSystemBluetoothSetting')).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(5000)
  })
})

describe('readiness under hostile input (issue #22)', () => {
  test('a settings read that never answers is bounded', async () => {
    // getSetting and getPrivacySetting that never call back
    const never = Object.assign(Object.create(createFakeWx()), { getSetting: () => undefined, getPrivacySetting: () => undefined })
    await expect(checkReadiness('camera', { wx: never, settingsTimeoutMs: 50 })).resolves.toMatchObject({ ready: true })
  })

  test('wrong-typed or throwing answers give a readiness or an ErrnoError, never a raw TypeError', async () => {
    const answers: Array<() => unknown> = [() => 'a string', () => 42, () => { throw new Error('x') }, () => new Proxy({}, { get() { throw new Error('trap') }, has() { throw new Error('trap') } })]
    for (const answer of answers) {
      const wx = { getSystemSetting: answer, getAppAuthorizeSetting: answer, getSystemInfoSync: answer, getDeviceInfo: answer, getSetting: (o: any) => o.success(answer), getPrivacySetting: (o: any) => o.success({ needAuthorization: answer }) }
      for (const capability of ['bluetooth', 'ble-scan', 'wifi', 'location', 'nfc', 'camera'] as const) {
        const outcome = await checkReadiness(capability, { wx }).catch((e: unknown) => e)
        expect(outcome instanceof TypeError).toBe(false)
        if (outcome instanceof Error) expect(outcome).toBeInstanceOf(ErrnoError)
      }
    }
  })

  test('no settings API at all is not "ready"', async () => {
    const bare = { getDeviceInfo: () => ({ platform: 'android' }) }
    const readiness = await checkReadiness('bluetooth', { wx: bare })
    expect(readiness.ready).toBe(false)
    expect(readiness.missing[0]).toMatchObject({ kind: 'unsupported', key: 'settings' })
  })

  test('Android NFC reads the adapter: off or absent is not ready', async () => {
    expect((await checkReadiness('nfc', { wx: createFakeWx({ platform: 'android', state: { nfc: 'off' } }) })).missing.map((m) => [m.kind, m.errno])).toEqual([['system-switch', 1504003]])
    expect((await checkReadiness('nfc', { wx: createFakeWx({ platform: 'android', state: { nfc: 'missing' } }) })).missing.map((m) => [m.kind, m.errno])).toEqual([['unsupported', 1504001]])
    expect((await checkReadiness('nfc', { wx: createFakeWx({ platform: 'android', missing: ['getNFCAdapter'] }) })).missing.map((m) => m.errno)).toEqual([1504001])
    expect((await checkReadiness('nfc', { wx: createFakeWx({ platform: 'android' }) })).ready).toBe(true)
  })

  test('a phone without Bluetooth is told so, not "turn Bluetooth on"', async () => {
    const fake = createFakeWx({ platform: 'android', state: { bluetooth: 'unsupported' }, language: 'en' })
    const readiness = await checkReadiness('bluetooth', { wx: fake })
    expect(readiness.missing.map((m) => [m.kind, m.errno])).toEqual([['unsupported', 1500105]])
    await expect(ensure('bluetooth', { wx: fake })).rejects.toMatchObject({ errno: 1500105 })
    for (const call of fake.callsOf('showModal')) expect((call.options as { content: string }).content).not.toMatch(/turn (it|Bluetooth) on/i)
  })
})

describe('onFailure', () => {
  test.each(['android', 'ios'] as const)('%s: hears every rejection of wxp, promisify, apiRequest and once; unsubscribes; a throwing listener changes nothing', async (platform) => {
    const heard: unknown[] = []
    const stop = onFailure((error) => heard.push(error))
    const bad = onFailure(() => { throw new Error('listener bug') })
    const fake = createFakeWx({ platform, state: { bluetooth: 'off' }, overrides: { request: () => ({ statusCode: 401, data: { error: 'unauthorized' }, header: {} }) } })
    const wxp = createWxp(fake)
    await expect(wxp.openBluetoothAdapter()).rejects.toMatchObject({ errno: 1500102 })
    await expect(promisify(fake.openBluetoothAdapter, 'openBluetoothAdapter')()).rejects.toMatchObject({ errno: 1500102 })
    await expect(apiRequest({ url: 'https://x' }, { wx: fake })).rejects.toMatchObject({ statusCode: 401 })
    await expect(once('BLECharacteristicValueChange', { target: fake, timeout: 5 })).rejects.toMatchObject({ errno: 5 })
    expect(heard.map((e: any) => e.name)).toEqual(['ErrnoError', 'ErrnoError', 'HttpApiError', 'ErrnoError'])
    stop()
    bad()
    await wxp.openBluetoothAdapter().catch(() => undefined)
    expect(heard).toHaveLength(4)
  })
})

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('createRealtimeLogReporter', () => {
  function logManager() {
    const lines: Array<[string, unknown[]]> = []
    const filters: string[] = []
    return { lines, filters, manager: { warn: (...args: unknown[]) => lines.push(['warn', args]), error: (...args: unknown[]) => lines.push(['error', args]), info: () => undefined, setFilterMsg: (msg: string) => filters.push(msg) } }
  }
  test('writes masked toJSON (warn for retriable, error otherwise), filtered by code, rate-limited per code', async () => {
    const { lines, filters, manager } = logManager()
    let clock = 0
    const report = createRealtimeLogReporter({ wx: { getRealtimeLogManager: () => manager }, perCode: 2, windowMs: 1000, now: () => clock })
    const timeout = new ErrnoError({ errno: 5, errMsg: 'request:fail timeout https://x/?access_token=SECRET1' })
    for (let i = 0; i < 5; i++) report(timeout)
    report(toWxServerError({ errcode: 40164, errmsg: 'invalid ip, not in whitelist' })!)
    await tick()
    // A time-out is the network's (warn); a server IP whitelist is the developer's configuration (error).
    expect(lines.map(([level]) => level)).toEqual(['warn', 'warn', 'error'])
    expect(filters).toEqual(['errno:5', 'errno:5', 'errno:errcode 40164'])
    expect(JSON.stringify(lines)).not.toContain('SECRET1')
    clock = 5000
    report(timeout)
    await tick()
    expect(lines[3][1][2]).toEqual({ dropped: 3 })
    report(toHttpApiError(503)!)
    await tick()
    expect(filters[filters.length - 1]).toBe('errno:HTTP 503')
  })
  test('does nothing (and never throws) where there is no realtime log', () => {
    expect(() => createRealtimeLogReporter({ wx: {} })(new ErrnoError({ errno: 5, errMsg: 'x' }))).not.toThrow()
  })
})

describe('setGuidanceRenderer', () => {
  test('guidance goes through the app\'s renderer; queueing, actions and the result stay; undefined restores showModal (iOS: no action, manual text)', async () => {
    const ios = createFakeWx({ platform: 'ios' })
    setGuidanceRenderer((guidance) => Promise.resolve({ confirmed: !!guidance.title }))
    expect(await showGuidance({ errno: 1500102 }, { wx: ios, locale: 'en' })).toMatchObject({ shown: true, confirmed: true, guidance: { title: 'Bluetooth is off' } })
    expect(ios.callsOf('openSystemBluetoothSetting')).toHaveLength(0)
    const fake = createFakeWx({ platform: 'android' })
    const shown: string[] = []
    setGuidanceRenderer((guidance) => { shown.push(guidance.title); return Promise.resolve({ confirmed: true }) })
    const result = await showGuidance({ errno: 1500102 }, { wx: fake, locale: 'en' })
    expect(result).toMatchObject({ shown: true, confirmed: true, action: 'openSystemBluetoothSetting', actionResult: 'ok' })
    expect(shown).toEqual(['Bluetooth is off'])
    expect(fake.callsOf('showModal')).toHaveLength(0)
    expect(fake.callsOf('openSystemBluetoothSetting')).toHaveLength(1)
    setGuidanceRenderer(undefined)
    resetGuidanceState()
    await showGuidance({ errno: 1500102 }, { wx: fake })
    expect(fake.callsOf('showModal')).toHaveLength(1)
  })

  test('the dialog renderer finds the component on the current page, and the dialog\'s own tap action is not run twice', async () => {
    const fake = createFakeWx({ platform: 'android' })
    const dialog = { show: jest.fn(() => Promise.resolve({ confirmed: true, actionHandled: true })) }
    setGuidanceRenderer(createDialogRenderer('#g', { getCurrentPages: () => [{ selectComponent: (s: string) => (s === '#g' ? dialog : null) }] }))
    const result = await showGuidance({ errno: 103, errMsg: 'getLocation:fail auth deny' }, { wx: fake })
    expect(dialog.show).toHaveBeenCalledTimes(1)
    expect(result).toMatchObject({ confirmed: true, action: 'openSetting', actionResult: 'ok' })
    expect(fake.callsOf('openSetting')).toHaveLength(0)
    // no dialog on the page: wx.showModal
    setGuidanceRenderer(createDialogRenderer('#g', { getCurrentPages: () => [] }))
    resetGuidanceState()
    await showGuidance({ errno: 1505002 }, { wx: fake })
    expect(fake.callsOf('showModal')).toHaveLength(1)
  })
})

describe('apiRequest reauthorize', () => {
  test('a 401 signs in once for all the requests that failed together, each is sent again once with the new token', async () => {
    let token = 'old'
    let signIns = 0
    const seen: string[] = []
    const fake = createFakeWx({ overrides: { request: (o) => { seen.push(o.header.Authorization); return o.header.Authorization === 'Bearer new' ? { statusCode: 200, data: { ok: true }, header: {} } : { statusCode: 401, data: {}, header: {} } } } })
    const reauthorize = () => new Promise((resolve) => setTimeout(() => { signIns++; token = 'new'; resolve(undefined) }, 5))
    const header = () => ({ Authorization: 'Bearer ' + token })
    const results = await Promise.all([1, 2, 3].map(() => apiRequest({ url: 'https://api.example.com/me', header }, { wx: fake, reauthorize })))
    expect(results.map((r) => r.data)).toEqual([{ ok: true }, { ok: true }, { ok: true }])
    expect(signIns).toBe(1)
    expect(seen.filter((h) => h === 'Bearer new')).toHaveLength(3)
  })

  test('server 40001 (the app server\'s own access_token) does not sign the user in again; other failures are not retried', async () => {
    let calls = 0
    const fake = createFakeWx({ overrides: { request: () => { calls++; return { statusCode: 200, data: { errcode: 40001, errmsg: 'invalid credential' }, header: {} } } } })
    const reauthorize = jest.fn()
    await expect(apiRequest({ url: 'https://x' }, { wx: fake, reauthorize })).rejects.toMatchObject({ errcode: 40001 })
    expect(reauthorize).not.toHaveBeenCalled()
    expect(calls).toBe(1)
    const busy = createFakeWx({ overrides: { request: () => ({ statusCode: 503, data: {}, header: {} }) } })
    const never = jest.fn()
    const busyError = await apiRequest({ url: 'https://x' }, { wx: busy, reauthorize: never }).catch((e: unknown) => e)
    expect(busyError).toMatchObject({ statusCode: 503 })
    expect(never).not.toHaveBeenCalled()
    // an HTTP failure is an HttpApiError, not an ErrnoError
    expect(isErrnoError(busyError)).toBe(false)
    expect(isErrnoError(new ErrnoError({ errno: 1, errMsg: 'x' }))).toBe(true)
  })
})

describe('once() can be cancelled', () => {
  test('cancel() and an aborted signal reject with a cancel and leave no listener', async () => {
    const fake = createFakeWx()
    const waiting = once('BluetoothDeviceFound', { target: fake })
    expect(fake.listenerCount('BluetoothDeviceFound')).toBe(1)
    waiting.cancel()
    await expect(waiting).rejects.toMatchObject({ errno: 1 })
    expect(fake.listenerCount('BluetoothDeviceFound')).toBe(0)
    const listeners: Array<() => void> = []
    const signal = { aborted: false, addEventListener: (_t: 'abort', l: () => void) => listeners.push(l), removeEventListener: () => undefined }
    const second = once('BluetoothDeviceFound', { target: fake, signal })
    signal.aborted = true
    listeners.forEach((l) => l())
    await expect(second).rejects.toMatchObject({ errno: 1 })
    expect(fake.listenerCount('BluetoothDeviceFound')).toBe(0)
  })
})

describe('createRealtimeLogReporter under hostile input (issue #22)', () => {
  function logManager(withAdd = false) {
    const lines: Array<[string, unknown[]]> = []
    const filters: string[] = []
    const manager: any = { info: (...a: unknown[]) => lines.push(['info', a]), warn: (...a: unknown[]) => lines.push(['warn', a]), error: (...a: unknown[]) => lines.push(['error', a]), setFilterMsg: (m: string) => filters.push('set ' + m) }
    if (withAdd) manager.addFilterMsg = (m: string) => filters.push('add ' + m)
    return { lines, filters, manager }
  }
  const SECRET = 'S3CR3TVALUE42'

  test('every entry is masked, a plain Error of a custom decoder too, and at most 5 KB; the filter at most 1 KB', async () => {
    const { lines, filters, manager } = logManager()
    const report = createRealtimeLogReporter({ wx: { getRealtimeLogManager: () => manager } })
    const plain = new Error(`decoder failed for https://x/?access_token=${SECRET} ` + 'z'.repeat(100000))
    report(plain)
    report(toErrnoError({ errMsg: `request:fail password='${SECRET}' ` + 'q'.repeat(200000) }))
    report(toCloudError({ code: 'X'.repeat(5000), message: `token=${SECRET}` }))
    await tick()
    expect(lines).toHaveLength(3)
    for (const [, args] of lines) {
      const text = JSON.stringify(args)
      expect(text).not.toContain(SECRET)
      expect(text.length).toBeLessThanOrEqual(5200)
    }
    for (const filter of filters) expect(filter.length).toBeLessThanOrEqual(1004 + 4)
  })

  test('uses addFilterMsg where the base library has it, once per code', async () => {
    const { filters, manager } = logManager(true)
    const report = createRealtimeLogReporter({ wx: { getRealtimeLogManager: () => manager } })
    for (let i = 0; i < 3; i++) report(toErrnoError({ errno: 1500102, errMsg: 'openBluetoothAdapter:fail:not available' }))
    report(toErrnoError({ errno: 600001, errMsg: 'request:fail -106' }))
    await tick()
    expect(filters).toEqual(['add errno:1500102', 'add errno:600001'])
  })

  test('a global cap: 10,000 distinct codes in one window write at most perWindow entries', async () => {
    const { lines, manager } = logManager()
    const report = createRealtimeLogReporter({ wx: { getRealtimeLogManager: () => manager }, perWindow: 20 })
    for (let i = 0; i < 10000; i++) report(toCloudError({ code: 'CODE_' + i }))
    await tick()
    expect(lines.length).toBeLessThanOrEqual(20)
    expect(lines.length).toBeGreaterThan(0)
  })

  test('cancels and recovered failures are left out by default, and reported at info level when asked', async () => {
    for (const ask of [false, true]) {
      const { lines, manager } = logManager()
      const stop = onFailure(createRealtimeLogReporter({ wx: { getRealtimeLogManager: () => manager }, reportCancels: ask, reportRecovered: ask }))
      let calls = 0
      const fake = createFakeWx({ state: { payment: 'cancel' }, overrides: { request: (o, next) => { if (calls++ === 0) throw { errMsg: 'request:fail timeout', errno: 5 }; return next() } } })
      const wxp = createWxp(fake)
      await wxp.requestPayment({ timeStamp: '1', nonceStr: 'n', package: 'p', signType: 'MD5', paySign: 's' } as any).catch(() => undefined)
      await withRetry(() => wxp.request({ url: 'https://x' }), { minDelayMs: 0 })
      let token = 'old'
      const api = createFakeWx({ overrides: { request: (o) => (o.header.Authorization === 'new' ? { statusCode: 200, data: {}, header: {} } : { statusCode: 401, data: {}, header: {} }) } })
      await apiRequest({ url: 'https://y', header: () => ({ Authorization: token }) }, { wx: api, reauthorize: () => { token = 'new' } })
      await tick()
      stop()
      expect(lines.map(([level]) => level)).toEqual(ask ? ['info', 'info', 'info'] : [])
    }
  })
})

describe('onFailure listeners (issue #22)', () => {
  test('an async listener that rejects causes no unhandled rejection; a listener removed during dispatch is not called', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    const stopAsync = onFailure(async () => { throw new Error('listener failed') })
    const removedCalls: unknown[] = []
    let stopRemoved: () => void = () => undefined
    const stopRemover = onFailure(() => stopRemoved())
    stopRemoved = onFailure((e) => removedCalls.push(e))
    await createWxp(createFakeWx({ state: { bluetooth: 'off' } })).openBluetoothAdapter().catch(() => undefined)
    await tick()
    await tick()
    process.off('unhandledRejection', onUnhandled)
    stopAsync(); stopRemover()
    expect(unhandled).toEqual([])
    expect(removedCalls).toEqual([])
  })
})

describe('once, events and the BLE writer under hostile input (issue #22)', () => {
  function countingSignal(aborted: boolean) {
    const added: unknown[] = []
    const removed: unknown[] = []
    return { added, removed, signal: { aborted, addEventListener: (_t: 'abort', l: () => void) => added.push(l), removeEventListener: (_t: 'abort', l: () => void) => removed.push(l) } }
  }

  test('once with an already aborted signal rejects with a cancel ErrnoError and leaves nothing behind', async () => {
    const fake = createFakeWx()
    const { added, signal } = countingSignal(true)
    const waiting = once('BluetoothDeviceFound', { target: fake, signal })
    await expect(waiting).rejects.toBeInstanceOf(ErrnoError)
    await expect(waiting).rejects.toMatchObject({ errno: 1 })
    expect(fake.listenerCount('BluetoothDeviceFound')).toBe(0)
    expect(added).toHaveLength(0)
  })

  test('a filter that throws rejects with an ErrnoError (its exception as cause); no listener of any kind is left', async () => {
    const fake = createFakeWx()
    const { added, removed, signal } = countingSignal(false)
    const thrown = new Error('bad filter')
    const waiting = once('BluetoothDeviceFound', { target: fake, signal, filter: () => { throw thrown } })
    fake.emit('BluetoothDeviceFound', { devices: [] })
    const error = await waiting.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ErrnoError)
    expect((error as ErrnoError).cause).toBe(thrown)
    expect(fake.listenerCount('BluetoothDeviceFound')).toBe(0)
    expect(removed).toEqual(added)
    // resolved normally: the abort listener goes too
    const second = countingSignal(false)
    const ok = once('BluetoothDeviceFound', { target: fake, signal: second.signal })
    fake.emit('BluetoothDeviceFound', { devices: [1] })
    await expect(ok).resolves.toEqual({ devices: [1] })
    expect(second.removed).toEqual(second.added)
  })

  test('events({ bufferSize: Infinity }) keeps at most 10,000 unread events', async () => {
    const fake = createFakeWx()
    const stream = events('BluetoothDeviceFound', { target: fake, bufferSize: Infinity })
    for (let i = 0; i < 20000; i++) fake.emit('BluetoothDeviceFound', { devices: [i] })
    const first = await stream.next()
    expect((first.value as { devices: number[] }).devices[0]).toBe(10000)
    await stream.return!()
  })

  test('a BLE write slower than writeTimeoutMs is never sent again: the device gets each chunk once, in order', async () => {
    const received: number[] = []
    let slow = true
    const wx = {
      getDeviceInfo: () => ({ platform: 'android' }),
      writeBLECharacteristicValue(o: any) {
        received.push(new Uint8Array(o.value)[0])
        const late = slow
        slow = false
        setTimeout(() => o.success({ errMsg: 'writeBLECharacteristicValue:ok' }), late ? 80 : 1)
      },
    }
    const writer = createBLEWriter({ deviceId: 'd', serviceId: 's', characteristicId: 'c', wx, writeTimeoutMs: 20, retryDelayMs: 0 })
    const data = new Uint8Array(40).map((_, i) => (i < 20 ? 1 : 2)) // two 20-byte chunks: 1 then 2
    await expect(writer.write(data)).rejects.toMatchObject({ errno: 5 })
    await writer.write(new Uint8Array(20).fill(3))
    expect(received).toEqual([1, 3]) // chunk 1 once, never again; the late answer came before the next write
  })

  test('MTU: one rule, an integer from 23 to 517, rejected otherwise, in the options and in negotiateMTU', async () => {
    const ids = { deviceId: 'd', serviceId: 's', characteristicId: 'c' }
    for (const mtu of [22, 518, 600, 185.5]) expect(() => createBLEWriter(Object.assign({ mtu }, ids))).toThrow(ErrnoError)
    const writer = createBLEWriter(Object.assign({ wx: createFakeWx() }, ids))
    for (const mtu of [22, 518, 600, 185.5, NaN]) await expect(writer.negotiateMTU(mtu)).rejects.toMatchObject({ errno: 1001 })
  })
})

describe('guidance renderers under hostile input (issue #22)', () => {
  test('a renderer that throws, answers garbage or has getters that throw never blocks later modals and leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    const fake = createFakeWx({ state: { bluetooth: 'off' } })
    const error = await createWxp(fake).openBluetoothAdapter().catch((e: unknown) => e)
    const renderers: Array<() => unknown> = [
      () => { throw new Error('renderer broke') },
      () => 'garbage',
      () => ({ get confirmed() { throw new Error('getter broke') } }),
      () => Promise.resolve({ get confirmed() { throw new Error('async getter broke') } }),
      () => ({ then() { throw new Error('then broke') } }),
      () => Promise.reject(new Error('rejected')),
    ]
    for (const renderer of renderers) {
      setGuidanceRenderer(renderer as any)
      const result = await showGuidance(error, { wx: fake, quietMs: 0, timeoutMs: 1000 })
      expect(result.confirmed).toBe(false)
    }
    setGuidanceRenderer(undefined)
    const after = await showGuidance(error, { wx: fake, quietMs: 0 })
    expect(after.shown).toBe(true)
    await tick()
    process.off('unhandledRejection', onUnhandled)
    expect(unhandled).toEqual([])
  })

  test('a page dialog whose show() returns nothing does not also open wx.showModal', async () => {
    const fake = createFakeWx({ state: { bluetooth: 'off' } })
    const error = await createWxp(fake).openBluetoothAdapter().catch((e: unknown) => e)
    const shows: unknown[] = []
    const page = { selectComponent: () => ({ show: (g: unknown) => { shows.push(g) } }) }
    setGuidanceRenderer(createDialogRenderer('#guidance-dialog', { getCurrentPages: () => [page] }))
    await showGuidance(error, { wx: fake, quietMs: 0 })
    expect(shows).toHaveLength(1)
    expect(fake.callsOf('showModal')).toHaveLength(0)
  })

  test('showGuidance on a success shows nothing', async () => {
    const fake = createFakeWx()
    for (const success of [{ errMsg: 'openBluetoothAdapter:ok' }, { errMsg: 'request:ok', statusCode: 200 }, { errno: 0, errMsg: 'getLocation:ok' }, undefined, null]) {
      const result = await showGuidance(success, { wx: fake, quietMs: 0 })
      expect(result.shown).toBe(false)
    }
    expect(fake.callsOf('showModal')).toHaveLength(0)
  })
})
