import * as fs from 'fs'
import * as path from 'path'
import fc from 'fast-check'
import { DECODING } from '../src/texts/generated/tables'
import { GUIDANCE_REASONS } from '../src/guidance/generated/guidance-map'
import { normalizeReason, errnoFromCatalogue } from '../src/errno/catalogue-match'
import { toErrnoError, ErrnoError, isErrnoError, parseErrMsg, legacyCodeToErrno, legacyTableName, UNKNOWN_ERRNO, lookupErrno, getGuidance } from '../src/index'

const legacy = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../data/legacy.json'), 'utf8'))

describe('toErrnoError', () => {
  test('decodes the reference example: errno wins, errCode kept, api parsed', () => {
    const raw = { errMsg: 'openBluetoothAdapter:fail:not available', errCode: 10001, errno: 1500102 }
    const error = toErrnoError(raw)
    expect(error).toBeInstanceOf(ErrnoError)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ name: 'ErrnoError', errno: 1500102, errCode: 10001, api: 'openBluetoothAdapter', first: 15, second: 0, specific: 102, known: true })
    expect(error.cause).toBe(raw)
    expect(error.message).toContain('openBluetoothAdapter:fail:not available')
    expect(error.message).toContain('1500102')
    expect(error.message).toBe('openBluetoothAdapter:fail:not available (errno 1500102, errCode 10001)')
  })

  test('errno wins when errno and errCode disagree', () => {
    expect(toErrnoError({ errMsg: 'connectWifi:fail', errCode: 12002, errno: 1505026 }).errno).toBe(1505026)
  })

  test('the api argument wins over the errMsg', () => {
    expect(toErrnoError({ errMsg: 'x:fail' }, 'getLocation').api).toBe('getLocation')
  })

  test('an ErrnoError passes through as the same object', () => {
    const error = toErrnoError({ errno: 5 })
    expect(toErrnoError(error)).toBe(error)
  })

  test('toJSON is plain data with the decode', () => {
    const json = toErrnoError({ errMsg: 'startWifi:fail:wifi is disabled', errCode: 12005 }).toJSON()
    expect(json).toMatchObject({ name: 'ErrnoError', errno: 1505002, errCode: 12005, api: 'startWifi', errMsg: 'startWifi:fail:wifi is disabled', first: 15, second: 5, specific: 2, known: true })
    expect(json).not.toHaveProperty('subcategory') // names and keys: decodeErrno(json.errno)
    expect(JSON.parse(JSON.stringify(json))).toEqual(json)
  })

  const badInputs: Array<[string, unknown]> = [
    ['undefined', undefined], ['null', null], ['0', 0], ["''", ''], ["'text'", 'text'], ['[]', []], ['{}', {}],
    ['Object.create(null)', Object.create(null)], ["{errno: '1500102'}", { errno: '1500102' }], ['{errno: NaN}', { errno: NaN }],
    ['{errMsg: 42}', { errMsg: 42 }], ["new Error('x')", new Error('x')], ['true', true], ['a function', () => 1], ['a symbol', Symbol('s')],
    ['JSON with __proto__', JSON.parse('{"__proto__": {"polluted": true}, "errMsg": "x:fail", "errno": 5}')],
    ['a proxy that throws', new Proxy({}, { get() { throw new Error('trap') } })],
    ['a frozen object', Object.freeze({ errMsg: 'login:fail', errno: 1014 })],
  ]
  test.each(badInputs)('%s: never throws, an ErrnoError, cause kept, no prototype polluted', (_, input) => {
    const error = toErrnoError(input)
    expect(isErrnoError(error)).toBe(true)
    expect(error).toBeInstanceOf(ErrnoError)
    expect(error.cause).toBe(input)
    expect(typeof error.message).toBe('string')
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false)
  })

  test('documented results for bad input', () => {
    expect(toErrnoError(undefined).errno).toBe(UNKNOWN_ERRNO)
    expect(toErrnoError(undefined).message).toMatch(/no failure details/)
    expect(toErrnoError({ errno: '1500102' }).errno).toBe(1500102) // a numeric string is read as the number
    expect(toErrnoError({ errno: NaN }).errno).toBe(-1)
    expect(toErrnoError(1500102).errno).toBe(1500102)
    expect(toErrnoError(10001)).toMatchObject({ errno: 1500102, errCode: 10001 })
    expect(toErrnoError(0).errno).toBe(-1)
    expect(toErrnoError('request:fail timeout')).toMatchObject({ errno: 5, api: 'request' })
    expect(toErrnoError(JSON.parse('{"__proto__": {"x": 1}, "errMsg": "x:fail", "errno": 5}')).errno).toBe(5)
  })

  test('a huge errMsg does not make a huge message', () => {
    const error = toErrnoError({ errMsg: 'request:fail ' + 'x'.repeat(1_000_000) })
    expect(error.message.length).toBeLessThan(1000)
    expect(error.errMsg.length).toBeGreaterThan(1_000_000)
  })

  test('an errMsg-only failure with no rule stays unknown, errMsg and cause kept', () => {
    const error = toErrnoError({ errMsg: 'navigateTo:fail page "x" is not found' })
    expect(error).toMatchObject({ errno: -1, known: false, api: 'navigateTo', errMsg: 'navigateTo:fail page "x" is not found' })
  })
})

