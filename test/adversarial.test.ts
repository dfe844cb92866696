// Adversarial input: secrets, timers, settling and bounds that an outside adversarial harness broke.
import fc from 'fast-check'
import { maskWithEveryPattern } from '../src/shared/mask'
import { toErrnoError, ErrnoError, WxServerError, CloudError, HttpApiError, toWxServerError, toCloudError, toHttpApiError, maskSecrets, withTimeout, retryDelay, withRetry, createWxp, getPolicy, createBLEWriter, showGuidance, resetGuidanceState, getGuidance, apiRequest, registerGuidance } from '../src/index'
import { createFakeWx } from '../src/testing/index'
import { runCli } from '../src/cli/index'

const SECRET = 'S3CR3TVALUE42'
const leaks = (error: Error & { toJSON?: () => unknown }) => [error.message, String(error), JSON.stringify(error), JSON.stringify(error.toJSON ? error.toJSON() : {})].filter((t) => t.indexOf(SECRET) >= 0)

describe('secrets are masked in message, String, JSON and toJSON', () => {
  test.each([
    ['a URL fragment (implicit flow)', `request:fail https://a.example.com/cb#access_token=${SECRET}&state=1`],
    ['a URL-encoded redirect parameter', `request:fail https://a.example.com/login?redirect_uri=https%3A%2F%2Fb.example.com%2Fcb%3Faccess_token%3D${SECRET}%26x%3D1`],
    ['client_secret', `request:fail ?client_secret=${SECRET}`],
    // found by npm run fuzz: the first key took the second one's name as its value
    ['a key whose value is another secret key and its value', `request:fail key: password = ${SECRET} `],
    ['the same, with colons', `request:fail token: secret: ${SECRET}`],
    // found by a fuzz that puts key names, schemes and separators around each secret: one pattern's value took the
    // name of the next secret, leaving its value
    ['a scheme whose token is a secret key and its value', `request:fail Bearer password: ${SECRET}`],
    ['a scheme before a quoted secret', `request:fail Basic token='${SECRET}'`],
    ['an encoded key whose value is another secret key', `request:fail key%3Dpassword: ${SECRET}`],
    ['a query key whose value is another secret key', `request:fail ?token=password: ${SECRET}`],
    ['a cookie holding a quoted secret', `request:fail Cookie: access_token="${SECRET}"`],
    ['a cookie holding JSON', `request:fail Cookie: "client_secret":"${SECRET}"`],
    ['a secret that reads like a key name', `request:fail password: ${SECRET}key=`],
    ['names and schemes in upper case', `request:fail AUTHORIZATION: BEARER ${SECRET}`],
    // lower-cased, İ is two characters: the text is read as it is, with the patterns ignoring case
    ['a text whose lower case is longer', `request:fail İİ ?ACCESS_TOKEN=${SECRET}`],
    ['id_token', `request:fail {"id_token":"${SECRET}"}`],
    ['Authorization: Bearer', `request:fail Authorization: Bearer ${SECRET}`],
    ['Basic', `request:fail Basic ${SECRET}==`],
    ['a cookie', `request:fail Cookie: sid=${SECRET}; theme=dark`],
    ['user:pass@host', `request:fail https://user:${SECRET}@a.example.com/x`],
    ['api_key', `request:fail api_key=${SECRET}`],
    ['sign and signature', `request:fail ?sign=${SECRET}`],
    ['key = value', `request:fail password = ${SECRET}`],
    ['key: value', `request:fail app_secret: ${SECRET}`],
    ['a numeric JSON value', `request:fail {"session_key": 9${SECRET.replace(/\D/g, '')}77}`],
    ['a double-quoted value', `request:fail access_token="${SECRET}"`],
    ['a single-quoted value', `request:fail token='${SECRET}'`],
    ['a quoted password with spaces', `request:fail password='my ${SECRET} pass'`],
    ['a JSON value with an escaped quote', `request:fail {"password":"ab\\"${SECRET}"}`],
    ['a Python-style dict', `request:fail {'password': '${SECRET}', 'user': 'a'}`],
    ['a doubly URL-encoded redirect', `request:fail https://a.example.com/?r=https%253A%252F%252Fb%252Fcb%253Faccess_token%253D${SECRET}%2526x%253D1`],
    ['COS/STS tmpSecretKey (camelCase)', `request:fail {"tmpSecretKey":"${SECRET}"}`],
    ['COS/STS secretId', `request:fail secretId=${SECRET}`],
    ['privateKey', `request:fail privateKey: ${SECRET}`],
    ['pwd=', `request:fail https://a.example.com/login?user=a&pwd=${SECRET}`],
    ['a JSON value cut short at the end of the text', `request:fail {"password":"${SECRET}`],
  ])('%s', (_label, errMsg) => {
    const error = toErrnoError({ errMsg })
    const numeric = errMsg.match(/"session_key": (\d+)/)
    if (numeric) expect(error.message).not.toContain(numeric[1])
    else expect(leaks(error)).toEqual([])
  })

  test('masking runs before truncation: a secret cut at the limit does not escape', () => {
    for (let pad = 440; pad < 520; pad += 7) {
      const error = toErrnoError({ errMsg: 'request:fail ' + 'x'.repeat(pad) + ' access_token=' + SECRET })
      expect(error.message).not.toMatch(/S3CR/)
    }
  })

  test('every message is bounded (≤ 2,000 characters), the legacy note included', () => {
    const huge = toErrnoError({ errCode: 10004, errMsg: 'requestSubscribeMessage:fail ' + 'y'.repeat(100000) })
    expect(huge.message.length).toBeLessThanOrEqual(2000)
    const note = toErrnoError({ errCode: 99999999, errMsg: 'x'.repeat(100000) })
    expect(note.message.length).toBeLessThanOrEqual(2000)
    // Past the 100,000 characters masked in full: the message is the start of the masked field, never the raw text.
    const long = toErrnoError({ errMsg: 'request:fail access_token=' + SECRET + ' ' + 'w'.repeat(200000) })
    expect(long.message.length).toBeLessThanOrEqual(2000)
    expect(long.message).not.toMatch(/S3CR/)
    expect(long.message.startsWith(long.errMsg.slice(0, 100))).toBe(true)
    for (const error of [toWxServerError({ errcode: 40001, errmsg: 'z'.repeat(50000) })!, toCloudError({ code: 'SYS_ERR', message: 'z'.repeat(50000) }), toHttpApiError(500, { message: 'z'.repeat(50000) })!]) expect(error.message.length).toBeLessThanOrEqual(2000)
  })

  test('every error class masks the quoted forms too (message, String, JSON)', () => {
    for (const text of [`access_token="${SECRET}"`, `token='${SECRET}'`, `{"password":"ab\\"${SECRET}"}`, `{"password":"${SECRET} `]) {
      // The URL comes after the text in the message: a value left open in the text must not swallow it and escape.
      for (const error of [toWxServerError({ errcode: 40001, errmsg: text }, { url: text })!, toCloudError({ code: 'SYS_ERR', message: text }), toHttpApiError(401, { error: 'x', error_description: text }, undefined, { url: text })!]) {
        expect(leaks(error)).toEqual([])
      }
    }
  })

  test('own properties a console prints are masked (url, errMsg, errmsg, description, a code, error, requestId); cause keeps the original', () => {
    const url = `https://api.weixin.qq.com/cgi-bin/x?access_token=${SECRET}`
    const server = toWxServerError({ errcode: 40001, errmsg: `invalid credential, access_token=${SECRET}` }, { url })!
    const http = toHttpApiError(401, { error: 'x', error_description: `token=${SECRET}` }, undefined, { url })!
    const wx = toErrnoError({ errMsg: `request:fail ${url}` })
    const cloud = toCloudError({ code: 'SYS_ERR', errMsg: `password=${SECRET}` })
    // What a failure object said in its other fields: an unknown code, a request id, the body's error value.
    const cloudCode = toCloudError({ code: `access_token=${SECRET}`, requestId: `token=${SECRET}` })
    const cloudInit = new CloudError({ code: `Bearer ${SECRET}`, requestId: `secret=${SECRET}` })
    const httpError = toHttpApiError(400, { error: `token=${SECRET}` })!
    const httpInit = new HttpApiError({ statusCode: 400, error: `password=${SECRET}` })
    expect([cloudCode.code, cloudCode.requestId, cloudInit.code, httpError.error]).toEqual(['access_token=***', 'token=***', 'Bearer ***', 'token=***'])
    // A catalogue's own values are kept as they are.
    expect([toCloudError({ code: 'INVALID_ACCESS_TOKEN', requestId: 'a1b2-c3' }).code, toHttpApiError(401, { error: 'invalid_token' })!.error]).toEqual(['INVALID_ACCESS_TOKEN', 'invalid_token'])
    for (const error of [server, http, wx, cloud, cloudCode, cloudInit, httpError, httpInit]) {
      const own = Object.keys(error).filter((k) => k !== 'cause').map((k) => JSON.stringify((error as any)[k]))
      expect(own.filter((t) => t && t.indexOf(SECRET) >= 0)).toEqual([])
      expect(require('util').inspect(error, { depth: 0 })).not.toContain(SECRET)
    }
    expect(JSON.stringify(wx.cause)).toContain(SECRET)
  })

  test('toJSON masks before it cuts: a secret-named JSON key straddling the cut never leaks', () => {
    for (const pad of [7960, 7985, 7990, 7995, 8000, 19970, 19975, 19980, 19985, 19990, 19995]) {
      const body = '{"a":"' + 'x'.repeat(pad) + '","password":"' + SECRET + '","b":1}'
      for (const error of [toWxServerError({ errcode: 40001, errmsg: 'x', raw: body })!, toCloudError({ code: 'SYS_ERR', message: 'y', detail: body }), toHttpApiError(500, body.slice(0, -1))!]) {
        expect(JSON.stringify(error.toJSON())).not.toContain('S3CR')
      }
    }
  })

  test('JSON.stringify of any error is bounded', () => {
    const big = { list: Array.from({ length: 5000 }, (_, i) => ({ i, text: 'z'.repeat(1000) })), more: 'w'.repeat(300000) }
    for (const error of [toWxServerError(Object.assign({ errcode: 40001, errmsg: 'e'.repeat(100000) }, big))!, toCloudError(Object.assign({ code: 'SYS_ERR', message: 'm'.repeat(100000) }, big)), toHttpApiError(500, big)!, toErrnoError(Object.assign({ errMsg: 'request:fail ' + 'q'.repeat(500000) }, big))]) {
      expect(JSON.stringify(error).length).toBeLessThan(20000)
    }
  })

  test('toJSON().body and cause mask JSON held inside a string', () => {
    const body = JSON.stringify({ errcode: 40001, errmsg: 'x', access_token: SECRET, nested: JSON.stringify({ client_secret: SECRET }) })
    for (const error of [toWxServerError(body)!, toHttpApiError(401, body)!, toCloudError({ code: 'SYS_ERR', message: body, detail: { refresh_token: SECRET } })]) {
      expect(JSON.stringify(error.toJSON())).not.toContain(SECRET)
    }
  })

  test('long runs of backslashes or full stops do not stall decoding and masking (quadratic in 0.3.0)', () => {
    // From each backslash of a run the escaped-JSON patterns read the run again, and so did the trailing full stops'
    // pattern of the errMsg reason from each full stop: quadratic in the run's length.
    const run = '\\'.repeat(90000)
    const texts = [`request:fail token ${run}"`, `request:fail \\"token\\":\\"${run}x`, `request:fail "code":"${run}x`, `request:fail "session_key${run}":1`]
    texts.push(`request:fail é${'.'.repeat(90000)}x`, `request:fail é${'\u3002'.repeat(90000)}x`)
    // Not a speed target: a stall guard, far above what the six take and far below what a quadratic read of the runs
    // takes (docs/performance.md has both).
    const started = Date.now()
    for (const errMsg of texts) {
      const error = toErrnoError({ errMsg })
      expect(error.message.length).toBeLessThanOrEqual(2000)
    }
    expect(Date.now() - started).toBeLessThan(2000)
    expect(maskSecrets(`x \\"token\\":\\"${SECRET}${run}"`)).not.toContain(SECRET)
  })

  test('masking reads names in any case, and where lower-casing changes the length (İ) the text as it is', () => {
    expect(maskSecrets('AUTHORIZATION: BEARER abcdefgh1 and ?Access_Token=abc123XYZ&x=1')).toBe('AUTHORIZATION: *** *** and ?Access_Token=***&x=1')
    expect(maskSecrets('İİ ?ACCESS_TOKEN=abc123XYZ&x=1 İ PASSWORD: hunter2')).toBe('İİ ?ACCESS_TOKEN=***&x=1 İ PASSWORD: ***')
  })

  test('a secret stays masked whatever names, schemes, quotes and separators stand before and after it', () => {
    // Each value one pattern could take for its own (a name, a scheme, a quoted run) may be another secret's marker:
    // "key: password = …", "Basic token='…'", "Cookie: \"access_token=\"…\"", "key%3Dpassword: …" leaked before.
    const carriers = [`?access_token=${SECRET}`, `#id_token=${SECRET}`, `"client_secret":"${SECRET}"`, `Authorization: Bearer ${SECRET}`,
      `https://u:${SECRET}@h.example.com`, `password = ${SECRET}`, `redirect_uri=https%3A%2F%2Fx%2Fcb%3Faccess_token%3D${SECRET}`,
      `access_token="${SECRET}"`, `token='${SECRET}'`, `{"password":"ab\\"${SECRET}"}`, `{'password': '${SECRET}'}`,
      `{"tmpSecretKey":"${SECRET}"}`, `privateKey: ${SECRET}`, `&pwd=${SECRET}`, `{"password":"${SECRET}`, `token=${SECRET}`]
    const pieces = ['key', 'password', 'token', 'sign', 'code', 'js_code', 'secret_key', ':', '=', ' ', '"', "'", '&', '?', '#',
      '%3D', '\\', '\\"', '{', '}', ',', ';', 'Bearer', 'Basic ', '//', '@', 'x', 'Cookie: ', '\n', '***', 'İ', 'PWD']
    const around = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((list) => list.join(''))
    fc.assert(
      fc.property(around, fc.constantFrom(...carriers), around, (before, carrier, after) => {
        const text = 'request:fail ' + before + carrier + after
        expect(maskSecrets(text)).not.toContain(SECRET)
        expect(toErrnoError({ errMsg: text }).message).not.toContain(SECRET)
      }),
      { numRuns: 20000 },
    )
  })

  test('maskSecrets runs a pattern only on a text that has what it needs, and masks exactly what every pattern would', () => {
    // Texts made of the pieces the patterns look for (names, separators, quotes, encodings, schemes, URLs).
    const pieces = ['token', 'access_token', 'Password', 'pwd', 'api_key', 'secretId', 'js_code', 'code', 'errCode', 'sign',
      'paysign', 'ticket', 'Authorization', 'Cookie', 'set-cookie', 'Bearer ', 'Basic ', '=', ':', ': ', '"', "'", '\\"',
      '\\', '%3D', '%253D', '%26', '?', '&', '#', ' ', ',', '{', '}', '//', 'user:pw@', 'host', '@', 'abc123XYZ', '-1.5e3',
      'DATABASE_TIMEOUT', 'fail', '|']
    // … and name-value pairs in the shapes secrets come in: "code":"…", token='…', ?access_token=…, key%3D…
    const names = ['token', 'access_token', 'Password', 'api_key', 'js_code', 'code', 'errCode', 'sign', 'Cookie', 'Authorization', 'note']
    const pair = fc
      .tuple(
        fc.constantFrom('', '"', "'", '\\"', '?', '&'),
        fc.constantFrom(...names),
        fc.constantFrom('', '"', "'", '\\"'),
        fc.constantFrom(':', ': ', '=', ' = ', '%3D', '%253D', ' '),
        fc.constantFrom('', '"', "'", '\\"'),
        fc.constantFrom('abc123XYZ', 'abc', 'ABC_DEF', '-1.5e3', 'Bearer abcdefgh', ''),
        fc.constantFrom('', '"', "'", '\\"', '&', ','),
      )
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), pair), { maxLength: 10 }), (parts) => {
        const text = parts.join('')
        expect(maskSecrets(text)).toBe(maskWithEveryPattern(text))
      }),
      { numRuns: 20000 },
    )
  })

  test('a wx.cloud errMsg or an auth denial needs no masking pattern (errCode, auth)', () => {
    expect(maskSecrets('errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist')).toBe(
      'errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist',
    )
    expect(maskSecrets('getLocation:fail auth deny')).toBe('getLocation:fail auth deny')
  })

  test('maskSecrets leaves ordinary failures alone', () => {
    expect(maskSecrets('openBluetoothAdapter:fail:not available')).toBe('openBluetoothAdapter:fail:not available')
    expect(maskSecrets('errCode: -604101 | errMsg: system error: error code: -604101')).toContain('-604101')
  })
})

