// Real failures: decode what the runtime really sends, and tell the user only what is true.
import * as fs from 'fs'
import * as path from 'path'
import {
  toErrnoError, parseErrMsg, getGuidance, showGuidance, resetGuidanceState, isCancel, getPolicy, retryDelay,
  isRetriable, requiresUserAction,
  toWxServerError, toCloudError, toHttpApiError, requiresReauthorization, requiresServerTokenRefresh, errorKind, allErrnos, errnoMeaning, decodeErrno,
} from '../src/index'
import { createFakeWx } from '../src/testing/index'
import { runCli } from '../src/cli/index'
import { GUIDANCE_TEXTS_ZH_TW, ERRNO_MEANINGS_ZH_TW, SERVER_CODES, SERVER_TEXTS_ZH_TW, CLOUD_MEANINGS_ZH_TW, HTTP_STATUSES, HTTP_ERRORS, LEGACY_TEXTS, CLOUD_GROUPS } from '../src/texts/generated/tables'

const root = path.resolve(__dirname, '..')
const readData = (name: string) => JSON.parse(fs.readFileSync(path.join(root, name), 'utf8'))
const corpus = readData('test/corpus/real-failures.json')
const guidanceData = readData('data/guidance.json')

const en = { locale: 'en' as const, platform: 'android', wx: {} }

function cli(args: string[]) {
  const out: string[] = []
  const code = runCli(args, { out: (l) => out.push(l), err: (l) => out.push(l) })
  return { code, text: out.join('\n') }
}

describe('the real-failure corpus (test/corpus/real-failures.json)', () => {
  test('every case names its source', () => {
    for (const group of ['wx', 'server', 'cloud']) for (const item of corpus[group]) expect(typeof item.source === 'string' && item.source.length > 8).toBe(true)
  })

  const wxCases: Array<[string, { failure: unknown; errno: number; api: string; guidance: string | null; kind?: string }]> = corpus.wx.map((c: any) => [JSON.stringify(c.failure), c])
  test.each(wxCases)('%s', (_label, item) => {
    const error = toErrnoError(item.failure)
    expect(error.errno).toBe(item.errno)
    expect(error.api).toBe(item.api)
    if (item.kind !== undefined) expect([error.kind, errorKind(item.failure)]).toEqual([item.kind, item.kind])
    expect(error.cause).toBe(item.failure)
    const guidance = getGuidance(item.failure, en)
    expect(guidance ? guidance.source : null).toBe(item.guidance)
    // The CLI says the same for the errMsg alone (where the failure carries no errno of its own).
    const failure = item.failure as { errMsg: string; errno?: number; errCode?: number }
    const explained = cli(['explain', failure.errMsg, '--json'])
    expect(explained.code).toBe(0)
    if (failure.errno === undefined && failure.errCode === undefined) expect(JSON.parse(explained.text).errno).toBe(item.errno)
  })

  const serverCases: Array<[string, { body: unknown; kind: string; guidance: string | null }]> = corpus.server.map((c: any) => [JSON.stringify(c.body), c])
  test.each(serverCases)('server %s', (_label, item) => {
    const error = toWxServerError(item.body)!
    expect(getPolicy(error).kind).toBe(item.kind)
    const guidance = getGuidance(error, en)
    if (item.guidance === null) expect(guidance).toBeUndefined()
    else expect(guidance!.source).toContain(item.guidance)
  })

  const cloudCases: Array<[string, { reason: unknown; errCode: number }]> = corpus.cloud.map((c: any) => [JSON.stringify(c.reason), c])
  test.each(cloudCases)('cloud %s', (_label, item) => {
    const error = toCloudError(item.reason)
    expect(error.errCode).toBe(item.errCode)
    expect(error.known).toBe(true)
    expect(getPolicy(error).kind).toBe((item as any).kind || 'config')
    if ((item as any).code) expect(error.code).toBe((item as any).code)
  })
})

