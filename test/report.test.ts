// The failure report (src/cli/report*.ts): reading the realtime-log search API's answer, the reporter's entries and
// JSON lines; counting; the HTML page (charts inlined, log text never HTML). The page in a browser, on a generated
// log of 100,000 failures: test/dist/browser.test.ts.
import fc from 'fast-check'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { collect, buildReport } from '../src/cli/report'
import { errorFromJSON as decodeLogged } from '../src/index'
import type { FailureRecord } from '../src/cli/report'
import { renderReport } from '../src/cli/report-html'
import { readRecords } from '../src/cli/report-command'
import { runCli } from '../src/cli/index'
import { toErrnoError, toWxServerError, toCloudError, toHttpApiError } from '../src/index'

const entry = (error: { toJSON(): unknown }) => JSON.stringify(error.toJSON())
const bluetooth = toErrnoError({ errMsg: 'openBluetoothAdapter:fail:not available', errCode: 10001, errno: 1500102 })

// The search API's answer (fields as WxaApiUserLogSearchResponse of SKIT.FlurlHttpClient.Wechat has them).
const page = {
  errcode: 0,
  errmsg: 'ok',
  data: {
    total: 3,
    list: [
      {
        level: 8, platform: 2, libraryVersion: '3.7.12', clientVersion: '8.0.50', id: 'o1', traceid: 't1',
        url: 'pages/index/index', filterMsg: 'miniprogram-errno1500102', timestamp: 1764547200,
        msg: [
          { time: 1764547200, level: 8, msg: ['[miniprogram-errno]', entry(bluetooth)] },
          { time: 1764547260, level: 2, msg: ['page shown'] },
        ],
      },
      {
        level: 4, platform: 1, libraryVersion: '3.6.6', timestamp: 1764550800,
        msg: [{ time: 1764550800, level: 4, msg: ['getLocation:fail auth deny'] }],
      },
    ],
  },
}

function records(value: unknown): FailureRecord[] {
  const out: FailureRecord[] = []
  collect(value, (r) => out.push(r))
  return out
}

describe('reading', () => {
  test('a search API page: the reporter entry after its marker, an errMsg line, and nothing from other lines', () => {
    const read = records(page)
    expect(read).toHaveLength(2)
    expect(read[0]).toMatchObject({ platform: 'platform 2', version: '3.7.12', time: 1764547200000 })
    expect(decodeLogged(read[0].failure)).toMatchObject({ name: 'ErrnoError', errno: 1500102 })
    expect(decodeLogged(read[1].failure)).toMatchObject({ errno: 103 })
  })

  test('an array of pages, the list alone, and entries with their own time and platform', () => {
    expect(records([page, page])).toHaveLength(4)
    expect(records(page.data.list)).toHaveLength(2)
    const own = records([{ time: 1764547200000, platform: 'ios', SDKVersion: '3.7.0', entry: bluetooth.toJSON() }])
    expect(own[0]).toMatchObject({ platform: 'ios', version: '3.7.0', time: 1764547200000 })
  })

  test('every class of the library round-trips through its toJSON()', () => {
    expect(decodeLogged(JSON.parse(entry(toWxServerError({ errcode: 40029, errmsg: 'invalid code' })!)))).toMatchObject({ name: 'WxServerError', errcode: 40029 })
    expect(decodeLogged(JSON.parse(entry(toCloudError({ code: 'DATABASE_TIMEOUT' }))))).toMatchObject({ name: 'CloudError', code: 'DATABASE_TIMEOUT' })
    expect(decodeLogged(JSON.parse(entry(toHttpApiError(503)!)))).toMatchObject({ name: 'HttpApiError', statusCode: 503 })
  })

  test('JSON lines, with lines that are not JSON skipped and said so', () => {
    const errs: string[] = []
    const text = [JSON.stringify(page), 'garbage', JSON.stringify({ entry: entry(bluetooth) })].join('\n')
    expect(readRecords(text, { out: () => undefined, err: (l) => errs.push(l) })).toHaveLength(3)
    expect(errs.join()).toMatch(/1 lines were not JSON/)
  })

  test('hostile values are read without throwing', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(() => records([null, 1, 'x', { msg: [null, { msg: [proxy] }] }, { data: { list: [proxy] } }])).not.toThrow()
  })
})

describe('counting', () => {
  test('by code, family, kind, platform, base library and hour', () => {
    const report = buildReport(records([page, page]), 'log.json')
    expect(report.total).toBe(4)
    expect(report.byCode.map((c) => [c.key, c.count])).toEqual([['errno 103', 2], ['errno 1500102', 2]])
    expect(report.byKind).toEqual([{ key: 'user', count: 4 }])
    expect(report.byPlatform).toEqual([{ key: 'platform 1', count: 2 }, { key: 'platform 2', count: 2 }])
    expect(report.bucket).toBe('hour')
    expect(report.overTime).toEqual([{ key: '2025-12-01 08:00', count: 2 }, { key: '2025-12-01 09:00', count: 2 }])
    const top = report.byCode.find((c) => c.key === 'errno 1500102')!
    expect(top.family).toBe('Device')
    expect(top.details.guidance.android.en!.action).toBe('openSystemBluetoothSetting')
  })

  test('an unknown errno whose reason says what went wrong has a row of its own, with its kind; other unknowns share errno -1', () => {
    const failures = [
      'requestSubscribeMessage:fail can only be invoked by user TAP gesture.',
      'openSetting:fail can only be invoked by user TAP gesture.',
      'navigateTo:fail page "pages/a/a" is not found',
      'getPhoneNumber:fail:user deny',
      'navigateTo:fail something new',
      'request:fail something else',
    ]
    const report = buildReport(failures.map((failure) => ({ failure: JSON.parse(entry(toErrnoError(failure))) })), 'log.json')
    expect(report.byCode.map((c) => [c.key, c.count])).toEqual([
      ['errno -1', 2],
      ['errno -1 · a tap-only API called outside a tap', 2],
      ['errno -1 · a page not in app.json', 1],
      ['errno -1 · the phone number refused', 1],
    ])
    expect(report.byKind).toEqual([{ key: 'developer', count: 3 }, { key: 'unknown', count: 2 }, { key: 'cancel', count: 1 }])
  })

  test('progress is told every 10,000 failures', () => {
    const many = Array.from({ length: 25000 }, () => ({ failure: 'request:fail timeout' }))
    const told: number[] = []
    buildReport(many, 'x', (done) => told.push(done))
    expect(told).toEqual([10000, 20000, 25000])
  })
})