describe('timers never overflow', () => {
  test('withTimeout: Infinity means no limit; 3e9 and 2**31 are clamped, not fired at once', async () => {
    jest.useFakeTimers()
    try {
      for (const ms of [Infinity, 3e9, 2 ** 31]) {
        let settled = false
        withTimeout(new Promise(() => undefined), ms).catch(() => { settled = true })
        jest.advanceTimersByTime(1000)
        await Promise.resolve()
        expect([ms, settled]).toEqual([ms, false])
      }
    } finally {
      jest.useRealTimers()
    }
  })

  test('retryDelay is always finite and setTimeout-safe', () => {
    const month = toHttpApiError(503, {}, { 'Retry-After': '2592000' })!
    expect(retryDelay(month)).toBeLessThanOrEqual(2 ** 31 - 1)
    const huge = toHttpApiError(429, {}, { 'Retry-After': '9'.repeat(400) })!
    expect(Number.isFinite(retryDelay(huge))).toBe(true)
    expect(getPolicy(huge).kind).toBe('retry')
  })

  test('withRetry({minDelayMs: 3e9}) waits instead of running every attempt at once', async () => {
    let calls = 0
    const run = withRetry(() => { calls++; return Promise.reject({ errno: 5, errMsg: 'x:fail time out' }) }, { minDelayMs: 3e9, maxDelayMs: 3e9 })
    run.catch(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(calls).toBe(1)
    run.cancel()
  })
})

describe('constructors given what they do not take', () => {
  const classes: Array<[string, new (init: never) => Error, string]> = [
    ['ErrnoError', ErrnoError as never, 'toErrnoError'],
    ['WxServerError', WxServerError as never, 'toWxServerError'],
    ['CloudError', CloudError as never, 'toCloudError'],
    ['HttpApiError', HttpApiError as never, 'toHttpApiError'],
  ]
  test.each(classes)('new %s(no object) is a TypeError that names its reader and keeps what was given', (name, Class, reader) => {
    for (const given of [undefined, null, 'x:fail', 42, () => 1]) {
      let thrown: unknown
      try {
        new Class(given as never)
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(TypeError)
      expect((thrown as Error).message).toContain('new ' + name + '(init)')
      expect((thrown as Error).message).toContain(reader + '(value)')
      expect((thrown as { cause?: unknown }).cause).toBe(given)
    }
  })

  test('fields that cannot be printed (a throwing toString, a Symbol) make an error whose message says so', () => {
    const hostile = { toString: () => { throw new Error('boom') } }
    const made = [
      new ErrnoError({ errno: Symbol('n') as never, errMsg: hostile as never, errCode: Symbol('c') as never, api: Symbol('a') as never, note: hostile as never }),
      new ErrnoError({ errno: 1, errMsg: '', api: hostile as never }),
      new WxServerError({ errcode: Symbol('e') as never, errmsg: hostile as never, url: hostile as never }),
      new CloudError({ code: 'X', errMsg: hostile as never, errCode: Symbol('c') as never }),
      new HttpApiError({ statusCode: Symbol('s') as never, url: hostile as never }),
    ]
    for (const error of made) {
      expect(typeof error.message).toBe('string')
      expect(() => JSON.stringify(error)).not.toThrow()
    }
    expect(made[0].message).toContain('[unprintable object]')
    expect(made[0].message).toContain('(errno -1): errno Symbol(n) is not a number')
    expect((made[0] as ErrnoError).errCode).toBeUndefined()
    expect(new ErrnoError({ errno: 'token=abcdef123456' as never, errMsg: 'x:fail' }).message).not.toContain('abcdef')
    expect(made[2].message).toContain('errcode Symbol(e)')
    expect(made[4].message).toContain('HTTP Symbol(s)')
    expect((made[1] as ErrnoError).message).toContain('[unprintable object]:fail')
    expect((made[2] as WxServerError).reason).toBeUndefined()
  })
})

describe('settling and shapes', () => {
  const failureKinds: Array<[string, object]> = [
    ['throws', { request: () => { throw new Error('boom') } }],
    ['returns a rejected promise', { request: () => Promise.reject({ errMsg: 'request:fail x' }) }],
    ['returns a thenable whose then throws', { request: () => ({ then() { throw new Error('then') } }) }],
    ['returns a thenable whose then getter throws', { request: () => ({ get then() { throw new Error('getter') } }) }],
  ]
  test.each(failureKinds)('the caller\'s fail and complete run once when the method %s', async (_label, overrides) => {
    const wxp = createWxp(overrides as never) // a raw double: the method itself misbehaves
    const fail = jest.fn()
    const complete = jest.fn()
    const error = await wxp.request({ url: 'https://x', fail, complete } as never).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ErrnoError)
    expect(fail).toHaveBeenCalledTimes(1)
    expect(complete).toHaveBeenCalledTimes(1)
  })

  test('a wx that throws when read: apiRequest and the BLE writer reject with typed errors', async () => {
    const thrown = new Error('trap')
    const trap = new Proxy({}, { get() { throw thrown } })
    await expect(apiRequest({ url: 'https://x' }, { wx: trap })).rejects.toMatchObject({ name: 'ErrnoError', api: 'request', cause: thrown })
    const writer = createBLEWriter({ wx: trap, deviceId: 'd', serviceId: 's', characteristicId: 'c', attempts: 1 })
    await expect(writer.write(new Uint8Array(4))).rejects.toMatchObject({ name: 'ErrnoError', api: 'writeBLECharacteristicValue', cause: thrown })
    await expect(writer.negotiateMTU(185)).resolves.toBeDefined()
  })

  test('the caller\'s fail and complete run when the method is missing', async () => {
    const wxp = createWxp({} as never)
    const fail = jest.fn()
    const complete = jest.fn()
    const error = await (wxp as any).openBluetoothAdapter({ fail, complete }).catch((e: unknown) => e)
    expect(error).toMatchObject({ errno: 100 })
    expect(fail).toHaveBeenCalledTimes(1)
    expect(complete).toHaveBeenCalledTimes(1)
  })

  test('an ErrnoError-shaped plain object (a JSON round trip) is re-hydrated into a real ErrnoError', () => {
    const original = toErrnoError({ errno: 1500102, errMsg: 'openBluetoothAdapter:fail:not available' })
    const plain = JSON.parse(JSON.stringify(original))
    const back = toErrnoError(plain)
    expect(back).toBeInstanceOf(ErrnoError)
    expect(back).not.toBe(plain)
    expect(back).toMatchObject({ errno: 1500102, api: 'openBluetoothAdapter', cause: plain })
  })

  test('an own __proto__ key in the options never becomes the prototype of what wx sees', async () => {
    const fake = createFakeWx()
    await createWxp(fake).request(JSON.parse('{"url":"https://x","__proto__":{"method":"DELETE"}}')).catch(() => undefined)
    const seen = fake.callsOf('request')[0].options as { method?: string }
    expect(seen.method).toBeUndefined()
    expect(Object.getPrototypeOf(seen)).toBe(Object.prototype)
  })

  test('table lookups are own-property only', () => {
    for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect([code, toCloudError({ code }).known]).toEqual([code, false])
      expect(getPolicy(toCloudError({ code })).kind).toBe('none')
    }
    expect(toWxServerError({ errcode: 'constructor' as never })).toBeUndefined()
  })
})