describe('errMsg decoding', () => {
  test.each([
    ['api:fail reason', 'request:fail timeout', 'request', 'timeout'],
    ['api:fail:reason', 'openBluetoothAdapter:fail:not available', 'openBluetoothAdapter', 'not available'],
    ['api: fail reason', 'getLocation: fail auth deny', 'getLocation', 'auth deny'],
    ['full-width colon', 'getLocation：fail：auth deny', 'getLocation', 'auth deny'],
    ['no separator', 'closeSocket:failWebSocket is not connected', 'closeSocket', 'WebSocket is not connected'],
    ['bare fail', 'login:fail', 'login', ''],
  ])('the API is read from %s', (_shape, errMsg, api, reason) => {
    expect(parseErrMsg(errMsg)).toEqual({ api, failed: true, reason })
    expect(toErrnoError(errMsg).api).toBe(api)
  })

  test('"fail" followed by a lower-case word is not the failure marker', () => {
    expect(parseErrMsg('x:failure happened').failed).toBe(false)
  })

  test('errMsg-only failures decode through the catalogue column, case-insensitively, scoped by family', () => {
    expect(toErrnoError({ errMsg: 'openBluetoothAdapter:fail:not available' }).errno).toBe(1500102)
    expect(toErrnoError({ errMsg: 'openBluetoothAdapter:fail:NOT AVAILABLE' }).errno).toBe(1500102)
    expect(toErrnoError('connectWifi:fail:wifi is disable').errno).toBe(1505002)
    expect(toErrnoError('connectWifi:fail:wifi is disabled').errno).toBe(1505002)
    expect(toErrnoError('getConnectedWifi:fail:currentWifi is null').errno).toBe(1505005)
    expect(toErrnoError('writeBLECharacteristicValue:fail:no connection').errno).toBe(1509003)
    expect(toErrnoError('startBluetoothDevicesDiscovery:fail:location permission is denied').errno).toBe(1509008)
    // A Wi-Fi text never matches a Bluetooth API, nor a Bluetooth text a Wi-Fi API.
    expect(toErrnoError('openBluetoothAdapter:fail:wifi is disabled').errno).toBe(-1)
    expect(toErrnoError('startWifi:fail:not available').errno).toBe(-1)
    expect(getGuidance('openBluetoothAdapter:fail:wifi is disabled', en)!.source).not.toMatch(/wifi/)
  })

  test('the errMsg column of every catalogued code decodes back to it for an API of its own family', () => {
    const data = readData('data/errno.json')
    const sample: Record<string, string> = { '1500': 'openBluetoothAdapter', '1509': 'createBLEConnection', '1510': 'makeBluetoothPair', '1505': 'connectWifi', '1504': 'startHCE' }
    let checked = 0
    for (const c of data.codes) {
      const prefix = String(c.errno).padStart(7, '0').slice(0, 4)
      const api = sample[prefix]
      if (!api || !c.errMsg) continue
      const twins = data.codes.filter((o: { errno: number; errMsg: string }) => o.errMsg.toLowerCase() === c.errMsg.toLowerCase() && sample[String(o.errno).padStart(7, '0').slice(0, 4)] === api)
      if (twins.length > 1) continue // the catalogue itself repeats this text within the family
      expect([c.errno, toErrnoError(`${api}:fail:${c.errMsg}`).errno]).toEqual([c.errno, c.errno])
      checked++
    }
    expect(checked).toBeGreaterThan(40)
  })

  test('location services off: every ERROR_ shape real apps check', () => {
    for (const errMsg of ['getLocation:fail:ERROR_NOCELL&WIFI_LOCATIONSWITCHOFF', 'getLocation:fail:ERROR_NOCELL&WIFI_LOCALTIONSWITCHOFF', 'startLocationUpdate:fail:ERROR_NOCELL&WIFI_LOCATIONSWITCHOFF']) {
      const error = toErrnoError({ errMsg, errCode: 2 })
      expect(error.errno).toBe(1505003)
      const guidance = getGuidance(error, en)!
      expect(guidance.title).toBe('Location services are off')
      expect(guidance.content).toMatch(/location services/)
    }
    expect(toErrnoError('getLocation:fail:ERROR_NETWORK').errno).toBe(600000)
  })

  test('aborts are the app\'s own cancels: isCancel, no modal', async () => {
    for (const api of ['request', 'uploadFile', 'connectSocket', 'downloadFile']) {
      const error = toErrnoError(`${api}:fail abort`)
      expect(isCancel(error)).toBe(true)
      expect(getGuidance(error, en)).toBeUndefined()
    }
    expect(toErrnoError('downloadFile:fail abort').errno).toBe(603105)
    expect(isCancel(603105)).toBe(true)
    expect(getGuidance(603105, en)).toBeUndefined()
    const fake = createFakeWx()
    expect(await showGuidance({ errno: 603105 }, { wx: fake })).toMatchObject({ shown: false, reason: 'cancel' })
    expect(fake.callsOf('showModal')).toHaveLength(0)
  })

  test('the CLI agrees: README example and family scoping', () => {
    expect(cli(['explain', 'openBluetoothAdapter:fail:not available']).text).toMatch(/^errno 1500102 /)
    expect(cli(['explain', 'connectWifi:fail:wifi is disable']).text).toMatch(/^errno 1505002 /)
    expect(cli(['explain', 'getLocation: fail auth deny']).text).toMatch(/^errno 103 /)
    expect(cli(['explain', 'startWifi:fail:not available']).text).toMatch(/^errno -1 /)
  })
})

