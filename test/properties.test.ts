// Property-based tests (fast-check): whatever comes in, nothing throws, the original is kept,
// messages stay bounded and no prototype is touched.
import fc from 'fast-check'
import {
  toErrnoError, ErrnoError, decodeErrno, toWxServerError, WxServerError, toCloudError, CloudError, toHttpApiError, HttpApiError,
  isRetriable, retryDelay, getGuidance, withRetry, getPolicy, errorKind,
} from '../src/index'

const RUNS = 2000
const MAX_MESSAGE = 2001 // every message is at most 2,000 characters
export const runs: Record<string, number> = {}

function prototypesUntouched() {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(BASELINE)
  expect(({} as { [key: string]: unknown }).polluted).toBeUndefined()
}
const BASELINE = Object.getOwnPropertyNames(Object.prototype).sort()

/** Values a failure can be: JSON, fail-shaped objects with any field types, huge strings, cycles, frozen objects, hostile proxies. */
// fast-check itself asks `in` and getPrototypeOf of its values: those traps are tested below, by hand.
const hostileProxy = fc.constant(new Proxy({}, { get() { throw new Error('get trap') }, ownKeys() { throw new Error('keys trap') } }))
const failShaped = fc.record(
  { errno: fc.anything(), errCode: fc.anything(), errMsg: fc.oneof(fc.string(), fc.anything()), errcode: fc.anything(), code: fc.anything(), message: fc.anything(), statusCode: fc.anything() },
  { requiredKeys: [] },
)
const cyclic = fc.anything().map((value) => {
  const object: { [key: string]: unknown } = { errMsg: 'x:fail', value }
  object.self = object
  return object
})
const huge = fc.integer({ min: 100_000, max: 1_000_000 }).map((n) => ({ errMsg: 'request:fail ' + 'x'.repeat(n), errcode: 40001, error: 'e'.repeat(n) }))
const anyFailure = fc.oneof(
  fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }),
  failShaped,
  failShaped.map((o) => Object.freeze(o)),
  cyclic,
  hostileProxy,
  fc.jsonValue(),
  fc.string().map((s) => JSON.parse(JSON.stringify({ ['__proto__']: { polluted: true }, errMsg: s }).replace('"___proto__"', '"__proto__"'))),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "errMsg": "x:fail"}')),
)

function property<T>(name: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void, numRuns = RUNS) {
  test(`${name} (${numRuns} cases)`, () => {
    fc.assert(fc.property(arbitrary, (value) => { predicate(value) }), { numRuns })
    runs[name] = numRuns
  })
}

describe('toErrnoError', () => {
  property('never throws, always an ErrnoError, cause is the same reference, message bounded', anyFailure, (value) => {
    const error = toErrnoError(value)
    expect(error).toBeInstanceOf(ErrnoError)
    expect(error.cause).toBe(value)
    expect(error.message.length).toBeLessThan(MAX_MESSAGE)
    expect(typeof error.errno).toBe('number')
    prototypesUntouched()
  })
  property('huge inputs make bounded messages', huge, (value) => {
    expect(toErrnoError(value).message.length).toBeLessThan(MAX_MESSAGE)
    expect(toWxServerError(value)!.message.length).toBeLessThan(MAX_MESSAGE)
    expect(toHttpApiError(400, value)!.message.length).toBeLessThan(MAX_MESSAGE)
  }, 20)
  property('the policy functions and getGuidance never throw on anything', anyFailure, (value) => {
    expect(typeof isRetriable(value)).toBe('boolean')
    const delay = retryDelay(value)
    expect(delay === undefined || delay >= 0).toBe(true)
    getGuidance(value, { locale: 'en', platform: 'android' })
    expect(typeof getPolicy(value).kind).toBe('string')
  })
})

