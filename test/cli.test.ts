import * as path from 'path'
import { spawnSync } from 'child_process'
import fc from 'fast-check'
import { runCli } from '../src/cli/index'

function run(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('miniprogram-errno CLI', () => {
  test('explain 1505002: Wi-Fi off in three languages, with guidance and policy', () => {
    const { code, out } = run('explain', '1505002')
    expect(code).toBe(0)
    expect(out).toContain('WIFI_DISABLED')
    expect(out).toContain('系统WiFi开关未开启')
    expect(out).toContain('系統WiFi開關未開啟')
    expect(out).toContain('Wi-Fi is turned off')
    expect(out).toMatch(/policy\s+user/)
    expect(out).toMatch(/guidance\s+\[en\] Wi-Fi is off/)
  })

  test('explain reads an errMsg and a legacy errCode', () => {
    expect(run('explain', 'openBluetoothAdapter:fail:not available').out).toMatch(/api\s+openBluetoothAdapter/)
    const legacy = run('explain', '10001')
    expect(legacy.out).toContain('errno 1500102')
    expect(legacy.out).toContain('Bluetooth/BLE errCode table')
    expect(run('explain', '13003').out).toContain('no errno equivalent')
  })

  test('explain reads a failure pasted as JSON: a wx failure, a server answer, a cloud failure', () => {
    const wx = run('explain', '{"errMsg":"connectWifi:fail:wifi not turned on"}', '--lang', 'en')
    expect([wx.code, wx.out]).toEqual([0, expect.stringContaining('errno 1505002 WIFI_DISABLED')])
    expect(run('explain', '{"errMsg":"openBluetoothAdapter:fail:not available","errCode":10001}').out).toContain('errno 1500102')
    const server = run('explain', '{"errcode":47003,"errmsg":"argument invalid! data.thing3.value is emtpy"}', '--lang', 'en')
    expect(server.out).toMatch(/^WeChat server errcode 47003 ARGUMENT_INVALID/)
    expect(server.out).toMatch(/policy\s+fix — The request must be fixed/)
    const cloud = run('explain', '{"errCode":-502005,"errMsg":"errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist"}')
    expect(cloud.out).toMatch(/^cloud development code DATABASE_COLLECTION_NOT_EXIST/)
    expect(run('explain', '{"code":"DATABASE_TIMEOUT","message":"x"}').out).toMatch(/^cloud development code DATABASE_TIMEOUT/)
    expect(JSON.parse(run('explain', '{"errcode":41030,"errmsg":"invalid page"}', '--json').out)).toMatchObject({ code: '41030', name: 'INVALID_PAGE' })
    expect(run('explain', '{"errcode":"40001","errmsg":"invalid credential"}').out).toMatch(/^WeChat server errcode 40001/)
    // this library's own JSON, as the realtime log holds it: an HTTP error too
    expect(run('explain', '{"name":"HttpApiError","statusCode":503,"message":"HTTP 503"}', '--lang', 'en').out).toMatch(/^HTTP status 503/)
    for (const bad of ['{"errMsg":', '{}x', '{"a":1'])
      expect(run('explain', bad)).toMatchObject({ code: 2, err: expect.stringContaining('is not JSON') })
  })

  test('explain answers any JSON object pasted to it (exit 0 with a result), never throws', () => {
    const value = fc.oneof(fc.string(), fc.integer({ min: -700000, max: 9999999 }), fc.double(), fc.boolean(), fc.constant(null))
    const failure = fc.dictionary(
      fc.constantFrom('errMsg', 'errCode', 'errno', 'errcode', 'errmsg', 'code', 'message', 'requestId', '__proto__', 'cause'),
      fc.oneof(value, fc.array(value, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 3 })),
    )
    fc.assert(
      fc.property(failure, fc.boolean(), (object, json) => {
        const result = run('explain', JSON.stringify(object), ...(json ? ['--json'] : []))
        expect(result.code).toBe(0)
        expect(result.out.length).toBeGreaterThan(0)
      }),
      { numRuns: 300 },
    )
  })

  test('--lang and --json', () => {
    const zh = run('explain', '1500102', '--lang', 'zh_TW').out
    expect(zh).toContain('藍牙')
    expect(zh).not.toContain('The Bluetooth adapter')
    const json = JSON.parse(run('explain', '1500102', '--json').out)
    expect(json).toMatchObject({ errno: 1500102, name: 'BLUETOOTH_ADAPTER_UNAVAILABLE', first: 15, second: 0, specific: 102, policy: { kind: 'user' } })
    expect(json.meaning.zh_CN).toBe('当前蓝牙适配器不可用')
  })

  test('search finds codes by words in any language', () => {
    expect(run('search', '蓝牙', '--lang', 'zh_CN').out).toContain('1500102')
    expect(run('search', 'password').out).toContain('1505024')
    expect(run('search', '藍牙').out).toContain('1500102')
    expect(run('search', 'no-such-words-anywhere').code).toBe(1)
  })

  test.each([
    [['explain', 'banana'], /cannot read 'banana'/],
    [['explain', '12345678901'], /cannot read/],
    [['explain'], /needs an errno/],
    [['explain', '5', '--lang', 'fr'], /--lang takes zh_CN, zh_TW or en/],
    [['frobnicate'], /unknown command/],
  ])('%p: exit 2 with a one-line reason', (argv, reason) => {
    const { code, err } = run(...(argv as string[]))
    expect(code).toBe(2)
    expect(err).toMatch(reason)
    expect(err.split('\n')).toHaveLength(1)
  })
})