describe('wx.cloud numeric codes and CloudBase codes', () => {
  const official = readData('data/cloud.json').wxCloudNumeric
  test('the whole official table maps, and `explain -504002` works', () => {
    const codes = Object.keys(official).filter((k) => k !== '$comment')
    expect(codes.length).toBeGreaterThanOrEqual(60)
    for (const prefix of ['-4010', '-4020', '-4030', '-4040', '-5010', '-5020', '-5030', '-5040', '-6010', '-6041']) expect(codes.some((c) => c.startsWith(prefix))).toBe(true)
    for (const code of codes) {
      const error = toCloudError({ errCode: Number(code), errMsg: 'errCode: ' + code })
      expect([code, error.known]).toEqual([code, true])
    }
    expect(cli(['explain', '-504002']).text).toMatch(/FUNCTIONS_EXECUTE_FAIL/)
    expect(cli(['explain', '-501003']).code).toBe(0)
    expect(cli(['explain', '-402009']).text).toMatch(/WebSocket/)
  })

  test('CloudBase sign-in and general codes', () => {
    for (const code of ['MISSING_CREDENTIALS', 'ACCESS_TOKEN_INVALID', 'ACCESS_TOKEN_DISABLED', 'ACCESS_TOKEN_EXPIRED', 'REFRESH_TOKEN_EXPIRED']) {
      expect([code, requiresReauthorization(toCloudError({ code }))]).toEqual([code, true])
    }
    for (const code of ['SYS_ERR', 'SERVER_TIMEOUT', 'EXCEED_RATELIMIT']) expect([code, getPolicy(toCloudError({ code })).kind]).toEqual([code, 'retry'])
    expect(toCloudError({ code: 'INVALID_ENV' })).toMatchObject({ known: true, group: 'general' })
  })
})

describe('server, cloud and REST policy', () => {
  test('45009 is the daily quota, 45011 the per-minute one (seed 000 swaps them; WeChat docs win)', () => {
    const daily = toWxServerError({ errcode: 45009, errmsg: 'reach max api daily quota limit' })!
    const minute = toWxServerError({ errcode: 45011, errmsg: 'api minute-quota reach limit mustslower retry next minute' })!
    expect(retryDelay(minute)).toBe(60000)
    expect(retryDelay(daily)).toBeGreaterThan(60000)
    expect(retryDelay(daily)).toBeLessThanOrEqual(24 * 3600 * 1000)
    expect(getGuidance(daily, en)!.title).toBe('Daily limit reached')
    expect(getGuidance(minute, en)!.title).toBe('Service busy')
    const data = readData('data/server.json').codes
    for (const code of [45009, 45011]) expect(data.find((c: { errcode: number }) => c.errcode === code).note).toMatch(/[Ss]eed 000/)
    expect(SERVER_CODES()['40226'][3]).toBe('code blocked')
  })

  test('40001/40014/42001 are the app\'s access_token: a server token refresh, not the user\'s sign-in, and the user sees "service busy", never "sign in again"', () => {
    for (const errcode of [40001, 40014, 42001]) {
      const error = toWxServerError({ errcode, errmsg: 'x' })!
      expect(requiresReauthorization(error)).toBe(false)
      expect(requiresServerTokenRefresh(error)).toBe(true)
      expect(errorKind(error)).toBe('service')
      for (const locale of ['zh_CN', 'zh_TW', 'en'] as const) {
        const guidance = getGuidance(error, { locale, platform: 'android', wx: {} })!
        expect(guidance.content).not.toMatch(/sign in|登录|登入|登錄/i)
      }
      expect(getGuidance(error, en)!.title).toBe('Service busy')
    }
  })

  test('any backend\'s HTTP 401 means sign in again; the IM vendor table applies only when asked for', () => {
    for (const body of [{ error: 'unauthorized' }, 'Unauthorized', { message: 'jwt expired' }, undefined]) {
      const error = toHttpApiError(401, body)!
      expect(requiresReauthorization(error)).toBe(true)
      expect(getGuidance(error, en)!.title).toBe('Please sign in again')
    }
    // Without the table, invalid_grant is only a 400; with it, a wrong password, not an expired sign-in.
    expect(getPolicy(toHttpApiError(400, { error: 'invalid_grant' })!).kind).toBe('fix')
    const vendor = toHttpApiError(400, { error: 'invalid_grant', error_description: 'password mismatch' }, undefined, { table: 'easemob' })!
    expect(requiresReauthorization(vendor)).toBe(false)
    expect(getGuidance(vendor, en)!.title).toBe('Wrong account or password')
    expect(getPolicy(toHttpApiError(401, { error: 'unauthorized' }, undefined, { table: 'easemob' })!).kind).toBe('config')
  })
})

