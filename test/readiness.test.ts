// checkReadiness and ensure (src/readiness): what a capability needs, read from the settings APIs, and the
// modals that walk the user to each fix; over Android and iOS doubles and hostile answers.
import { checkReadiness, ensure, setGuidanceRenderer, resetGuidanceState, once, ErrnoError } from '../src/index'
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

  test('iOS Bluetooth off: no API opens the setting, so the modal gives the way by hand with "Try again" and "Cancel"', async () => {
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

describe('readiness under hostile input', () => {
  test('a settings read that never answers is bounded', async () => {
    // getSetting and getPrivacySetting that never call back
    const never = Object.assign(Object.create(createFakeWx()), { getSetting: () => undefined, getPrivacySetting: () => undefined })
    await expect(checkReadiness('camera', { wx: never, settingsTimeoutMs: 50 })).resolves.toMatchObject({ ready: true })
  })

  test('the scopes and the privacy setting are asked together: two reads that never answer cost one wait', async () => {
    const asked: string[] = []
    const never = Object.assign(Object.create(createFakeWx()), { getSetting: () => { asked.push('getSetting') }, getPrivacySetting: () => { asked.push('getPrivacySetting') } })
    const pending = checkReadiness('camera', { wx: never, settingsTimeoutMs: 1000 })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(asked.sort()).toEqual(['getPrivacySetting', 'getSetting'])
    await expect(pending).resolves.toMatchObject({ ready: true })
  })

  test('a wx whose onAppShow / offAppShow getters throw: ensure still waits for the user, re-checks and rejects with the ErrnoError', async () => {
    const fake = createFakeWx({ platform: 'android', state: { bluetooth: 'off' }, userFixes: false })
    const broken = () => { throw new Error('broken getter') }
    const wx = Object.create(fake, { onAppShow: { get: broken }, offAppShow: { get: broken } })
    await expect(ensure('bluetooth', { wx, returnTimeoutMs: 50 })).rejects.toMatchObject({ errno: 1500102, errMsg: expect.stringMatching(/still missing/) })
    expect(fake.callsOf('openSystemBluetoothSetting')).toHaveLength(1)
  })

  test('while the user is in the settings page, a slow settings read is not asked again over itself', async () => {
    // No onAppShow (the wait runs to returnTimeoutMs) and a privacy read that never answers (each check waits 700 ms):
    // the check started at 500 ms still runs when the next poll comes at 1,000 ms.
    let privacyReads = 0
    const fake = createFakeWx({ platform: 'android', state: { bluetooth: 'off' }, userFixes: false })
    const wx = Object.assign(Object.create(fake), { onAppShow: undefined, offAppShow: undefined, getPrivacySetting: () => { privacyReads++ } })
    await expect(ensure('bluetooth', { wx, returnTimeoutMs: 1200, settingsTimeoutMs: 700 })).rejects.toMatchObject({ errno: 1500102 })
    // Before the modal, one check while waiting, and the check after it.
    expect(privacyReads).toBe(3)
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