describe('CLI', () => {
  const run = (args: string[]) => {
    const out: string[] = []
    const code = runCli(args, { out: (l) => out.push(l), err: (l) => out.push(l) })
    return { code, text: out.join('\n') }
  }
  test('echoed input never prints control characters raw, and is bounded', () => {
    const hostile = 'x\u001b[31m\u0007\r\u202Eevil' + 'a'.repeat(5000)
    const result = run(['explain', hostile])
    expect(result.code).toBe(2)
    expect(result.text).not.toMatch(/[\u0000-\u001f\u202e]/)
    expect(result.text.length).toBeLessThan(600)
  })
  test('constructor and __proto__ are not cloud codes; explain 0 is errno 0', () => {
    expect(run(['explain', 'constructor']).code).toBe(2)
    expect(run(['explain', '__proto__']).code).toBe(2)
    expect(run(['explain', '0']).text).toMatch(/^errno 0 OK/)
  })
})

describe('the BLE writer', () => {
  const ids = { deviceId: 'AA', serviceId: 'S', characteristicId: 'C' }
  test('a fractional or tiny MTU is a clear typed error; a granted 3.5 is ignored, never zero-length writes', async () => {
    for (const mtu of [3.9, 0, -1, NaN, 22]) expect(() => createBLEWriter(Object.assign({ mtu }, ids))).toThrow(ErrnoError)
    const fake = createFakeWx({ platform: 'android', overrides: { setBLEMTU: () => ({ errMsg: 'setBLEMTU:ok', mtu: 3.5 }), getBLEMTU: () => ({ errMsg: 'getBLEMTU:ok', mtu: 3.5 }) } })
    const writer = createBLEWriter(Object.assign({ wx: fake }, ids))
    expect(await writer.negotiateMTU(185)).toBe(23)
    expect(writer.chunkSize).toBe(20)
    await wxpOpen(fake)
    await writer.write(new Uint8Array(45))
    expect(fake.callsOf('writeBLECharacteristicValue').map((c) => ((c.options as { value: ArrayBuffer }).value).byteLength)).toEqual([20, 20, 5])
  })

  test('a write that never answers times out (per-write timeout) instead of blocking the queue for good', async () => {
    const silent = { writeBLECharacteristicValue() { /* never calls back */ } }
    const writer = createBLEWriter(Object.assign({ wx: silent, writeTimeoutMs: 20, attempts: 1 }, ids))
    await expect(writer.write(new Uint8Array(4))).rejects.toMatchObject({ errno: 5 })
    expect(writer.pending).toBe(0)
    // a device that answers is not cut short by the same time-out
    const fake = createFakeWx()
    await wxpOpen(fake)
    await expect(createBLEWriter(Object.assign({ wx: fake, writeTimeoutMs: 20, attempts: 1 }, ids)).write(new Uint8Array(4))).resolves.toBeUndefined()
    expect(fake).toBeDefined()
  })

  test('iOS: negotiateMTU never calls the Android-only setBLEMTU, reads getBLEMTU and resolves', async () => {
    const fake = createFakeWx({ platform: 'ios' })
    await wxpOpen(fake)
    const writer = createBLEWriter(Object.assign({ wx: fake }, ids))
    expect(await writer.negotiateMTU(512)).toBe(185)
    expect(fake.callsOf('setBLEMTU')).toHaveLength(0)
    // and the fake models the platform: setBLEMTU on iOS fails as on the phone
    await expect(createWxp(fake).setBLEMTU({ deviceId: 'AA', mtu: 185 })).rejects.toMatchObject({ errno: 100 })
    const android = createFakeWx({ platform: 'android' })
    await wxpOpen(android)
    expect(await createBLEWriter(Object.assign({ wx: android }, ids)).negotiateMTU(185)).toBe(185)
    expect(android.callsOf('setBLEMTU')).toHaveLength(1)
  })
})

