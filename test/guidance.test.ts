import * as fs from 'fs'
import * as path from 'path'
import { getGuidance, registerGuidance, setLocale, currentLocale, normalizeLocale, allErrnos, showGuidance, resetGuidanceState, runGuidanceAction, createWxp, ErrnoError } from '../src/index'
import { createFakeWx } from '../src/testing/index'

const data = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../data/guidance.json'), 'utf8'))
// zh_TW is opencc twp plus the reviewed Taiwan glossary (data/zh_TW-glossary.json), as the generator makes it.
const { toTraditional } = require('../scripts/generate.js')
const CJK = /[\u3400-\u9fff]/
const LOCALES = ['zh_CN', 'zh_TW', 'en'] as const

/** The codes the issue lists as ones an end user can act on. */
const inRange = (lo: number, hi: number) => allErrnos().filter((e) => e >= lo && e <= hi)
const USER_FACING = [
  ...inRange(1500101, 1500105), ...inRange(1509000, 1509010), 1510101, 1510102,
  ...inRange(1504001, 1504210), ...inRange(1505000, 1505040),
  3, 102, 103, 112, ...inRange(101100, 101102), 1504200, 2003001, 2003002, 1107002, 1107013,
  ...inRange(600000, 600011), ...inRange(602000, 602302), 1300202,
  700000, 700001, 701000, 701001, 701002, 701100, 701102, 701106, 701110, 701113, 701115, 702007,
  ...inRange(2000002, 2000004), 2002004,
].filter((e) => !(String(e) in data.noGuidance))

describe('guidance data', () => {
  test('every user-facing code of the issue has its own entry', () => {
    expect(USER_FACING.length).toBeGreaterThan(100)
    const missing = USER_FACING.filter((errno) => !data.codes[String(errno)])
    expect(missing).toEqual([])
  })

  test.each(Object.entries(data.templates) as Array<[string, any]>)('%s: written zh_CN and en, Traditional zh_TW, a manual path where the action can be missing', (id, template) => {
    for (const field of ['title', 'content', 'confirmText']) {
      expect(template.zh_CN[field]).toMatch(CJK)
      expect(template.en[field].length).toBeGreaterThan(1)
      expect(template.en[field]).not.toMatch(CJK)
    }
    if (template.action && template.action !== 'retry') expect(template.manual).toBeDefined()
    for (const locale of LOCALES) {
      const guidance = getGuidance(Number(Object.keys(data.codes).find((c) => data.codes[c] === id) || 0), { locale, platform: 'android', wx: createFakeWx() })
      if (!guidance) continue
      expect(guidance.locale).toBe(locale)
      if (locale === 'zh_TW') expect(guidance.title).toBe(toTraditional(template.zh_CN.title))
    }
  })

  test('zh_TW is Traditional: 藍牙, not 蓝牙; 設定, not 设置', () => {
    const tw = getGuidance(1500102, { locale: 'zh_TW', platform: 'ios' })!
    expect(tw.title).toContain('藍牙')
    expect(tw.content).toContain('設定')
    expect(tw.content).not.toMatch(/蓝牙|设置/)
  })

  test('guidance is end-user text, never the developer meaning', () => {
    const { lookupErrno } = require('../src/index')
    for (const errno of USER_FACING) {
      for (const locale of LOCALES) {
        const guidance = getGuidance(errno, { locale, platform: 'android', wx: createFakeWx() })!
        expect(guidance.content).not.toBe(lookupErrno(errno).message[locale])
        expect(guidance.content).not.toMatch(/errMsg|errno|jsapi/i)
      }
    }
  })

  test('every action is a wx API (type-checked in test/types) or retry', () => {
    for (const action of Object.keys(data.actions)) expect(['openSystemBluetoothSetting', 'openAppAuthorizeSetting', 'openSetting', 'requirePrivacyAuthorize', 'updateWeChatApp', 'retry']).toContain(action)
  })
})