describe('isErrnoError', () => {
  test('recognises errors made by another copy of the library', () => {
    const foreign = Object.assign(new Error('x'), { name: 'ErrnoError', errno: 5, errMsg: 'x:fail' })
    expect(isErrnoError(foreign)).toBe(true)
    expect(isErrnoError({ errno: 5, errMsg: 'x' })).toBe(false)
    expect(isErrnoError(null)).toBe(false)
    expect(isErrnoError(new Proxy({}, { get() { throw new Error('trap') } }))).toBe(false)
  })
})

describe('parseErrMsg', () => {
  test.each([
    ['openBluetoothAdapter:fail:not available', 'openBluetoothAdapter', true, 'not available'],
    ['request:fail timeout', 'request', true, 'timeout'],
    ['login:fail', 'login', true, ''],
    ['getLocation:fail auth deny', 'getLocation', true, 'auth deny'],
    ['operateWXData:fail getUserInfo:fail auth deny', 'operateWXData', true, 'auth deny'],
    ['cloud.callFunction:fail -404011 cloud function execution error', 'cloud.callFunction', true, '-404011 cloud function execution error'],
    ['request:ok', 'request', false, ''],
  ])('%s', (errMsg, api, failed, reason) => {
    expect(parseErrMsg(errMsg)).toEqual({ api, failed, reason })
  })
})

describe('errMsg reasons on base libraries that send no errno', () => {
  test.each([
    ['chooseImage:fail cancel', 1],
    ['requestPayment:fail cancel', 1],
    ['getLocation:fail auth deny', 103],
    ['getLocation:fail:auth denied', 103],
    ['authorize:fail auth cancel', 104],
    ['getLocation:fail system permission denied', 3],
    ['getLocation:fail privacy permission is not authorized', 101102],
    ['request:fail timeout', 5],
    ['connectSocket:fail time out', 5],
    ['request:fail url not in domain list', 600002],
    ['request:fail -106:net::ERR_INTERNET_DISCONNECTED', 600001],
    ['request:fail errcode:-101 cronet_error_code:-101 error_msg:net::ERR_CONNECTION_RESET', 600001],
    ['request:fail socket time out timeout:6000', 5],
    ['request:fail 请求超时。', 5],
    ['request:fail A server with the specified hostname could not be found.', 600000],
    ['request:fail 未能找到使用指定主机名的服务器。', 600000],
    ['request:fail invalid url "ftp://x"', 600009],
    ['request:fail The Internet connection appears to be offline.', 600000],
    ['request:fail interrupted', 600003],
    ['getPhoneNumber:fail jsapi has no permission', 102],
    ['someApi:fail jsapi not supported', 100],
  ])('%s -> errno %i', (errMsg, errno) => {
    expect(toErrnoError({ errMsg }).errno).toBe(errno)
  })
})