async function wxpOpen(fake: object) {
  const wxp = createWxp(fake as never)
  await wxp.openBluetoothAdapter()
  await wxp.createBLEConnection({ deviceId: 'AA' })
}

describe('guidance timing', () => {
  test('registerGuidance checks and copies its overrides: a getter that throws or a text that is not a string is a TypeError then, never in getGuidance', () => {
    const thrown = new Error('trap')
    const failure = { errno: 1500102, errMsg: 'openBluetoothAdapter:fail:not available' }
    const register = (overrides: unknown) => {
      try {
        registerGuidance(1500102, overrides as never)()
      } catch (error) {
        return error
      }
      return undefined
    }
    expect(register(new Proxy({}, { get() { throw thrown } }))).toMatchObject({ name: 'TypeError', message: 'registerGuidance(errno, overrides): zh_CN could not be read', cause: thrown })
    expect(register({ en: { content: 5 } })).toMatchObject({ name: 'TypeError', message: 'registerGuidance(errno, overrides): en.content must be a string', cause: 5 })
    expect(register({ en: 'Bluetooth' })).toBeInstanceOf(TypeError)
    expect(register({ action: 42 })).toBeInstanceOf(TypeError)
    // What was registered is a copy: changing the object afterwards changes nothing, and removing it restores the template.
    const overrides = { en: { title: 'Turn Bluetooth on' }, action: null }
    const remove = registerGuidance(1500102, overrides)
    overrides.en.title = 'changed'
    expect(getGuidance(failure, { locale: 'en' })).toMatchObject({ title: 'Turn Bluetooth on', source: 'registered' })
    expect(getGuidance(failure, { locale: 'en' })!.action).toBeUndefined()
    remove()
    expect(getGuidance(failure, { locale: 'en' })).toMatchObject({ title: 'Bluetooth is off', source: 'bluetooth-off' })
  })

  test('a wx whose members or answers throw when read (a Proxy, a broken double): guidance without the action it cannot check, never a raw error', () => {
    const trap = () => new Proxy({}, { get() { throw new Error('trap') } })
    const failure = { errno: 1500102, errMsg: 'openBluetoothAdapter:fail:not available' }
    const answersTrap = { getDeviceInfo: trap, getAppBaseInfo: trap, getSystemInfoSync: trap, showModal() {}, openSystemBluetoothSetting() {} }
    const settingTrap = new Proxy({ showModal() {} }, { get(target: any, key) { if (key === 'openSystemBluetoothSetting') throw new Error('trap'); return target[key] } })
    const shown = (wx: object, platform?: string) => {
      const guidance = getGuidance(failure, { wx, platform, locale: 'en' })!
      return [guidance.source, guidance.title, guidance.action]
    }
    expect(shown(trap())).toEqual(['bluetooth-off', 'Bluetooth is off', undefined])
    expect(shown(answersTrap)).toEqual(['bluetooth-off', 'Bluetooth is off', 'openSystemBluetoothSetting'])
    expect(shown(settingTrap, 'android')).toEqual(['bluetooth-off', 'Bluetooth is off', undefined])
  })

  test('a queued modal uses the locale current when it is shown', async () => {
    resetGuidanceState()
    let language = 'zh_CN'
    let release: () => void = () => undefined
    const fake = createFakeWx({ modal: () => ({ confirm: false }) })
    const wxLike = Object.assign({}, fake, {
      getAppBaseInfo: () => ({ language, SDKVersion: '3.0.0' }),
      showModal: (options: { success: (r: object) => void; title: string }) => {
        seen.push(options.title)
        if (seen.length === 1) release = () => options.success({ confirm: false })
        else options.success({ confirm: false })
      },
    })
    const seen: string[] = []
    const first = showGuidance({ errno: 1500102 }, { wx: wxLike, platform: 'android' })
    const second = showGuidance({ errno: 1505002 }, { wx: wxLike, platform: 'android' })
    await Promise.resolve()
    language = 'en'
    release()
    await Promise.all([first, second])
    expect(seen).toEqual(['蓝牙未开启', 'Wi-Fi is off'])
  })

  test('the confirm callback runs the action synchronously (a tap is needed for openSetting)', async () => {
    resetGuidanceState()
    const order: string[] = []
    const wxLike = {
      getDeviceInfo: () => ({ platform: 'android' }),
      getAppBaseInfo: () => ({ SDKVersion: '3.0.0', language: 'en' }),
      showModal: (options: { success: (r: object) => void }) => { setTimeout(() => { order.push('tap'); options.success({ confirm: true }); order.push('callback returned') }, 0) },
      openSetting: () => { order.push('openSetting') },
    }
    showGuidance({ errno: 103, errMsg: 'getLocation:fail auth deny' }, { wx: wxLike })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(order).toEqual(['tap', 'openSetting', 'callback returned'])
  })
})

describe('masking has no catastrophic backtracking (an adversary controls the text)', () => {
  // Quadratic patterns took minutes on these; each now finishes long before jest's time-out.
  test.each([
    ['one long word', 'q'.repeat(300000) + ' token=x'],
    ['dots and dashes', 'a.-'.repeat(100000) + 'token=x'],
    ['a long word before an encoded =', 'k'.repeat(300000) + '%3D'],
    ['an unterminated quoted value', 'password="' + '\\"'.repeat(100000)],
    ['an unterminated JSON value', '{"password":"' + 'a'.repeat(300000)],
  ])('%s', (_, text) => {
    const error = toErrnoError({ errMsg: 'request:fail ' + text })
    expect(error.message.length).toBeLessThanOrEqual(2000)
    expect(JSON.stringify(toHttpApiError(500, text)!.toJSON()).length).toBeLessThan(20000)
  })
})
