// onFailure and createRealtimeLogReporter (src/wx/failures.ts, src/report/realtime-log.ts).
import { onFailure, createRealtimeLogReporter, apiRequest, createWxp, promisify, once, ErrnoError, toWxServerError, toHttpApiError, toErrnoError, toCloudError, withRetry } from '../src/index'
import { createFakeWx } from '../src/testing/index'

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

describe('createRealtimeLogReporter under hostile input', () => {
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

  test('any other failure\'s own fields are masked too: a string code, name, message, errMsg or errmsg', async () => {
    const { lines, filters, manager } = logManager(true)
    const report = createRealtimeLogReporter({ wx: { getRealtimeLogManager: () => manager }, perCode: 100, perWindow: 100 })
    // Failure objects passed in by hand, as an app's own catch may.
    const raw = (failure: object) => failure as Error
    report(raw({ code: `access_token=${SECRET}`, message: 'x' }))
    report(raw({ code: `Bearer ${SECRET}`, errMsg: 'x' }))
    report(raw({ code: 'E_HOOK', name: `token=${SECRET}`, message: `password=${SECRET}` }))
    report(raw({ errcode: 40001, errmsg: `invalid credential, access_token=${SECRET}` }))
    report(raw({ code: 'x'.repeat(3000000) + ` secret=${SECRET}` }))
    await tick()
    expect(lines).toHaveLength(5)
    const text = JSON.stringify(lines) + JSON.stringify(filters)
    expect(text).not.toContain(SECRET)
    // The server body's errmsg is the entry's message; a huge code is cut (the rate limits keep it as a key).
    expect(lines[3][1][1]).toEqual({ message: 'invalid credential, access_token=***', code: 'errcode 40001', kind: 'unknown' })
    for (const filter of filters) expect(filter.length).toBeLessThanOrEqual(4 + 'errno:'.length + 200)
  })

  test('uses addFilterMsg where the base library has it, once per code', async () => {
    const { filters, manager } = logManager(true)
    const report = createRealtimeLogReporter({ wx: { getRealtimeLogManager: () => manager } })
    for (let i = 0; i < 3; i++) report(toErrnoError({ errno: 1500102, errMsg: 'openBluetoothAdapter:fail:not available' }))
    report(toErrnoError({ errno: 600001, errMsg: 'request:fail -106' }))
    await tick()
    expect(filters).toEqual(['add errno:1500102', 'add errno:600001'])
  })

  test('a new wx (another log manager) gets each code\'s filter again: filters belong to the manager they were added to', async () => {
    const first = logManager(true)
    const second = logManager(true)
    const previous = (global as { wx?: unknown }).wx
    try {
      const report = createRealtimeLogReporter()
      ;(global as { wx?: unknown }).wx = { getRealtimeLogManager: () => first.manager }
      report(toErrnoError({ errno: 1500102, errMsg: 'openBluetoothAdapter:fail:not available' }))
      await tick()
      ;(global as { wx?: unknown }).wx = { getRealtimeLogManager: () => second.manager }
      report(toErrnoError({ errno: 1500102, errMsg: 'openBluetoothAdapter:fail:not available' }))
      await tick()
      expect(first.filters).toEqual(['add errno:1500102'])
      expect(second.filters).toEqual(['add errno:1500102'])
    } finally {
      ;(global as { wx?: unknown }).wx = previous
    }
  })

  test('an unknown errno (-1) is filed under the legacy errCode it carries; a cloud error under its code', async () => {
    const { filters, manager } = logManager(true)
    const report = createRealtimeLogReporter({ wx: { getRealtimeLogManager: () => manager } })
    report(toErrnoError({ errMsg: 'requestSubscribeMessage:fail The main switch is switched off', errCode: 20004 }))
    report(toErrnoError({ errMsg: 'x:fail something new' }))
    report(toCloudError({ errCode: -502005, errMsg: 'errCode: -502005 database collection not exists' }))
    await tick()
    expect(filters).toEqual(['add errno:errCode 20004', 'add errno:-1', 'add errno:DATABASE_COLLECTION_NOT_EXIST'])
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

  test('a reason with no errno is filed by who is to blame: a tap-only API without a tap is an error, a refused phone number a cancel', async () => {
    const { lines, manager } = logManager()
    const report = createRealtimeLogReporter({ wx: { getRealtimeLogManager: () => manager } })
    report(toErrnoError({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.' }))
    report(toErrnoError({ errMsg: 'getPhoneNumber:fail:user deny' }))
    report(toErrnoError({ errMsg: 'navigateTo:fail something new' }))
    await tick()
    expect(lines.map(([level, args]) => [level, (args[1] as { kind: string }).kind])).toEqual([['error', 'developer'], ['error', 'unknown']])
  })
})

describe('onFailure listeners', () => {
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