describe('the errMsg column as the decoder reads it (DECODING.reasons)', () => {
  const { reasons, heads, families } = DECODING()

  test('every text is stored as a reason is normalised, and its first six characters are in heads', () => {
    for (const text of Object.keys(reasons)) {
      expect(normalizeReason(text)).toBe(text)
      if (text.length >= 6) expect(heads).toContain('|' + text.slice(0, 6) + '|')
    }
  })

  test('the catalogue errMsg of every code an errMsg-only failure can carry decodes back to that code, whatever its case', () => {
    let checked = 0
    for (const text of Object.keys(reasons)) {
      const value = reasons[text]
      const errno = typeof value === 'number' ? value : value[0]
      const entry = lookupErrno(errno)
      if (errno === 0 || !entry || normalizeReason(entry.errMsg) !== text) continue // success, or an alias
      // An API of a family that can carry the code (general and basic codes: any API).
      const code = String(errno).padStart(7, '0')
      const family = families.find(([, , prefixes]) => prefixes.some((p) => code.startsWith(p)))
      const api = /^0[01]/.test(code) ? 'someApi' : family && (family[1][0] || family[0][0])
      expect(api).toBeDefined()
      expect(errnoFromCatalogue(entry.errMsg.toUpperCase(), api)).toBe(errno)
      checked++
    }
    expect(checked).toBeGreaterThan(150)
  })

  test.each([
    // a letter or two more or less than the column's text
    ['getBluetoothDevices:fail not availabl', 1500102],
    ['getBluetoothDevices:fail not availables', 1500102],
    // details after a separator
    ['getBluetoothDevices:fail not available (state 4)', 1500102],
    ['getBluetoothDevices:fail:not available.', 1500102],
  ])('a spelling variant: %s -> errno %i', (errMsg, errno) => {
    expect(toErrnoError({ errMsg }).errno).toBe(errno)
  })

  test('a reason whose first six characters no text has is not compared with any', () => {
    expect(heads).not.toContain('|timeou|')
    expect(toErrnoError({ errMsg: 'request:fail timeout' }).errno).toBe(5) // the reason rules decide
  })
})

describe('the words a reason rule needs (requiredWords, scripts/generate.js)', () => {
  const { requiredWords } = require('../scripts/generate.js')

  test.each([
    ['system permission denied', ['system permi']],
    ['auth(orize)? den(y|ied)|user (has )?denied', ['auth', 'denied']],
    ['^(user )?cancel(l?ed)?$', ['cancel']],
    ['\\btime ?out\\b|timed out|请求超时', ['time', 'timed out', '请求超时']],
    ['exceed max (cocurrent|concurrent|task) count', ['exceed max ']],
    ['ab+c', ['ab']],
    ['x[a-z]*yz', ['yz']],
    // an alternative with no plain run of its own: the words of a group it needs
    ['^(parameter\\s+error|invalid parameter)\\b', ['parameter', 'invalid para']],
    ['a|(b|c)', ['a', 'b', 'c']],
    ['(?:ab|cd)+', ['ab', 'cd']],
    // an optional group or a lookaround needs nothing: the rule is always tried
    ['(ab)?', []],
    ['(ab)*|c', []],
    ['(?!ab)', []],
    ['(?=ab)c', ['c']],
    // a bar or a bracket inside a class is not an alternative or a group
    ['ab[|(]cd|ef', ['ab', 'ef']],
    ['x(a[)|]b)yz', ['yz']],
  ])('%s -> %j', (pattern, words) => {
    expect(requiredWords(pattern)).toEqual(words)
  })

  test('a text a pattern matches has one of its words (random patterns of runs, groups, classes and quantifiers)', () => {
    const pattern = fc.letrec((tie) => ({
      // Unbounded quantifiers on plain atoms only: nested ones backtrack exponentially, which is not what is tested.
      piece: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.tuple(fc.constantFrom('ab', 'c', 'de', 'x', '[a-c]', '\\s', '.'), fc.constantFrom('', '', '?', '*', '+', '{1,2}')).map(([a, q]) => a + q),
        fc.tuple(tie('alternation'), fc.constantFrom('(', '(?:'), fc.constantFrom('', '', '?', '{1,2}')).map(([p, open, q]) => open + p + ')' + q),
      ),
      sequence: fc.array(tie('piece'), { minLength: 1, maxLength: 3 }).map((p) => p.join('')),
      alternation: fc.array(tie('sequence'), { minLength: 1, maxLength: 3 }).map((p) => p.join('|')),
    })).alternation
    const text = fc.array(fc.constantFrom('ab', 'c', 'de', 'x', 'a', 'b', 'd', 'e', ' '), { maxLength: 8 }).map((p) => p.join(''))
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 5 }), (p, texts) => {
        const words: string[] = requiredWords(p)
        const re = new RegExp(p)
        for (const t of texts) if (words.length && re.test(t)) expect([p, t, words.some((w) => t.indexOf(w) >= 0)]).toEqual([p, t, true])
      }),
      { numRuns: 3000 },
    )
  })

  test('a text a rule matches has one of its words (random texts around each rule\'s words and examples)', () => {
    // The decoding rules, the reason policies and the guidance reasons (data/guidance.json): the same shape.
    const rules = [...DECODING().rules, ...(DECODING().policies || []), ...GUIDANCE_REASONS]
    const pieces = ['time', 'out', ' ', 'ed', 'auth', 'orize', 'deny', 'denied', 'user ', 'cancel', 'l', 'abort', 'x']
    pieces.push('ssl', 'hand', 'shake', 'cert', '_authority', 'err_', 'main', 'switch', 'is', 'switched off', 'tap')
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        const text = parts.join('')
        for (const [pattern, , , words] of rules) {
          if (new RegExp(pattern).test(text) && words.length) expect(words.some((w) => text.indexOf(w) >= 0)).toBe(true)
        }
      }),
      { numRuns: 2000 },
    )
  })
})

