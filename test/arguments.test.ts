// Public functions given what they do not take (JavaScript callers, an adversary): a result, or a clear typed error,
// never an internal crash ("Cannot read properties of null", "x.trim is not a function", "Cannot convert object").
import * as lib from '../src/index'
import { createFakeWx } from '../src/testing/index'

const unprintable = () => ({
  toString() {
    throw new Error('toString threw')
  },
  valueOf() {
    throw new Error('valueOf threw')
  },
})
const WRONG: Array<[string, () => unknown]> = [
  ['undefined', () => undefined],
  ['null', () => null],
  ['a number', () => 42],
  ['NaN', () => NaN],
  ['a bigint', () => BigInt(10)],
  ['an array', () => [1, 2]],
  ['a function', () => function named() {}],
  ['a null-prototype object', () => Object.create(null)],
  ['an object whose toString throws', unprintable],
  ['a Symbol', () => Symbol('s')],
]
const INTERNAL = /is not a function|Cannot read prop|Cannot convert|is not iterable|Cannot mix BigInt|threw$/

/** What a call gave: 'ok', or the error thrown or rejected with. */
async function outcome(call: () => unknown): Promise<unknown> {
  let result: unknown
  try {
    result = call()
  } catch (error) {
    return error
  }
  if (!result || typeof (result as { then?: unknown }).then !== 'function') return 'ok'
  const settled = await Promise.race([
    Promise.resolve(result).then(
      () => 'ok',
      (error) => error,
    ),
    new Promise((resolve) => setTimeout(() => resolve('pending'), 50)),
  ])
  const cancel = (result as { cancel?: () => void }).cancel
  if (typeof cancel === 'function') cancel()
  return settled
}

const fns = lib as unknown as { [name: string]: (...args: unknown[]) => unknown }
// Each function with a valid call, so that only the argument under test is wrong.
const CALLS: Array<[string, unknown[]]> = [
  ['parseErrMsg', ['request:fail timeout']],
  ['errnoFromReason', ['time out', 'request']],
  ['legacyCodeToErrno', [10001, 'not available', 'openBluetoothAdapter']],
  ['legacyTableName', [10001, 'openBluetoothAdapter']],
  ['errnoMeaning', [5]],
  ['lookupErrno', [5]],
  ['errnoPolicy', [5]],
  ['isSyncApi', ['getStorageSync']],
  ['canRunAction', ['openSetting', {}, 'android']],
  ['msUntilNextBeijingDay', [0]],
  ['registerGuidance', [5, { en: { title: 't' } }]],
  ['promisifyObject', [{}, 'tag']],
  ['withTimeout', [Promise.resolve(1), 10, 'request']],
  ['subscribe', ['BLEConnectionStateChange', () => undefined]],
  ['once', ['BLEConnectionStateChange', { timeout: 10 }]],
  ['events', ['BLEConnectionStateChange', {}]],
  ['checkReadiness', ['ble-scan', {}]],
  ['getGuidance', [{ errMsg: 'request:fail timeout', errno: 5 }, { locale: 'en' }]],
  ['wxServerBodyDecoder', [{ data: {}, statusCode: 200, header: {} }, 'https://a.example.com']],
  ['httpStatusDecoder', [{ data: {}, statusCode: 200, header: {} }, 'https://a.example.com']],
  ['easemobDecoder', [{ data: {}, statusCode: 200, header: {} }, 'https://a.example.com']],
  ['createRealtimeLogReporter', [{}]],
]