describe('guidance is true for each code', () => {
  const texts = (errno: number) => getGuidance(errno, en)!
  test('Wi-Fi and Bluetooth codes whose fix differs get their own texts', () => {
    expect(texts(1505021).content).toMatch(/background/)
    expect(texts(1505026).content).toMatch(/too long/)
    expect(texts(1505022).content).toMatch(/Settings/)
    const wifiContents = new Set([1505000, 1505006, 1505020, 1505021, 1505022, 1505026, 1505032, 1505040].map((e) => texts(e).content))
    expect(wifiContents.size).toBeGreaterThanOrEqual(5)
    const signalAdvice = allErrnos().filter((e) => { const g = getGuidance(e, en); return !!g && /signal is good/.test(g.content) })
    expect(signalAdvice).toEqual([])
    const nearby = allErrnos().filter((e) => { const g = getGuidance(e, en); return !!g && /switched on and close/.test(g.content) })
    expect(nearby).toEqual([1509001, 1509003])
    expect(texts(1509005).title).toBe("The device didn't respond")
  })

  test('iBeacon 11002 (location service unavailable) asks for location services, not a connection', () => {
    const guidance = getGuidance({ errMsg: 'startBeaconDiscovery:fail:location service unavailable', errCode: 11002 }, en)!
    expect(guidance.title).toBe('Location services are off')
  })

  test('developer errors blame nothing on the device, and the developer gets a console hint', async () => {
    for (const errno of [1500101, 101, 1505001, 1505029, 600005, 600009, 1504202]) {
      const guidance = texts(errno)
      expect([errno, guidance.source]).toEqual([errno, 'developer-error'])
      expect(guidance.content).not.toMatch(/device|phone|Bluetooth|Wi-Fi|signal|network/i)
      expect(guidance.action).toBeUndefined()
    }
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    resetGuidanceState()
    await showGuidance({ errno: 1500101, errMsg: 'getBluetoothDevices:fail:not init' }, { wx: createFakeWx() })
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/1500101.*calling code/))
    // A code mistake with nothing to show the user is told to the developer all the same; a cancel or a user's
    // refusal is not a mistake, and a code the user can fix has its modal instead.
    warn.mockClear()
    const wx = createFakeWx()
    const shown = await showGuidance({ errMsg: 'openSetting:fail can only be invoked by user TAP gesture.' }, { wx })
    expect(shown).toMatchObject({ shown: false, reason: 'no-guidance' })
    await showGuidance({ errno: 1001, errMsg: 'showToast:fail parameter error' }, { wx })
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
      expect.stringMatching(/TAP gesture.*errno -1.*calling code/),
      expect.stringMatching(/errno 1001.*calling code/),
    ])
    warn.mockClear()
    await showGuidance({ errMsg: 'getPhoneNumber:fail user deny' }, { wx })
    await showGuidance({ errMsg: 'navigateTo:fail something new' }, { wx })
    expect(warn).not.toHaveBeenCalled()
    warn.mockRestore()
  })

  test('configuration errors get no "Try again" button', () => {
    for (const errno of [600002, 600005, 600008, 600009, 600010, 600011, 602101, 602102, 602103, 602108, 602300]) {
      const guidance = getGuidance(errno, { locale: 'zh_CN', platform: 'android', wx: {} })!
      expect([errno, guidance.action, guidance.confirmText]).toEqual([errno, undefined, '知道了'])
    }
  })

  test('1300202 is the mini-program\'s own 200 MB quota, not the phone\'s storage', () => {
    const guidance = texts(1300202)
    expect(guidance.content).toMatch(/200 MB/)
    expect(guidance.content).not.toMatch(/on your phone/)
    expect(errnoMeaning(1300202)!.en).toMatch(/200 MB/)
  })

  test('a missing API (errno 100) asks to update WeChat, with wx.updateWeChatApp where it exists', () => {
    const withApi = getGuidance(100, { locale: 'en', platform: 'android', wx: { updateWeChatApp() {}, getAppBaseInfo: () => ({ SDKVersion: '3.0.0' }) } })!
    expect(withApi).toMatchObject({ title: 'Update WeChat', action: 'updateWeChatApp' })
    const without = getGuidance(100, { locale: 'en', platform: 'android', wx: {} })!
    expect(without.action).toBeUndefined()
    expect(without.content).toMatch(/app store/)
  })

  test('a retry the user chose that fails again shows its modal again; unrelated repeats stay quiet', async () => {
    resetGuidanceState()
    const fake = createFakeWx()
    const failure = { errno: 1509001, errMsg: 'createBLEConnection:fail:connection fail' }
    let second: Promise<unknown> | undefined
    await showGuidance(failure, { wx: fake, onRetry: () => { second = showGuidance(failure, { wx: fake }) } })
    await second
    expect(fake.callsOf('showModal')).toHaveLength(2)
    await showGuidance(failure, { wx: fake })
    expect(fake.callsOf('showModal')).toHaveLength(2) // quiet: not the user's retry
  })

  test('showGuidance takes a fallback for failures that have no guidance', async () => {
    resetGuidanceState()
    const fake = createFakeWx()
    const failure = { errMsg: 'requestPayment:fail 支付验证签名失败' }
    expect(await showGuidance(failure, { wx: fake })).toMatchObject({ shown: false, reason: 'no-guidance' })
    const result = await showGuidance(failure, { wx: fake, locale: 'zh_CN', fallback: { zh_CN: { title: '支付失败', content: '请稍后再试' }, en: { title: 'Payment failed', content: 'Please try later' } } })
    expect(result).toMatchObject({ shown: true, guidance: { source: 'fallback', title: '支付失败' } })
    expect(await showGuidance({ errMsg: 'requestPayment:fail cancel' }, { wx: fake, fallback: { title: 'x', content: 'y' } })).toMatchObject({ shown: false, reason: 'cancel' })
  })
})