/** wx-shaped failures whose reasons mix the texts data/errno.json knows (errnos and reasonPolicies) with noise. */
const wxFailure = fc.record({
  api: fc.constantFrom('navigateTo', 'switchTab', 'openSetting', 'getPhoneNumber', 'request', 'getLocation', 'x'),
  separator: fc.constantFrom(':fail ', ':fail:', '：fail ', ':fail'),
  words: fc.array(fc.oneof(
    fc.constantFrom('can only be invoked by user TAP gesture', 'webview count limit exceed', 'page "a" is not found', 'user deny',
      'can not navigateTo a tabbar page', 'auth deny', 'timeout', 'not available', 'cannot navigate back at first page'),
    fc.string({ maxLength: 8 }),
  ), { maxLength: 3 }),
  errno: fc.constantFrom(undefined, -1, 5, 103),
  upper: fc.boolean(),
}).map(({ api, separator, words, errno, upper }) => {
  const reason = words.join(' ')
  const failure: { errMsg: string; errno?: number } = { errMsg: api + separator + (upper ? reason.toUpperCase() : reason) }
  if (errno !== undefined) failure.errno = errno
  return failure
})

describe('policy and kind', () => {
  property('the error, getPolicy, errorKind and the JSON agree on any wx failure; only errno -1 takes a policy from its reason', wxFailure, (failure) => {
    const error = toErrnoError(failure)
    expect(getPolicy(failure)).toEqual(error.policy)
    expect([errorKind(failure), errorKind(error), error.toJSON().kind]).toEqual([error.kind, error.kind, error.kind])
    if (error.errno !== -1) expect(error.policy).toEqual(getPolicy({ errno: error.errno, errMsg: 'x:fail' }))
    // errorFromJSON-style round trip: the JSON's errno and errMsg give the same policy again
    expect(toErrnoError({ errno: error.errno, errMsg: error.errMsg, api: error.api }, error.api).policy).toEqual(error.policy)
  })
})

describe('proxies whose every trap throws', () => {
  const traps = ['get', 'has', 'ownKeys', 'getPrototypeOf', 'getOwnPropertyDescriptor', 'apply', 'construct']
  const hostile = () => new Proxy(function () { /* target */ }, Object.fromEntries(traps.map((trap) => [trap, () => { throw new Error(trap + ' trap') }])))
  test('toErrnoError, toWxServerError, toCloudError, toHttpApiError, the policy and guidance never throw', () => {
    const value = hostile()
    expect(toErrnoError(value).cause).toBe(value)
    expect(toWxServerError(value)).toBeUndefined()
    expect(toCloudError(value).cause).toBe(value)
    expect(toHttpApiError(500, value, hostile())!.cause).toBe(value)
    expect(isRetriable(value)).toBe(false)
    expect(getGuidance(value)).toBeUndefined()
    expect(() => JSON.stringify(toHttpApiError(500, value))).not.toThrow()
  })
})

describe('decodeErrno', () => {
  property('over all numbers: never throws; integers 0..9,999,999 split into 2/2/3 digits, everything else -1', fc.oneof(fc.double(), fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 9999999 }), fc.constantFrom(NaN, Infinity, -Infinity, -0)), (value) => {
    const decoded = decodeErrno(value)
    if (Number.isInteger(value) && value >= 0 && value <= 9999999) {
      expect(decoded.first * 100000 + decoded.second * 1000 + decoded.specific).toBe(value)
      expect(decoded.second).toBeLessThan(100)
      expect(decoded.specific).toBeLessThan(1000)
    } else {
      expect(decoded).toMatchObject({ first: -1, second: -1, specific: -1 })
    }
  })
})

describe('server, cloud and HTTP errors', () => {
  property('toWxServerError never throws: undefined or a WxServerError keeping the body', anyFailure, (value) => {
    const error = toWxServerError(value)
    if (error !== undefined) {
      expect(error).toBeInstanceOf(WxServerError)
      expect(error.message.length).toBeLessThan(MAX_MESSAGE)
      expect(() => JSON.stringify(error)).not.toThrow()
    }
    prototypesUntouched()
  })
  property('toCloudError never throws: a CloudError keeping the cause', anyFailure, (value) => {
    const error = toCloudError(value)
    expect(error).toBeInstanceOf(CloudError)
    expect(error.cause).toBe(value)
    expect(() => JSON.stringify(error)).not.toThrow()
    prototypesUntouched()
  })
  property('toHttpApiError never throws over any status, body and headers', fc.tuple(fc.oneof(fc.integer({ min: -1, max: 700 }), fc.anything()), anyFailure, anyFailure), ([status, body, headers]) => {
    const error = toHttpApiError(status as number, body, headers)
    if (error !== undefined) {
      expect(error).toBeInstanceOf(HttpApiError)
      expect(error.cause).toBe(body)
      expect(() => JSON.stringify(error)).not.toThrow()
      isRetriable(error)
    }
    prototypesUntouched()
  })
})