describe('getGuidance', () => {
  afterEach(() => setLocale(undefined))

  test('1500102: Android opens the Bluetooth setting; iOS and old base libraries get the manual path', () => {
    expect(getGuidance(1500102, { locale: 'zh_CN', platform: 'android' })).toMatchObject({ action: 'openSystemBluetoothSetting', showCancel: true, title: '蓝牙未开启' })
    const ios = getGuidance(1500102, { locale: 'zh_CN', platform: 'ios' })!
    expect(ios).toMatchObject({ showCancel: false, confirmText: '知道了' })
    expect(ios.action).toBeUndefined()
    expect(ios.content).toContain('「设置」›「蓝牙」')
    const old = getGuidance(1500102, { locale: 'en', wx: createFakeWx({ SDKVersion: '2.10.0' }) })!
    expect(old.action).toBeUndefined()
    expect(old.content).toMatch(/Swipe down|Settings › Bluetooth/)
    const missing = getGuidance(1500102, { locale: 'en', wx: createFakeWx({ missing: ['openSystemBluetoothSetting'] }) })!
    expect(missing.action).toBeUndefined()
  })

  test('iOS adapter state: 3 (WeChat may not use Bluetooth) asks for the permission, 2 says unsupported, 4 is the usual "Bluetooth is off"', async () => {
    const denied = createFakeWx({ platform: 'ios', state: { systemPermission: false } })
    const failure = await createWxp(denied).openBluetoothAdapter().catch((e: unknown) => e) as ErrnoError
    expect(failure).toMatchObject({ errno: 1500102, cause: { state: 3 } })
    const guidance = getGuidance(failure, { locale: 'zh_CN', wx: denied })!
    expect(guidance).toMatchObject({ title: '需要蓝牙权限', action: 'openAppAuthorizeSetting', source: 'state:3', showCancel: true })
    expect(getGuidance(failure, { locale: 'zh_TW', wx: denied })!.title).toBe(toTraditional('需要蓝牙权限'))
    expect(getGuidance(failure, { locale: 'en', wx: denied })!.content).toBe('Allow WeChat to use Bluetooth, then try again.')
    const legacy = { errMsg: 'openBluetoothAdapter:fail:not available', errCode: 10001, state: 3 } // no errno: an older base library
    expect(getGuidance(legacy, { locale: 'en', platform: 'ios' })!.title).toBe('Bluetooth permission needed')
    expect(getGuidance({ errMsg: 'openBluetoothAdapter:fail:not available', errno: 1500102, state: 2 }, { locale: 'en' })!.title).toBe('Bluetooth not supported')
    const off = await createWxp(createFakeWx({ platform: 'ios', state: { bluetooth: 'off' } })).openBluetoothAdapter().catch((e: unknown) => e) as ErrnoError
    expect(off.cause).toMatchObject({ state: 4 })
    expect(getGuidance(off, { locale: 'en', platform: 'ios' })!.title).toBe('Bluetooth is off')
    expect(getGuidance({ errno: 1500102, errMsg: 'x', state: '3' }, { locale: 'en' })!.title).toBe('Bluetooth is off') // only a number counts
  })

  test('app permission (openAppAuthorizeSetting) and scopes (openSetting)', () => {
    expect(getGuidance(1505004, { locale: 'en', wx: createFakeWx() })!.action).toBe('openAppAuthorizeSetting')
    expect(getGuidance({ errMsg: 'getLocation:fail auth deny' }, { locale: 'en', wx: createFakeWx() })!.action).toBe('openSetting')
    const manual = getGuidance(103, { locale: 'en', wx: createFakeWx({ missing: ['openSetting'] }) })!
    expect(manual.content).toMatch(/Tap ··· at the top right/)
  })

  test('fallbacks: category, legacy table, API name; nothing for cancel or unknown codes', () => {
    expect(getGuidance({ errno: 1509099 }, { locale: 'en' })!.source).toBe('category:device.ble')
    expect(getGuidance({ errCode: 12001, errMsg: 'startWifi:fail:system not support' }, { locale: 'en' })!.source).toBe('legacy:12001')
    expect(getGuidance({ errCode: 12002, errMsg: 'connectWifi:fail:password error' }, { locale: 'en' })!.source).toMatch(/^(legacy:wifi|1505|wifi)/)
    // An unrecognised reason in a family's API is neutral: no device advice, no retry.
    const unknown = getGuidance({ errMsg: 'getBluetoothDevices:fail something new' }, { locale: 'en' })!
    expect(unknown).toMatchObject({ source: 'unknown:getBluetoothDevices', title: 'Something went wrong', confirmText: 'OK', showCancel: false })
    expect(unknown.action).toBeUndefined()
    expect(unknown.content).not.toMatch(/Bluetooth|device|connection|network/i)
    expect(getGuidance({ errMsg: 'chooseImage:fail cancel' })).toBeUndefined()
    expect(getGuidance({ errno: 1509007 })).toBeUndefined()
    expect(getGuidance({ errMsg: 'navigateTo:fail page not found' })).toBeUndefined()
  })

  test("the download category's network text is not put on failures the connection did not cause", () => {
    for (const errno of [603101, 603102]) expect(getGuidance({ errno, errMsg: 'x:fail' }, { locale: 'en' })).toBeUndefined() // a platform's missing feature
    // what only the server can change: no retry button, no "check your internet connection"
    for (const errno of [602302, 603302]) {
      const g = getGuidance({ errno, errMsg: 'downloadFile:fail' }, { locale: 'en' })!
      expect(g).toMatchObject({ source: 'network-config', showCancel: false })
      expect(g.action).toBeUndefined()
    }
    // the downloaded file could not be saved: neutral, not the connection
    expect(getGuidance({ errno: 603300, errMsg: 'downloadFile:fail download save file error' }, { locale: 'en' })!.source).toBe('unknown-neutral')
    for (const errno of [602302, 603300, 603302]) expect(getGuidance({ errno }, { locale: 'en' })!.content).not.toMatch(/internet connection/)
  })

  test('locale: setLocale wins, then getAppBaseInfo, then getSystemInfoSync; zh_HK reads zh_TW; others read en', () => {
    expect(normalizeLocale('zh_HK')).toBe('zh_TW')
    expect(normalizeLocale('zh-TW')).toBe('zh_TW')
    expect(normalizeLocale('zh_CN')).toBe('zh_CN')
    expect(normalizeLocale('fr')).toBe('en')
    expect(normalizeLocale(undefined)).toBe('en')
    expect(currentLocale(createFakeWx({ language: 'zh_HK' }))).toBe('zh_TW')
    expect(currentLocale({ getSystemInfoSync: () => ({ language: 'zh_CN' }) })).toBe('zh_CN')
    expect(currentLocale({ getAppBaseInfo: () => { throw new Error('old') }, getSystemInfoSync: () => ({ language: 'en' }) })).toBe('en')
    expect(getGuidance(1505002, { wx: createFakeWx({ language: 'zh_HK' }) })!.title).toBe('Wi-Fi未開啟')
    setLocale('en')
    expect(getGuidance(1505002, { wx: createFakeWx({ language: 'zh_CN' }) })!.title).toBe('Wi-Fi is off')
  })

  test('registerGuidance overrides texts and the action, and can be removed', () => {
    const remove = registerGuidance(1500102, { en: { title: 'Bluetooth needed', content: 'Please switch Bluetooth on.' }, action: 'retry' })
    expect(getGuidance(1500102, { locale: 'en', platform: 'android' })).toMatchObject({ title: 'Bluetooth needed', content: 'Please switch Bluetooth on.', action: 'retry', source: 'registered' })
    expect(getGuidance(1500102, { locale: 'zh_CN', platform: 'android' })!.title).toBe('蓝牙未开启') // other locales keep the built-in text
    remove()
    expect(getGuidance(1500102, { locale: 'en', platform: 'android' })!.title).toBe('Bluetooth is off')
    const added = registerGuidance(1007, { en: { title: 'Not found', content: 'That item no longer exists.' } })
    expect(getGuidance(1007, { locale: 'en' })).toMatchObject({ title: 'Not found', confirmText: 'OK' })
    added()
    expect(getGuidance(1007, { locale: 'en' })).toBeUndefined()
  })
})

