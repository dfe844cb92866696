// The testing kit (createFakeWx), error constructors in one style, CLI --version and search.
import { createWxp, showGuidance, WxServerError, CloudError, HttpApiError, toWxServerError, toHttpApiError, setLocale, getPolicy, ensure } from '../src/index'
import { createFakeWx, resetGuidanceState } from '../src/testing/index'
import { runCli } from '../src/cli/index'

const run = (args: string[]) => {
  const out: string[] = []
  const err: string[] = []
  const code = runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('createFakeWx', () => {
  test('an override can fall through to the default behaviour: fail twice, then behave', async () => {
    let failures = 0
    const fake = createFakeWx({ overrides: { getConnectedWifi: (_options, next) => { if (++failures <= 2) throw { errMsg: 'getConnectedWifi:fail:currentWifi is null', errno: 1505005 }; return next() } } })
    const wxp = createWxp(fake)
    await wxp.startWifi()
    await expect(wxp.getConnectedWifi()).rejects.toMatchObject({ errno: 1505005 })
    await expect(wxp.getConnectedWifi()).rejects.toMatchObject({ errno: 1505005 })
    await expect(wxp.getConnectedWifi()).resolves.toMatchObject({ wifi: { SSID: 'office' } })
    // next() keeps the device state: Bluetooth off still fails through it
    const off = createFakeWx({ state: { bluetooth: 'off' }, overrides: { openBluetoothAdapter: (_o, next) => next() } })
    await expect(createWxp(off).openBluetoothAdapter()).rejects.toMatchObject({ errno: 1500102 })
  })

  test('strict mode fails API names the typings do not have (a typo), and only those', async () => {
    const fake = createFakeWx({ strict: true })
    await expect((createWxp(fake) as any).getSetings()).rejects.toMatchObject({ errno: 100 })
    await expect(createWxp(fake).getSetting()).resolves.toBeDefined()
    await expect((createWxp(createFakeWx()) as any).getSetings()).resolves.toBeDefined() // lenient by default
  })

  test('calls are typed; guidance state is fresh for every fake, so one test does not silence the next', async () => {
    const first = createFakeWx()
    await showGuidance({ errno: 1505002 }, { wx: first })
    const second = createFakeWx() // a new test: the quiet period of the first is gone
    await showGuidance({ errno: 1505002 }, { wx: second })
    expect(second.callsOf('showModal')).toHaveLength(1)
    const title: string | undefined = second.callsOf('showModal')[0].options.title
    expect(title).toBe('Wi-Fi未开启')
    resetGuidanceState()
  })
})

describe('error constructors take one init object, as ErrnoError does', () => {
  test('WxServerError, CloudError and HttpApiError', () => {
    expect(new WxServerError({ errcode: 45009, errmsg: 'reach max api daily quota limit', cause: { errcode: 45009 } })).toMatchObject({ errcode: 45009, code: 'API_DAILY_QUOTA_EXCEEDED', known: true })
    expect(new CloudError({ code: 'DATABASE_TIMEOUT', requestId: 'r1' })).toMatchObject({ code: 'DATABASE_TIMEOUT', requestId: 'r1', known: true })
    expect(new HttpApiError({ statusCode: 429, error: 'reach_limit', retryAfterMs: 3000 })).toMatchObject({ statusCode: 429, error: 'reach_limit', retryAfterMs: 3000 })
    expect(toHttpApiError(429, { error: 'reach_limit' }, { 'Retry-After': '3' })).toMatchObject({ statusCode: 429, retryAfterMs: 3000 })
    expect(new WxServerError({ errcode: 40029 }).message).toBe(toWxServerError({ errcode: 40029 })!.message)
  })
})

describe('CLI', () => {
  test('search says clearly when nothing matches', () => {
    const result = run(['search', 'nothing-like-this'])
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/no errno matches 'nothing-like-this'/)
  })
})

describe('locales', () => {
  test('an unknown locale is reported, not silently English', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(setLocale('fr' as never)).toBe('en')
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/unknown locale "fr"/))
    warn.mockRestore()
    setLocale(undefined)
  })
})

describe('createFakeWx keeps its own state', () => {
  test("never changes the caller's state object, scopes included", async () => {
    const state = { bluetooth: 'off' as const, scopes: { 'scope.camera': false } }
    const snapshot = JSON.parse(JSON.stringify(state))
    const fake = createFakeWx({ timing: 'sync', state })
    const wxp = createWxp(fake)
    await wxp.openSetting()
    await wxp.openSystemBluetoothSetting()
    fake.setState({ scopes: { 'scope.record': false } })
    await wxp.openSetting()
    expect(state).toEqual(snapshot)
  })

  test('scopePermission: false shows in getSetting as refused scopes, until openSetting fixes it', async () => {
    const wxp = createWxp(createFakeWx({ timing: 'sync', state: { scopePermission: false } }))
    expect((await wxp.getSetting()).authSetting).toMatchObject({ 'scope.userLocation': false, 'scope.camera': false })
    await expect(wxp.getLocation()).rejects.toMatchObject({ errno: 103 })
    await wxp.openSetting()
    expect((await wxp.getSetting()).authSetting).toMatchObject({ 'scope.userLocation': true, 'scope.camera': true })
    await expect(wxp.getLocation()).resolves.toBeDefined()
  })
})