describe('legacy errCode tables', () => {
  const rows: Array<{ errCode: number; errno: number | null; errMsg: string; table: string; onlyWhenReason?: string }> = legacy.codes
  // An API that sends each table's codes (the errMsg names it).
  const API_OF: { [table: string]: string } = { bluetooth: 'createBLEConnection', beacon: 'startBeaconDiscovery', wifi: 'connectWifi', nfc: 'startHCE', subscribe: 'requestSubscribeMessage', soter: 'startSoterAuthentication' }
  test.each(rows.filter((r) => r.errno !== null && !r.onlyWhenReason && r.errCode !== 0).map((r) => [r.errCode, r.errno, r.errMsg, r.table] as const))('errCode %i -> errno %i', (errCode, errno, errMsg, table) => {
    expect(legacyCodeToErrno(errCode)).toBe(errno)
    expect(legacyCodeToErrno(errCode, undefined, API_OF[table])).toBe(errno)
    const error = toErrnoError({ errMsg: `${API_OF[table]}:fail:${errMsg}`, errCode })
    expect(error).toMatchObject({ errno, errCode, known: true })
    expect(lookupErrno(errno!)).toBeDefined()
  })

  // A failure that lost its errCode (a framework's wrapper, a logged errMsg) still decodes by the table's own text: to
  // the twin, or to the errno whose errMsg column is that very text (Wi-Fi's "duplicate request" is iOS's 1505030).
  // Tables whose APIs are a whole family (a text is matched across the family: iBeacon's are left out)
  const texts = rows.filter((r) => r.errno !== null && !r.onlyWhenReason && r.errCode !== 0 && r.errMsg && ['bluetooth', 'wifi', 'nfc'].indexOf(r.table) >= 0)
  test.each(texts.map((r) => [r.errMsg, r.errCode, r.errno, r.table] as const))('"%s" (errCode %i) decodes without its code', (errMsg, _errCode, errno, table) => {
    for (const errMsgSent of [`${API_OF[table]}:fail:${errMsg}`, `${API_OF[table]}:fail ${errMsg}`]) {
      const decoded = toErrnoError({ errMsg: errMsgSent }).errno
      if (decoded !== errno) expect(lookupErrno(decoded)!.errMsg.toLowerCase()).toBe(errMsg.toLowerCase())
    }
  })

  test('a table text decodes only for the APIs of its family', () => {
    expect(toErrnoError({ errMsg: 'connectWifi:fail:wifi not turned on' }).errno).toBe(1505002)
    expect(toErrnoError({ errMsg: 'connectWifi:fail:connection timeout' }).errno).toBe(1505026)
    expect(toErrnoError({ errMsg: 'startWifi:fail:not init' }).errno).toBe(1505001)
    expect(toErrnoError({ errMsg: 'openBluetoothAdapter:fail:not init' }).errno).toBe(1500101)
    // iBeacon's "unsupport" is not the phone lacking BLE for every Bluetooth API
    expect(toErrnoError({ errMsg: 'setBLEMTU:fail unsupported' }).errno).toBe(-1)
    expect(toErrnoError({ errMsg: 'startBeaconDiscovery:fail:unsupport', errCode: 11000 }).errno).toBe(1500105) // with its code
    expect(toErrnoError({ errMsg: 'request:fail connection timeout' }).errno).toBe(5) // a network time-out, not Wi-Fi's
    expect(toErrnoError({ errMsg: 'request:fail gps not turned on' }).errno).toBe(-1)
  })

  test.each(rows.filter((r) => r.errno === null).map((r) => [r.errCode, r.table] as const))('errCode %i has no errno twin: known false, message names the table', (errCode, table) => {
    const error = toErrnoError({ errMsg: `${API_OF[table]}:fail`, errCode })
    expect(error).toMatchObject({ errno: -1, known: false, errCode })
    expect(error.message).toMatch(/errCode table has no errno equivalent/)
  })

  test('codes other APIs reuse with their own meanings are not read from the device tables', () => {
    // requestSubscribeMessage: 10004 "invalid parameter type", 20004 "the main switch is off"
    const subscribe = toErrnoError({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.', errCode: 10004 })
    expect(subscribe).toMatchObject({ errno: -1, errCode: 10004, api: 'requestSubscribeMessage', known: false })
    // its own table (the typings' 错误码 list reuses 10001-10005): no errno twin, never the Bluetooth one
    expect(subscribe.message).toMatch(/legacy errCode 10004 of the subscription message errCode table has no errno equivalent/)
    expect(toErrnoError({ errMsg: 'requestSubscribeMessage:fail:main switch off', errCode: 20004 }).errno).toBe(-1)
    // InnerAudioContext.onError: 10001 system error, 10002 network error (the api given by the caller)
    expect(toErrnoError({ errMsg: '', errCode: 10001 }, 'InnerAudioContext.onError')).toMatchObject({ errno: -1, errCode: 10001 })
    expect(toErrnoError({ errMsg: 'getBackgroundAudioPlayerState:fail', errCode: 10002 }).errno).toBe(-1)
    expect(legacyCodeToErrno(10001, undefined, 'requestSubscribeMessage')).toBeUndefined()
    expect(legacyCodeToErrno(12005, undefined, 'openBluetoothAdapter')).toBeUndefined() // a Wi-Fi code from a Bluetooth API
    expect(legacyTableName(10001, 'requestSubscribeMessage')).toBe('subscription message errCode table')
    expect(legacyTableName(10001)).toBe('Bluetooth/BLE errCode table')
    expect(getGuidance(subscribe)!.source).toBe('legacy:10004') // no Bluetooth modal for a subscription failure
    expect(toErrnoError({ errMsg: 'x:fail', errCode: 10002 }).message).toMatch(/x's own code, not a code of the Bluetooth/)
    // the APIs the runtime names in errMsg, wxp's prefixed names and the NFC tag methods still read their tables
    expect(toErrnoError({ errMsg: 'connect:fail:Tech already connected', errCode: 13022 }).errno).toBe(legacyCodeToErrno(13022))
    expect(toErrnoError({ errMsg: 'x', errCode: 13001 }, 'NFCAdapter.startDiscovery').errno).toBe(1504003)
    expect(toErrnoError({ errMsg: 'x', errCode: 10006 }, 'BLEPeripheralServer.writeCharacteristicValue').errno).toBe(1509003)
    expect(toErrnoError({ errMsg: 'getBeacons:fail', errCode: 11001 }).errno).toBe(1500102)
    expect(toErrnoError({ errMsg: 'getConnectedWifi:fail:currentWifi is null', errCode: 12010 }).errno).toBe(1505032)
  })

  test('the shared -1 maps only when the reason says "already connect"', () => {
    expect(toErrnoError({ errMsg: 'createBLEConnection:fail:already connect', errCode: -1 }).errno).toBe(1509007)
    expect(toErrnoError({ errMsg: 'getSomething:fail', errCode: -1 }).errno).toBe(-1)
    expect(toErrnoError({ errMsg: 'startWifi:fail:already connect', errCode: -1 }).errno).toBe(-1) // not a Bluetooth API
  })

  test('the reference example without errno (an older base library) decodes the same', () => {
    expect(toErrnoError({ errMsg: 'openBluetoothAdapter:fail:not available', errCode: 10001 }).errno).toBe(1500102)
    expect(toErrnoError({ errMsg: 'startWifi:fail:wifi not turned on', errCode: 12005 }).errno).toBe(1505002)
  })
})