describe('showGuidance and runGuidanceAction', () => {
  beforeEach(() => resetGuidanceState())

  test('confirm runs the action and reports it; cancel runs nothing', async () => {
    const fake = createFakeWx()
    const cancelling = createFakeWx({ modal: 'cancel' }) // made first: every createFakeWx() starts with fresh guidance state
    expect(await showGuidance({ errno: 1505004 }, { wx: fake })).toMatchObject({ shown: true, confirmed: true, action: 'openAppAuthorizeSetting', actionResult: 'ok' })
    expect(fake.callsOf('openAppAuthorizeSetting')).toHaveLength(1)
    expect(await showGuidance({ errno: 1505004 }, { wx: cancelling })).toMatchObject({ shown: false, reason: 'quiet' }) // the same errno just closed
    resetGuidanceState()
    expect(await showGuidance({ errno: 1505004 }, { wx: cancelling })).toMatchObject({ shown: true, confirmed: false })
    expect(cancelling.callsOf('openAppAuthorizeSetting')).toHaveLength(0)
  })

  test('retry calls onRetry; a failing onRetry is reported, not thrown', async () => {
    let retried = 0
    expect(await showGuidance({ errno: 1505002 }, { wx: createFakeWx(), onRetry: () => { retried++ } })).toMatchObject({ action: 'retry', actionResult: 'ok' })
    expect(retried).toBe(1)
    resetGuidanceState()
    const failed = await showGuidance({ errno: 1505002 }, { wx: createFakeWx(), onRetry: () => Promise.reject({ errno: 1505002 }) })
    expect(failed).toMatchObject({ actionResult: 'failed', error: { errno: 1505002 } })
    resetGuidanceState()
    // Without onRetry there is nothing to run: the button is OK, not "Try again".
    const fake = createFakeWx()
    const plain = await showGuidance({ errno: 1505002 }, { wx: fake, locale: 'en' })
    expect(plain).toMatchObject({ shown: true, confirmed: true })
    expect(plain.action).toBeUndefined()
    expect(fake.callsOf('showModal')[0].options).toMatchObject({ confirmText: 'OK', showCancel: false })
  })

  test('the quiet period is configurable; different errnos queue instead of stacking', async () => {
    const fake = createFakeWx({ modal: 'cancel' })
    await showGuidance({ errno: 1505002 }, { wx: fake, quietMs: 0 })
    await showGuidance({ errno: 1505002 }, { wx: fake, quietMs: 0 })
    expect(fake.callsOf('showModal')).toHaveLength(2)
    resetGuidanceState()
    let open = 0
    let most = 0
    const slow = createFakeWx({ modal: (o) => { open++; most = Math.max(most, open); setTimeout(() => open--, 0); return { confirm: false } }, timing: 'macrotask' }) // a modal closes just before its answer arrives
    await Promise.all([1500102, 1505002, 1504003].map((errno) => showGuidance({ errno }, { wx: slow })))
    expect(slow.callsOf('showModal')).toHaveLength(3)
    expect(most).toBe(1)
  })

  test('modal failure is reported; no guidance and no showModal resolve shown: false', async () => {
    expect(await showGuidance({ errno: 1505002 }, { wx: createFakeWx({ modal: 'fail' }) })).toMatchObject({ shown: false, reason: 'modal-failed' })
    expect(await showGuidance({ errno: 1007 }, { wx: createFakeWx() })).toMatchObject({ shown: false, reason: 'no-guidance' })
    expect(await showGuidance(undefined)).toMatchObject({ shown: false })
  })

  test('runGuidanceAction reports a missing API as errno 100', async () => {
    expect(await runGuidanceAction('openSystemBluetoothSetting', { wx: {} })).toMatchObject({ actionResult: 'failed', error: { errno: 100 } })
    expect(await runGuidanceAction('openSetting', { wx: createFakeWx() })).toEqual({ actionResult: 'ok' })
  })
})