describe('texts', () => {
  const glossary = readData('data/zh_TW-glossary.json').terms as Array<{ mainland: string; taiwan: string }>
  // A mainland term is left only where it is not part of its own Taiwan replacement (後臺 inside 管理後台 is fine).
  const mainlandLeft = (text: string) => glossary.filter((t) => text.split(t.taiwan).join('').indexOf(t.mainland) >= 0).map((t) => t.mainland)

  test('zh_TW is Taiwan Chinese: no mainland term is left in any generated zh_TW text', () => {
    const texts: string[] = []
    for (const row of Object.values(GUIDANCE_TEXTS_ZH_TW())) texts.push(...row)
    texts.push(...Object.values(ERRNO_MEANINGS_ZH_TW()))
    for (const row of Array.from(SERVER_TEXTS_ZH_TW())) texts.push(...row)
    texts.push(...Array.from(CLOUD_MEANINGS_ZH_TW()))
    for (const row of Object.values(HTTP_STATUSES())) texts.push(row[2][1])
    for (const row of HTTP_ERRORS()) texts.push(row[5][1])
    for (const name of Object.values(CLOUD_GROUPS())) texts.push(name[1])
    for (const row of Object.values(LEGACY_TEXTS())) texts.push(row[3])
    expect(texts.length).toBeGreaterThan(500)
    const left = texts.map((t) => [t, mainlandLeft(t)] as const).filter(([, terms]) => terms.length)
    expect(left).toEqual([])
    expect(texts.join('')).toMatch(/權限/)
    expect(texts.join('')).toMatch(/背景/)
  })

  test('meanings follow the seed: 2000004 is "client device not supported"; 20-03 is vision kit', () => {
    expect(errnoMeaning(2000004)!.en).toBe('The client device is not supported.')
    expect(decodeErrno(2003001).subcategory.name.en).toMatch(/vision ?kit/i)
  })
})

describe('reason rules (data/errno.json reasonRules)', () => {
  const rules: Array<{ pattern: string; errno: number; api?: string; examples: string[]; source: string }> = readData('data/errno.json').reasonRules.rules

  test('every rule names its source and has examples', () => {
    expect(rules.length).toBeGreaterThan(20)
    for (const rule of rules) {
      expect(rule.source.length).toBeGreaterThan(20)
      expect(rule.examples.length).toBeGreaterThan(0)
    }
  })

  test.each(rules.flatMap((rule) => rule.examples.map((example) => [example, rule.errno] as [string, number])))('%s decodes to errno %d', (example, errno) => {
    expect(toErrnoError(example).errno).toBe(errno)
  })

  test('a rule limited to an API applies to that API only: abort is 603105 for downloadFile, 1 elsewhere', () => {
    expect(toErrnoError('downloadFile:fail abort').errno).toBe(603105)
    expect(toErrnoError('request:fail abort').errno).toBe(1)
    expect(toErrnoError('uploadFile:fail abort').errno).toBe(1)
  })
})