describe("createFakeWx({ taps: 'strict' }): a tap-only API fails outside the user's tap, as on a phone", () => {
  test.each(['sync', 'microtask', 'macrotask'] as const)('%s callbacks: WeChat\'s text outside a tap, read as a code mistake; inside tap(fn) it runs', async (timing) => {
    const fake = createFakeWx({ taps: 'strict', timing })
    const wxp = createWxp(fake)
    const outside = await wxp.openSetting().catch((e: unknown) => e)
    expect(outside).toMatchObject({ errno: -1, errMsg: 'openSetting:fail can only be invoked by user TAP gesture', kind: 'developer' })
    expect(getPolicy(outside).kind).toBe('fix')
    await expect(fake.tap(() => wxp.openSetting())).resolves.toMatchObject({ errMsg: 'openSetting:ok' })
    // The tap is over once the handler awaits something.
    await expect(fake.tap(async () => { await Promise.resolve(); return wxp.requestSubscribeMessage({ tmplIds: ['t'] }) })).rejects.toMatchObject({ kind: 'developer' })
    await expect(wxp.getSetting()).resolves.toMatchObject({ errMsg: 'getSetting:ok' }) // needs no tap
    expect(fake.tap(() => 42)).toBe(42)
    expect(() => fake.tap(() => { throw new Error('handler bug') })).toThrow('handler bug')
    await expect(wxp.openSetting()).rejects.toMatchObject({ kind: 'developer' }) // a throwing handler ended its tap
  })

  test("a modal's button and a payment just made are taps: requestSubscribeMessage runs in requestPayment's success callback", async () => {
    const fake = createFakeWx({ taps: 'strict' })
    const subscribed = await new Promise((resolve) => {
      fake.requestPayment({ timeStamp: '1', nonceStr: 'n', package: 'p', signType: 'MD5', paySign: 's', success: () => fake.requestSubscribeMessage({ tmplIds: ['t'], success: resolve, fail: resolve }) })
    })
    expect(subscribed).toMatchObject({ errMsg: 'requestSubscribeMessage:ok' })
    const opened = await new Promise((resolve) => { fake.showModal({ content: 'x', success: () => fake.openSetting({ success: resolve, fail: resolve }) }) })
    expect(opened).toMatchObject({ errMsg: 'openSetting:ok' })
  })

  test('by default nothing is checked', async () => {
    await expect(createWxp(createFakeWx()).openSetting()).resolves.toMatchObject({ errMsg: 'openSetting:ok' })
  })

  test.each([
    ['openSystemBluetoothSetting', { errno: 1500102, errMsg: 'openBluetoothAdapter:fail:not available' }, { bluetooth: 'off' }],
    ['openAppAuthorizeSetting', { errno: 1505004 }, { systemPermission: false }],
    ['openSetting', { errno: 103, errMsg: 'getLocation:fail auth deny' }, { scopes: { 'scope.userLocation': false } }],
  ] as const)("showGuidance runs %s from the modal's confirm, so it works where a tap is required", async (action, failure, state) => {
    for (const timing of ['sync', 'microtask', 'macrotask'] as const) {
      resetGuidanceState()
      const fake = createFakeWx({ taps: 'strict', timing, platform: 'android', state: state as any })
      expect(await showGuidance(failure, { wx: fake })).toMatchObject({ confirmed: true, action, actionResult: 'ok' })
      expect(fake.callsOf(action)).toHaveLength(1)
    }
  })

  test('ensure opens each setting from its modal: Bluetooth, then the location permission, then a refused scope', async () => {
    const fake = createFakeWx({ taps: 'strict', platform: 'android', state: { bluetooth: 'off', systemPermission: false } })
    await expect(ensure('ble-scan', { wx: fake, returnTimeoutMs: 2000 })).resolves.toMatchObject({ ready: true })
    const scoped = createFakeWx({ taps: 'strict', state: { scopes: { 'scope.userLocation': false } } })
    await expect(ensure('location', { wx: scoped, returnTimeoutMs: 2000 })).resolves.toMatchObject({ ready: true })
    expect(scoped.callsOf('openSetting')).toHaveLength(1)
  })
})