// Literal, reviewed zh_TW guidance (not recomputed with the generator's converter).
describe('zh_TW guidance, literal', () => {
  test.each([
    [1500102, '藍牙未開啟', '請開啟手機藍牙，並允許微信使用藍牙，然後重試。', '去開啟'],
    [1505002, 'Wi-Fi未開啟', '請在手機設定中開啟Wi-Fi，然後重試。', '重試'],
    [103, '需要你的授權', '你沒有授權該功能，請在設定中開啟後重試。', '去設定'],
  ])('errno %i on Android', (errno, title, content, confirmText) => {
    expect(getGuidance(errno, { locale: 'zh_TW', platform: 'android' })).toMatchObject({ title, content, confirmText })
  })
})

describe('subscription messages (requestSubscribeMessage errCodes, miniprogram-api-typings)', () => {
  beforeEach(() => resetGuidanceState())
  const en = () => ({ locale: 'en' as const, platform: 'android', wx: createFakeWx() })

  test('20004, the main switch off, opens the settings page from the modal, with or without the errCode', async () => {
    for (const failure of [
      { errMsg: 'requestSubscribeMessage:fail The main switch is switched off', errCode: 20004 },
      { errMsg: 'requestSubscribeMessage:fail The main switch is switched off' },
    ]) {
      const guidance = getGuidance(failure, en())!
      expect(guidance).toMatchObject({ title: 'Notifications are off', confirmText: 'Settings', action: 'openSetting' })
      resetGuidanceState()
      const fake = createFakeWx()
      expect(await showGuidance(failure, { wx: fake, locale: 'zh_CN' })).toMatchObject({ shown: true, action: 'openSetting', actionResult: 'ok' })
      expect(fake.callsOf('openSetting')).toHaveLength(1)
    }
  })

  test('10001-10005, numbers the Bluetooth table also has: network problems get the network text, a panel the app left nothing', () => {
    expect(getGuidance({ errMsg: 'requestSubscribeMessage:fail Request list fail', errCode: 10002 }, en())!.source).toBe('legacy:10002')
    expect(getGuidance({ errMsg: 'requestSubscribeMessage:fail Request subscribe fail', errCode: 10003 }, en())!.title).toBe('Network problem')
    expect(getGuidance({ errMsg: 'requestSubscribeMessage:fail Cannot show subscribe message UI', errCode: 10005 }, en())).toBeUndefined()
    // The same number from a Bluetooth API is still the Bluetooth code.
    expect(getGuidance({ errMsg: 'createBLEConnection:fail no device', errCode: 10002 }, en())!.source).toBe('bluetooth-device-not-found')
  })

  test("the template mistakes show the neutral text, a banned mini program the developer's, and no device table claims them", () => {
    for (const errCode of [20001, 20002, 20003, 20013])
      expect(getGuidance({ errMsg: 'requestSubscribeMessage:fail', errCode }, en())!.source).toBe('legacy:' + errCode)
    expect(getGuidance({ errMsg: 'requestSubscribeMessage:fail', errCode: 20005 }, en())!.title).toBe('Feature unavailable')
    // The same number from another API is not a subscription code.
    expect(getGuidance({ errMsg: 'createBLEConnection:fail', errCode: 20004 }, en())!.source).toBe('unknown:createBLEConnection')
  })
})