describe('reason policies (data/errno.json reasonPolicies): who is to blame when no errno says', () => {
  const data = readData('data/errno.json').reasonPolicies
  const rules: Array<{ pattern: string; api?: string; label: string; policy: { class: string; reason: string }; examples: string[]; source: string }> = data.rules
  const kinds: { [policy: string]: string } = { fix: 'developer', config: 'developer', cancel: 'cancel', user: 'user', unsupported: 'system' }

  test('every rule names its source, gives its reason and has examples', () => {
    expect(rules.length).toBeGreaterThanOrEqual(3)
    for (const rule of rules) {
      expect(rule.source).toMatch(/https:\/\//)
      expect(rule.policy.reason.length).toBeGreaterThan(20)
      expect(rule.examples.length).toBeGreaterThan(0)
    }
  })

  test.each(rules.flatMap((rule) => rule.examples.map((example) => [example, rule.policy.class] as [string, string])))('%s: errno -1, policy %s', (example, policy) => {
    const error = toErrnoError({ errMsg: example })
    expect([error.errno, error.known, error.policy.kind, getPolicy(error).kind, getPolicy({ errMsg: example }).kind]).toEqual([-1, false, policy, policy, policy])
    expect([error.kind, errorKind({ errMsg: example }), error.toJSON().kind]).toEqual([kinds[policy], kinds[policy], kinds[policy]])
    // Nothing to show the end user: a code mistake is not theirs to fix, a refusal is not a failure.
    expect(getGuidance({ errMsg: example }, en)).toBeUndefined()
    expect(getGuidance({ errMsg: example }, { ...en, platform: 'ios' })).toBeUndefined()
    expect(retryDelay(error)).toBeUndefined()
    const explained = JSON.parse(cli(['explain', example, '--json']).text)
    expect([explained.errno, explained.policy.kind, explained.blame]).toEqual([-1, policy, kinds[policy]])
    const rule = rules.find((candidate) => candidate.examples.indexOf(example) >= 0)!
    expect([explained.reason, explained.policy.reason]).toEqual([rule.label, rule.policy.reason])
    expect(cli(['explain', example]).text).toContain('  reason     ' + rule.label + '\n')
  })

  test('a reason no policy knows still reads as unknown', () => {
    const other = toErrnoError({ errMsg: 'navigateTo:fail something new' })
    expect([other.kind, other.policy.kind, getPolicy(other).kind]).toEqual(['unknown', 'none', 'none'])
  })

  test('a rule limited to some APIs holds for those only: "user deny" is a cancel for the phone number, not for getLocation', () => {
    expect(toErrnoError('getPhoneNumber:fail:user deny').kind).toBe('cancel')
    expect(toErrnoError('getRealtimePhoneNumber:fail user deny').kind).toBe('cancel')
    expect(toErrnoError('getLocation:fail user deny').kind).toBe('unknown')
    expect(isCancel({ errMsg: 'getPhoneNumber:fail user deny' })).toBe(true)
  })

  test('only for errno -1: a failure whose errno is known keeps its own policy, and a reason never changes the errno', () => {
    const tap = 'openSetting:fail can only be invoked by user TAP gesture.'
    expect(toErrnoError({ errMsg: tap, errno: 5 }).policy.kind).toBe('retry')
    expect(toErrnoError({ errMsg: tap, errno: -1 }).policy.kind).toBe('fix') // JSON written by this library
    // a legacy errCode still decodes first, and its errno's policy holds
    const legacy = toErrnoError({ errMsg: 'openBluetoothAdapter:fail require user interaction', errCode: 10001 })
    expect([legacy.errno, legacy.policy.kind]).toEqual([1500102, 'user'])
  })

  test('explain gives the reason that set the policy: a legacy errCode comes before the errMsg, as in toErrnoError', () => {
    const failure = { errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.', errCode: 10004 }
    const legacyReason = readData('data/legacy.json').codes.find((c: any) => c.table === 'subscribe' && c.errCode === 10004).policy.reason
    const explained = JSON.parse(cli(['explain', JSON.stringify(failure), '--json']).text)
    expect([explained.reason, explained.policy.kind, explained.policy.reason]).toEqual([undefined, 'fix', legacyReason])
  })

  test("requestPayment's reason in err_desc counts when the errMsg has none; explain reads it from the pasted failure", () => {
    const failure = { errMsg: 'requestPayment:fail', err_code: '-1', err_desc: '支付验证签名失败' }
    const error = toErrnoError(failure)
    expect([error.errno, error.policy.kind, error.kind, errorKind(failure)]).toEqual([-1, 'config', 'developer', 'developer'])
    const explained = JSON.parse(cli(['explain', JSON.stringify(failure), '--json']).text)
    expect([explained.reason, explained.policy.kind]).toEqual(["the payment's signature failed verification", 'config'])
    // Only where the errMsg says nothing, and only for requestPayment.
    expect(toErrnoError({ errMsg: 'requestPayment:fail cancel', err_desc: '支付验证签名失败' }).errno).toBe(1)
    expect(toErrnoError({ errMsg: 'request:fail', err_desc: '支付验证签名失败' }).kind).toBe('unknown')
    expect(toErrnoError({ errMsg: 'requestPayment:fail', err_desc: { toString: () => '支付验证签名失败' } }).kind).toBe('unknown')
  })

  test('the policy rides on the error, not on its JSON or its own keys', () => {
    const error = toErrnoError('navigateTo:fail webview count limit exceed')
    expect(Object.keys(error)).not.toContain('@@miniprogram-errno/policy')
    expect(JSON.parse(JSON.stringify(error)).kind).toBe('developer')
  })
})

describe('legacy errCodes with no errno twin have a policy (data/legacy.json policy)', () => {
  const legacy = readData('data/legacy.json')
  const kinds: { [policy: string]: string } = { fix: 'developer', config: 'developer', user: 'user', unsupported: 'system', retry: 'network' }
  const withPolicy: Array<[string, number, { class: string; reason: string }, string]> = legacy.codes
    .filter((c: any) => c.policy)
    .map((c: any) => {
      const table = legacy.tables.find((t: any) => t.key === c.table)
      const api = table.apis.split(',')[0].trim()
      return [c.table, c.errCode, c.policy, api]
    })

  test('every code without a twin has one, but for those whose source gives no fix', () => {
    const without = legacy.codes.filter((c: any) => c.errno === null && !c.policy).map((c: any) => c.table + ' ' + c.errCode)
    expect(without).toEqual(['nfc 13010', 'nfc 13016', 'subscribe 10005', 'soter 90002', 'soter 90007'])
    expect(withPolicy.length).toBe(26)
  })

  test.each(withPolicy)('%s %d: its policy and kind, errno -1, whatever errMsg comes with it', (_table, errCode, policy, api) => {
    for (const failure of [{ errMsg: api + ':fail', errCode }, { errMsg: api + ':fail:something', errCode }]) {
      const error = toErrnoError(failure)
      expect([error.errno, error.policy.kind, getPolicy(failure).kind, error.kind]).toEqual([-1, policy.class, policy.class, kinds[policy.class]])
    }
    // No errMsg: the API given says which table the number is read from.
    expect(toErrnoError({ errCode }, api).policy.kind).toBe(policy.class)
    const explained = JSON.parse(cli(['explain', JSON.stringify({ errMsg: api + ':fail', errCode }), '--json']).text)
    expect([explained.errno, explained.policy.kind, explained.policy.reason, explained.blame]).toEqual([-1, policy.class, policy.reason, kinds[policy.class]])
  })

  test("read only where the API sends the table: 20004 is requestSubscribeMessage's, 10004 with a Bluetooth API is its twin", () => {
    const off = { errMsg: 'requestSubscribeMessage:fail The main switch is switched off', errCode: 20004 }
    expect([requiresUserAction(off), errorKind(off)]).toEqual([true, 'user'])
    expect([isRetriable({ errMsg: 'requestSubscribeMessage:fail:Request list fail', errCode: 10002 }), errorKind({ errMsg: 'requestSubscribeMessage:fail:Request list fail', errCode: 10002 })]).toEqual([true, 'network'])
    const bluetooth = toErrnoError({ errMsg: 'openBluetoothAdapter:fail', errCode: 10004 })
    expect([bluetooth.errno, bluetooth.policy]).toEqual([1500103, getPolicy({ errno: 1500103, errMsg: 'x:fail' })])
    // Another API's own 20004 (not the subscription table's) has no policy.
    expect(toErrnoError({ errMsg: 'playBackgroundAudio:fail', errCode: 20004 }).policy.kind).toBe('none')
    // A reason that decodes to an errno wins over the legacy policy.
    expect(toErrnoError({ errMsg: 'requestSubscribeMessage:fail timeout', errCode: 20001 }).errno).toBe(5)
  })
})

describe('kind: who or what a failure comes from', () => {
  test.each([
    [1, 'cancel'], [103, 'user'], [3, 'user'], [1500102, 'user'], [1505002, 'user'],
    [101, 'developer'], [1001, 'developer'], [1509003, 'developer'],
    [5, 'network'], [600001, 'network'], [600000, 'network'],
    [100, 'system'], [1500105, 'system'], [1504001, 'system'], [4, 'system'],
    [-1, 'unknown'],
  ])('errno %p is %s', (errno, kind) => {
    const error = toErrnoError({ errno, errMsg: 'x:fail' })
    expect(error.kind).toBe(kind)
    expect(errorKind(error)).toBe(kind)
    expect(error.toJSON().kind).toBe(kind)
    expect(errorKind({ errno, errMsg: 'x:fail' })).toBe(kind) // a raw fail object
  })

  test('server, cloud and HTTP answers are the service, unless the policy names the user or the developer', () => {
    expect([-1, 40029, 40001, 40164, 45009].map((errcode) => errorKind(toWxServerError({ errcode })))).toEqual(['service', 'user', 'service', 'developer', 'service'])
    expect([401, 403, 404, 429, 500, 503].map((status) => errorKind(toHttpApiError(status)))).toEqual(['user', 'developer', 'developer', 'service', 'service', 'service'])
    expect(['DATABASE_TIMEOUT', 'DATABASE_COLLECTION_NOT_EXIST'].map((code) => errorKind(toCloudError({ code })))).toEqual(['service', 'developer'])
    // wx.cloud under a network failure keeps the wx kind
    expect(errorKind(toCloudError({ errMsg: 'cloud.callFunction:fail request:fail timeout', errno: 5 }))).toBe('network')
  })
})

describe('truth, third pass', () => {
  const guide = (failure: unknown) => getGuidance(failure, { locale: 'en', platform: 'android', wx: {} })
  test.each([
    ['requestPayment:cancel', 1], ['scanCode:cancel', 1], ['authorize:cancel', 1],
    ['checkSession:fail session time out, please login again', 1014],
    ['getStorage:fail data not found', 1007], ['getStorage:fail:data not found', 1007],
    ['createSocketTask：fail exceed max cocurrent count', 600007],
    ['getLocation:fail 频繁调用会增加电量损耗，可考虑使用wx.onLocationChange监听地理位置变化', 510001],
    ['writeBLECharacteristicValue:fail no device', 1509006],
    ['connectWifi:fail parameter\nerror: parameter.SSID should be String instead of Undefined;', 1001],
    ['uploadFile:fail file not found', 1300002],
    ['saveFile:fail exceeded the maximum size', 1300202],
    ['request:fail 要求逾時。', 5], ['request:fail 似乎已中斷網際網路連線。', 600000],
    ['authorize:fail authorize no response', 104],
    ['downloadFile:fail interrupted', 600003], ['readBLECharacteristicValue:fail interrupted', -1],
    ['startWifi:fail:not support', -1], ['getBLEDeviceServices:fail not supported', -1], ['xxx:fail jsapi not supported', 100],
  ])('%s decodes to errno %p', (errMsg, errno) => {
    expect(toErrnoError({ errMsg }).errno).toBe(errno)
  })

  test('cancels without "fail", and "authorize no response", are cancels: nothing is shown', () => {
    for (const errMsg of ['requestPayment:cancel', 'scanCode:cancel', 'authorize:fail authorize no response']) {
      expect(isCancel(toErrnoError({ errMsg }))).toBe(true)
      expect(guide({ errMsg })).toBeUndefined()
    }
  })

  test('a session time-out means sign in again, not a network time-out', () => {
    const error = toErrnoError({ errMsg: 'checkSession:fail session time out' })
    expect(requiresReauthorization(error)).toBe(true)
    expect(error.kind).toBe('user')
  })

  test('an unrecognised reason in Bluetooth, Wi-Fi, NFC or network APIs is neutral: no retry, no blame', () => {
    for (const errMsg of ['connectWifi:fail something odd', 'openBluetoothAdapter:fail already opened', 'startWifi:fail:not support', 'NFC.connect:fail weird', 'request:fail weird', 'getBLEDeviceServices:fail not supported']) {
      const guidance = guide({ errMsg })!
      expect(guidance.title).toBe('Something went wrong')
      expect(guidance.action).toBeUndefined()
      expect(guidance.content).not.toMatch(/check your|device|connection|network|Bluetooth|Wi-Fi|card/i)
    }
  })

  test('TLS handshake and certificate failures say the service cannot be reached securely, not "check your network"', () => {
    for (const errMsg of ['request:fail ssl hand shake error', 'request:fail An SSL error has occurred and a secure connection to the server cannot be made.', 'request:fail -202:net::ERR_CERT_AUTHORITY_INVALID', 'request:fail ssl version or cipher mismatch']) {
      const guidance = guide({ errMsg })!
      expect(guidance.title).toBe("Can't connect securely")
      expect(guidance.content).toMatch(/isn't a problem with your connection/)
      expect(guidance.action).toBeUndefined()
    }
  })

  test('legacy errCodes with no errno twin get their own meaning, never a retry', () => {
    const cases: Array<[object, string]> = [
      [{ errMsg: 'startWifi:fail:system not support', errCode: 12001 }, 'legacy:12001'],
      [{ errMsg: 'createBLEConnection:fail:invalid_data', errCode: 10013 }, 'legacy:10013'],
      [{ errMsg: 'NFC.transceive:fail', errCode: 13011 }, 'legacy:13011'],
      [{ errMsg: 'startHCE:fail', errCode: 13003 }, 'legacy:13003'],
      [{ errMsg: 'sendHCEMessage:fail', errCode: 13005 }, 'legacy:13005'],
      [{ errMsg: 'NFC.writeNdefMessage:fail parse NdefMessage failed', errno: 1504201 }, 'developer-error'],
    ]
    for (const [failure, source] of cases) {
      const guidance = guide(failure)!
      expect([source, guidance.source, guidance.action]).toEqual([source, source, undefined])
    }
    expect(guide({ errMsg: 'startWifi:fail:system not support', errCode: 12001 })!.title).toBe('Wi-Fi feature unavailable')
    // With its reason, 13011 reads as the parameter error it is: the developer's, and nothing for the user to retry.
    const withReason = toErrnoError({ errMsg: 'NFC.transceive:fail invalid parameter', errCode: 13011 })
    expect([withReason.errno, withReason.kind]).toEqual([1001, 'developer'])
  })

  test('time-outs of getLocation and login offer a retry; storage quota for saveFile; a one-off refusal shows no settings modal', () => {
    for (const errMsg of ['getLocation:fail timeout', 'login:fail timeout']) expect(getGuidance({ errMsg }, { locale: 'en' })).toMatchObject({ action: 'retry', title: 'Timed out' })
    expect(guide({ errMsg: 'saveFile:fail exceeded the maximum size' })!.source).toBe('storage-quota')
    for (const errMsg of ['getUserProfile:fail auth deny', 'getPhoneNumber:fail user deny']) expect(guide({ errMsg })).toBeUndefined()
    expect(guide({ errMsg: 'getLocation:fail auth deny' })!.source).toBe('scope-denied') // a scope the user refused: the settings page can grant it
  })

  test('legacy Bluetooth 10010 and 10011 are gone (no source lists them)', () => {
    const legacy = readData('data/legacy.json')
    expect(legacy.codes.map((c: { errCode: number }) => c.errCode)).not.toEqual(expect.arrayContaining([10010]))
    expect(legacy.codes.map((c: { errCode: number }) => c.errCode)).not.toEqual(expect.arrayContaining([10011]))
  })
})