describe('constructors', () => {
  // Any init object, its fields of any type (a Symbol, a throwing toString, a proxy): an error that prints and
  // serialises, policy and kind readable, the cause kept.
  const field = fc.oneof(fc.anything(), fc.constant(Symbol('s')), fc.constant({ toString: () => { throw new Error('boom') } }))
  const init = fc.record(
    { errno: field, errMsg: field, errCode: field, api: field, note: field, errcode: field, errmsg: field, url: field, code: field, requestId: field, statusCode: field, error: field, description: field, table: field, cause: field },
    { requiredKeys: [] },
  )
  property('new ErrnoError / WxServerError / CloudError / HttpApiError(any init object) never throws', init, (value) => {
    for (const Class of [ErrnoError, WxServerError, CloudError, HttpApiError] as Array<new (init: never) => ErrnoError>) {
      const error = new Class(value as never)
      expect(error.cause).toBe((value as { cause?: unknown }).cause)
      expect(error.message.length).toBeLessThan(MAX_MESSAGE)
      expect(typeof String(error)).toBe('string')
      expect(() => JSON.stringify(error)).not.toThrow()
      expect(typeof error.kind).toBe('string')
      expect(typeof getPolicy(error).kind).toBe('string')
    }
    prototypesUntouched()
  })
})

describe('withRetry', () => {
  test('never exceeds its attempts or its delay cap (300 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 20 }), fc.array(fc.constantFrom(5, 1003, 600000, 103, 1), { minLength: 1, maxLength: 8 }), async (attempts, minDelayMs, maxDelayMs, errnos) => {
        let calls = 0
        const delays: number[] = []
        await withRetry(() => Promise.reject({ errno: errnos[calls++ % errnos.length] }), { attempts, minDelayMs, maxDelayMs, onRetry: (c) => delays.push(c.delayMs) }).catch(() => undefined)
        expect(calls).toBeLessThanOrEqual(attempts)
        for (const delay of delays) expect(delay).toBeLessThanOrEqual(maxDelayMs)
      }),
      { numRuns: 300 },
    )
    runs['withRetry attempts and delay cap'] = 300
  })
})

// The class of defect the outside harness found (secrets escaping, timers overflowing) is found here first.
describe('secrets and timers (the full budget runs in npm run fuzz)', () => {
  const SECRET = 'ZQXSECRETZQX'
  const carrier = fc.constantFrom(
    `?access_token=${SECRET}`, `#id_token=${SECRET}`, `"client_secret":"${SECRET}"`, `Authorization: Bearer ${SECRET}`,
    `https://u:${SECRET}@h.example.com`, `password = ${SECRET}`, `redirect_uri=https%3A%2F%2Fx%2Fcb%3Faccess_token%3D${SECRET}`, `{"session_key": "${SECRET}"}`,
  )
  test('a planted secret never reaches message, String or JSON, wherever the 2,000-character cut falls', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2500 }), carrier, fc.string({ maxLength: 60 }), (before, secret, after) => {
      const error = toErrnoError({ errMsg: 'request:fail ' + before + ' ' + secret + ' ' + after })
      for (const text of [error.message, String(error), JSON.stringify(error)]) expect(text).not.toContain(SECRET)
      for (const other of [toWxServerError({ errcode: 40001, errmsg: before + ' ' + secret })!, toHttpApiError(500, { message: before + ' ' + secret })!, toCloudError({ code: 'SYS_ERR', message: before + ' ' + secret })]) {
        expect(JSON.stringify(other)).not.toContain(SECRET)
      }
    }), { numRuns: RUNS })
  })
  test('retryDelay is finite and setTimeout-safe for any Retry-After', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 500 }), fc.double(), fc.integer()), (value) => {
      const delay = retryDelay(toHttpApiError(503, {}, { 'Retry-After': value }))
      expect(delay === undefined || (Number.isFinite(delay) && delay >= 0 && delay <= 2147483647)).toBe(true)
    }), { numRuns: RUNS })
  })
})