describe('the page', () => {
  test('log text is data, never HTML: a code with markup cannot close the script or add elements', () => {
    const hostile = { name: 'CloudError', code: '</script><img src=x onerror=alert(1)>', errMsg: '<b>x</b>' }
    const html = renderReport(buildReport([{ failure: hostile }], '<i>log</i>.json'), 'en', '/* chart */')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<i>log')
    expect(html.match(/<\/script>/g)).toHaveLength(3)
  })

  test('`miniprogram-errno report` writes one self-contained HTML file with Chart.js inlined', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'))
    const input = path.join(dir, 'log.json')
    fs.writeFileSync(input, JSON.stringify(page))
    const out: string[] = []
    const err: string[] = []
    expect(runCli(['report', input, '--lang', 'zh_CN'], { out: (l) => out.push(l), err: (l) => err.push(l) })).toBe(0)
    const html = fs.readFileSync(path.join(dir, 'log.report.html'), 'utf8')
    expect(html).toContain('Chart.js v4')
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/)
    expect(out[0]).toMatch(/log\.report\.html: 2 failures/)
    expect(runCli(['report'], { out: () => undefined, err: (l) => err.push(l) })).toBe(2)
    expect(runCli(['report', path.join(dir, 'missing.json')], { out: () => undefined, err: (l) => err.push(l) })).toBe(2)
    fs.writeFileSync(input, '{"nothing": true}')
    expect(runCli(['report', input], { out: () => undefined, err: (l) => err.push(l) })).toBe(1)
  })
})

describe('hostile logs', () => {
  test('a huge code, platform and version are cut in the counts and the page', () => {
    const huge = 'X'.repeat(100000)
    const report = buildReport(
      [{ failure: { name: 'CloudError', code: 'A_' + huge }, platform: huge, version: huge }],
      'log.json',
    )
    expect(report.byCode[0].label.length).toBeLessThanOrEqual(120)
    expect(report.byPlatform[0].key.length).toBeLessThanOrEqual(120)
    expect(renderReport(report, 'en', '').length).toBeLessThan(20000)
  })

  test('deeply nested JSON and __proto__ keys are read without harm', () => {
    let deep: unknown = { errMsg: 'request:fail timeout' }
    for (let i = 0; i < 100000; i++) deep = [deep]
    expect(() => records(deep)).not.toThrow()
    const polluted = JSON.parse('{"__proto__": {"polluted": true}, "entry": {"errMsg": "request:fail timeout"}}')
    expect(records([polluted])).toHaveLength(1)
    expect(({} as any).polluted).toBeUndefined()
  })
})

describe('errorFromJSON', () => {
  test("a WxServerError's JSON without errcode is read from its body; anything unreadable is an ErrnoError", () => {
    expect(decodeLogged({ name: 'WxServerError', body: { errcode: 40029, errmsg: 'invalid code' } })).toMatchObject({ name: 'WxServerError', errcode: 40029 })
    const hostile = { name: 'CloudError', get code(): string { throw new Error('getter') } }
    expect(decodeLogged(hostile)).toMatchObject({ name: 'ErrnoError' })
  })

  test('a raw payload is read by what it holds: a server answer, a cloud failure, else a wx failure', () => {
    expect(decodeLogged({ errcode: 47003, errmsg: 'argument invalid!' })).toMatchObject({ name: 'WxServerError', errcode: 47003 })
    expect(decodeLogged({ errcode: '40001', errmsg: 'invalid credential' })).toMatchObject({ name: 'WxServerError', errcode: 40001 })
    expect(decodeLogged({ code: 'DATABASE_TIMEOUT', message: 'x' })).toMatchObject({ name: 'CloudError', code: 'DATABASE_TIMEOUT' })
    expect(decodeLogged({ errCode: -502005, errMsg: 'errCode: -502005 database collection not exists' })).toMatchObject({ name: 'CloudError', code: 'DATABASE_COLLECTION_NOT_EXIST' })
    expect(decodeLogged({ errMsg: 'connectWifi:fail:wifi not turned on', errCode: 12005 })).toMatchObject({ name: 'ErrnoError', errno: 1505002 })
    expect(decodeLogged({ errcode: 0, errmsg: 'ok' })).toMatchObject({ name: 'ErrnoError' }) // errcode 0 is no server error
  })

  test('never throws: any JSON value makes one of the four errors', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json().map((text) => JSON.parse(text)), fc.object()), (value) => {
        const error = decodeLogged(value)
        expect(['ErrnoError', 'WxServerError', 'CloudError', 'HttpApiError']).toContain(error.name)
      }),
      { numRuns: 500 },
    )
  })
})
