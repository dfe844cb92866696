// Fault injection through wx doubles: every promise settles exactly once, with a clear value or
// error, and none hangs.
import { createWxp, ErrnoError, showGuidance, resetGuidanceState, withTimeout, once, createBLEWriter, subscribe } from '../src/index'
import { createFakeWx } from '../src/testing/index'

/** Settles within `ms` or fails the test with "hung". */
function settles<T>(promise: Promise<T>, ms = 1000): Promise<{ value?: T; error?: unknown }> {
  return Promise.race([
    promise.then((value) => ({ value }), (error) => ({ error })),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('hung')), ms)),
  ])
}

type Method = (options: any) => unknown
const faults: Array<[string, Method, 'value' | 'error']> = [
  ['success twice', (o) => { o.success({ n: 1 }); o.success({ n: 2 }) }, 'value'],
  ['fail twice', (o) => { o.fail({ errMsg: 'x:fail' }); o.fail({ errMsg: 'x:fail again' }) }, 'error'],
  ['success then fail', (o) => { o.success({ n: 1 }); o.fail({ errMsg: 'x:fail' }) }, 'value'],
  ['fail then success', (o) => { o.fail({ errMsg: 'x:fail' }); o.success({ n: 1 }) }, 'error'],
  ['fail with undefined', (o) => o.fail(undefined), 'error'],
  ['fail with a string', (o) => o.fail('x:fail timeout'), 'error'],
  ['success later, fail now', (o) => { setTimeout(() => o.success({}), 0); o.fail({ errMsg: 'x:fail' }) }, 'error'],
  ['throws before any callback', () => { throw new TypeError('boom') }, 'error'],
  ['throws after success', (o) => { o.success({}); throw new Error('late') }, 'value'],
  ['answers with a resolved promise, no callbacks', () => Promise.resolve({ viaPromise: true }), 'value'],
  ['answers with a rejected promise, no callbacks', () => Promise.reject({ errMsg: 'x:fail', errno: 5 }), 'error'],
  ['returns undefined instead of a task, then succeeds', (o) => { setTimeout(() => o.success({ statusCode: 200 }), 0); return undefined }, 'value'],
  ['calls complete only', (o) => o.complete && o.complete({}), 'error'],
]

describe('a wx method misbehaving', () => {
  test.each(faults)('%s: settles once', async (_, method, outcome) => {
    const calls: string[] = []
    const wxp: any = createWxp({ x: method })
    const timeoutMs = outcome === 'error' && _ === 'calls complete only' ? 20 : 1000
    const promise = _ === 'calls complete only' ? withTimeout(wxp.x({}), timeoutMs, 'x') : wxp.x({})
    promise.then(() => calls.push('resolved'), () => calls.push('rejected'))
    const result = await settles(promise)
    await new Promise((resolve) => setTimeout(resolve, 5)) // give late callbacks their chance
    expect(calls).toHaveLength(1)
    if (outcome === 'value') expect(result.error).toBeUndefined()
    else expect(result.error).toBeInstanceOf(ErrnoError)
  })

  test('a request whose double returns no task still resolves, with no .task', async () => {
    const wxp = createWxp({ request: (o: any) => { o.success({ statusCode: 200, data: {} }) } })
    const promise = wxp.request({ url: 'https://x' })
    expect(promise.task).toBeUndefined()
    await expect(promise).resolves.toMatchObject({ statusCode: 200 })
  })

  test('withTimeout aborts the task of a request that never answers', async () => {
    const task = { aborted: false, abort() { this.aborted = true } }
    const wxp = createWxp({ request: () => task })
    await expect(withTimeout(wxp.request({ url: 'https://x' }), 10, 'request')).rejects.toMatchObject({ errno: 5, api: 'request' })
    expect(task.aborted).toBe(true)
  })
})

describe('guidance faults: showModal fails or never answers, actions reject', () => {
  beforeEach(() => resetGuidanceState())
  test.each([
    ['showModal fails', { modal: 'fail' as const }, { shown: false, reason: 'modal-failed' }],
    ['showModal never answers', { modal: 'never' as const }, { shown: true, reason: 'timeout' }],
    ['openSystemBluetoothSetting rejects', { overrides: { openSystemBluetoothSetting: () => { throw { errMsg: 'openSystemBluetoothSetting:fail auth deny' } } } }, { confirmed: true, actionResult: 'failed' }],
    ['showModal throws synchronously', { overrides: { showModal: () => { throw new Error('native crash') } } }, { shown: false, reason: 'modal-failed' }],
  ])('%s: settles with a clear result', async (_, options, expected) => {
    const result = await settles(showGuidance({ errno: 1500102 }, { wx: createFakeWx(options as any), timeoutMs: 20, platform: 'android' }))
    expect(result.error).toBeUndefined()
    expect(result.value).toMatchObject(expected)
  })

  test('after a modal that never answered, the next one is not blocked', async () => {
    await showGuidance({ errno: 1500102 }, { wx: createFakeWx({ modal: 'never' }), timeoutMs: 10 })
    const next = await settles(showGuidance({ errno: 1505002 }, { wx: createFakeWx({ modal: 'cancel' }) }))
    expect(next.value).toMatchObject({ shown: true })
  })
})

describe('storms', () => {
  beforeEach(() => resetGuidanceState())
  test('1,000 concurrent failures with guidance show one modal', async () => {
    const fake = createFakeWx({ state: { bluetooth: 'off' }, modal: 'cancel' })
    const wxp = createWxp(fake)
    const failures = await Promise.all(Array.from({ length: 1000 }, () => wxp.openBluetoothAdapter().catch((e) => e)))
    await Promise.all(failures.map((error) => showGuidance(error, { wx: fake })))
    expect(fake.callsOf('showModal')).toHaveLength(1)
  })

  test('10,000 BLE subscribe/unsubscribe cycles and 10,000 once() time-outs leave no listener', async () => {
    const fake = createFakeWx()
    for (let i = 0; i < 10000; i++) subscribe('BLECharacteristicValueChange', () => undefined, { target: fake })()
    await Promise.all(Array.from({ length: 10000 }, () => once('BLEConnectionStateChange', { target: fake, timeout: 1 }).catch(() => undefined)))
    expect(fake.listenerCount('BLECharacteristicValueChange')).toBe(0)
    expect(fake.listenerCount('BLEConnectionStateChange')).toBe(0)
  })

  test('a BLE writer under 200 concurrent writes never overlaps two writes', async () => {
    let busy = false
    let overlaps = 0
    const fake = createFakeWx({ timing: 'macrotask', overrides: { writeBLECharacteristicValue: () => {
      if (busy) overlaps++
      busy = true
      setTimeout(() => { busy = false }, 0)
      return { errMsg: 'writeBLECharacteristicValue:ok' }
    } } })
    const writer = createBLEWriter({ deviceId: 'd', serviceId: 's', characteristicId: 'c', wx: fake })
    await Promise.all(Array.from({ length: 200 }, () => writer.write(new Uint8Array(30))))
    expect(overlaps).toBe(0)
    expect(fake.callsOf('writeBLECharacteristicValue')).toHaveLength(400)
    expect(writer.pending).toBe(0)
  })
})