describe('public functions given what they do not take', () => {
  const previous = (global as { wx?: unknown }).wx
  beforeAll(() => {
    ;(global as { wx?: unknown }).wx = createFakeWx()
  })
  afterAll(() => {
    ;(global as { wx?: unknown }).wx = previous
  })

  const cases: Array<[string, number, string, () => unknown]> = []
  for (const [name, args] of CALLS)
    for (let position = 0; position < args.length; position++)
      for (const [label, make] of WRONG) cases.push([name, position, label, make])

  test.each(cases)('%s, argument %i %s: a result or a clear typed error', async (name, position, _label, make) => {
    const args = (CALLS.filter((c) => c[0] === name)[0][1] as unknown[]).slice()
    args[position] = make()
    const silence = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const result = await outcome(() => fns[name].apply(null, args))
    silence.mockRestore()
    // 'pending': once() with its options replaced waits for an event that never comes (no time-out was asked for);
    // outcome() cancels it. A hang is not what this test looks for; events.test.ts checks once()'s time-out.
    if (result === 'ok' || result === 'pending') return
    expect(result).toBeInstanceOf(Error)
    const error = result as Error
    expect(error.message).not.toMatch(INTERNAL)
    expect(error instanceof lib.ErrnoError || error instanceof TypeError).toBe(true)
  })

  test('what they give back for a wrong argument', () => {
    expect(lib.parseErrMsg(undefined as unknown as string)).toEqual({ failed: false, reason: '' })
    expect(lib.errnoFromReason(42 as unknown as string)).toBeUndefined()
    expect(lib.errnoMeaning(Object.create(null))).toBeUndefined()
    expect(lib.legacyCodeToErrno(10001, null as unknown as string, 'openBluetoothAdapter')).toBe(1500102)
    expect(() => lib.registerGuidance(Object.create(null), {})).toThrow(/^registerGuidance\(errno, overrides\)/)
    expect(() => lib.msUntilNextBeijingDay('now' as unknown as number)).toThrow(TypeError)
  })

  test('null options mean no options', async () => {
    const error = lib.toErrnoError({ errMsg: 'request:fail timeout', errno: 5 })
    expect(lib.getGuidance(error, null as unknown as undefined)).toBeDefined()
    await expect(lib.checkReadiness('ble-scan', null as unknown as undefined)).resolves.toHaveProperty('ready')
    expect(() => lib.createRealtimeLogReporter(null as unknown as undefined)).not.toThrow()
    const waiting = lib.once('BLEConnectionStateChange', null as unknown as undefined)
    waiting.cancel()
    await expect(waiting).rejects.toMatchObject({ errno: 1 })
    expect(createFakeWx(null as unknown as undefined).getSystemInfoSync()).toHaveProperty('platform')
  })

  test('an event name that is not a string rejects once() with errno 1001, the name kept as cause', async () => {
    const name = unprintable()
    await expect(lib.once(name as unknown as 'BLEConnectionStateChange')).rejects.toMatchObject({ errno: 1001, cause: name })
  })
})

describe('the realtime-log reporter given hostile failures', () => {
  function reporter() {
    const logged: unknown[][] = []
    const manager = {
      error: (...args: unknown[]) => logged.push(args),
      warn: (...args: unknown[]) => logged.push(args),
      addFilterMsg: () => undefined,
    }
    return { logged, report: lib.createRealtimeLogReporter({ wx: { getRealtimeLogManager: () => manager } }) }
  }
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

  test('an Error whose name or message cannot be printed is logged as unprintable; the flush never throws', async () => {
    const { logged, report } = reporter()
    report(Object.assign(new Error('first'), { name: unprintable() }))
    report(Object.assign(new Error('second'), { message: unprintable() }))
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('get threw')
        },
      },
    )
    report(hostile as unknown as Error)
    await tick()
    expect(logged.map((args) => args[1])).toEqual([
      expect.objectContaining({ name: '[unprintable object]', message: 'first' }),
      expect.objectContaining({ name: 'Error', message: '[unprintable object]' }),
    ])
  })

  test('a plain wx failure passed by hand is logged with its errMsg, masked', async () => {
    const { logged, report } = reporter()
    report({ errMsg: 'request:fail https://a.example.com/?access_token=S3CR3T&x=1', errno: 600001 } as unknown as Error)
    await tick()
    expect(logged).toHaveLength(1)
    const entry = logged[0][1] as { message: string; code: string }
    expect(entry.code).toBe('600001')
    expect(entry.message).toContain('request:fail https://a.example.com/?access_token=')
    expect(entry.message).not.toContain('S3CR3T')
  })
})