describe('SOTER biometric authentication (wx.startSoterAuthentication errCodes)', () => {
  const en = () => ({ locale: 'en' as const, platform: 'ios', wx: createFakeWx() })
  const soter = (errCode: number, reason = '') => ({ errMsg: 'startSoterAuthentication:fail' + reason, errCode })

  test("each code gets the advice that can help: try again, wait, enrol, or nothing for a cancel", () => {
    expect(getGuidance(soter(90009), en())).toMatchObject({ title: "Couldn't verify you", action: 'retry' })
    expect(getGuidance(soter(90010), en())).toMatchObject({ title: 'Too many attempts', showCancel: false })
    expect(getGuidance(soter(90010), en())!.action).toBeUndefined() // trying again at once cannot help
    expect(getGuidance(soter(90011), en())).toMatchObject({ title: 'Fingerprint or face not set up' })
    expect(getGuidance(soter(90001), en())!.source).toBe('legacy:90001')
    expect(getGuidance(soter(90008), en())).toBeUndefined() // errno 1, the user's cancel
    expect(getGuidance(soter(90002), en())).toBeUndefined() // no source says what the user can do
    expect(getGuidance(soter(90004), en())!.source).toBe('legacy:90004') // the calling code's: neutral text
  })

  test('zh_TW uses the Taiwan terms for the lock-screen passcode and face unlock', () => {
    const zhTW = { locale: 'zh_TW' as const, platform: 'android', wx: createFakeWx() }
    expect(getGuidance(soter(90010), zhTW)!.content).toContain('螢幕鎖定密碼')
    expect(getGuidance(soter(90011), zhTW)!.content).toBe('請先在手機設定中新增指紋或臉部，然後重試。')
  })
})