describe('miniprogram-errno CLI beyond wx', () => {
  test('explain a WeChat server errcode: meaning, cause, fix, policy, guidance', () => {
    const { code, out } = run('explain', '40163', '--lang', 'en')
    expect(code).toBe(0)
    expect(out).toContain('WeChat server errcode 40163 CODE_USED')
    expect(out).toMatch(/cause en\s+A code is single-use/)
    expect(out).toMatch(/policy\s+reauth/)
  })
  test('explain a cloud code; numbers that are errnos or legacy codes stay wx', () => {
    expect(run('explain', 'SERVICE_NOT_READY').out).toMatch(/cloud development code SERVICE_NOT_READY hosting[\s\S]*policy\s+retry/)
    expect(run('explain', '10001').out).toContain('errno 1500102')
  })
})

describe('explain says who a failure comes from (kind)', () => {
  test.each([
    ['1001', 'developer'], ['1500102', 'user'], ['600001', 'network'], ['1', 'cancel'], ['40001', 'service'], ['DATABASE_COLLECTION_NOT_EXIST', 'developer'],
  ])('%s: %s', (code, kind) => {
    const { code: exit, out } = run('explain', code, '--lang', 'en')
    expect(exit).toBe(0)
    expect(out).toMatch(new RegExp('^  kind       ' + kind + ' \\(', 'm'))
    expect(JSON.parse(run('explain', code, '--json').out).blame).toBe(kind)
  })
})

describe('CLI, third pass', () => {
  test('search 蓝牙 finds the BLE codes (低功耗蓝牙); search BLE matches words, not the "ble" of "available"', () => {
    const chinese = JSON.parse(run('search', '蓝牙', '--json').out).map((h: { errno: number }) => h.errno)
    expect(chinese).toEqual(expect.arrayContaining([1509001, 1500102]))
    const ble = JSON.parse(run('search', 'BLE', '--json').out).map((h: { errno: number }) => h.errno)
    expect(ble.length).toBeGreaterThan(3)
    expect(ble).not.toContain(1500102) // "Bluetooth adapter is not available": no word BLE
    expect(ble.every((e: number) => String(e).startsWith('150'))).toBe(true)
  })

  test('explain --platform ios|android gives the guidance of that platform', () => {
    const android = run('explain', '1500102', '--lang', 'en', '--platform', 'android').out
    const ios = run('explain', '1500102', '--lang', 'en', '--platform', 'ios').out
    expect(android).toMatch(/openSystemBluetoothSetting/)
    expect(ios).not.toMatch(/openSystemBluetoothSetting/)
    expect(run('explain', '1', '--platform', 'web').code).toBe(2)
  })

  test('requestPayment:fail cancel reads 取消, not 撤销', () => {
    const out = run('explain', 'requestPayment:fail cancel', '--lang', 'zh_CN').out
    expect(out).toMatch(/取消/)
    expect(out).not.toMatch(/撤销/)
  })

  test('no arguments prints the usage on stderr and exits 2', () => {
    const { code, out, err } = run()
    expect(code).toBe(2)
    expect(out).toBe('')
    expect(err).toMatch(/^usage: miniprogram-errno explain/)
  })
})

describe('the command line (util.parseArgs)', () => {
  const { parseCommandLine } = require('../src/cli/args')
  test('a negative code is a word, options go anywhere, unknown options stay words', () => {
    expect(parseCommandLine(['explain', '-502005', '--lang', 'en', '--json'])).toEqual({ values: { lang: 'en', json: true }, rest: ['explain', '-502005'] })
    expect(parseCommandLine(['--platform', 'ios', 'explain', '-1'])).toEqual({ values: { platform: 'ios' }, rest: ['explain', '-1'] })
    expect(parseCommandLine(['--version'])).toEqual({ values: {}, rest: ['--version'] })
    expect(parseCommandLine(['report', 'log.json', '--out'])).toEqual({ values: { out: '' }, rest: ['report', 'log.json'] })
  })
})
