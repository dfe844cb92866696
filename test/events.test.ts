// once, events and the BLE writer (src/promise/events.ts, ble.ts): cancellation and hostile input.
import { once, ErrnoError, events, createBLEWriter, subscribe, anyEvent } from '../src/index'
import { createFakeWx } from '../src/testing/index'

describe('once() can be cancelled', () => {
  test('cancel() and an aborted signal reject with a cancel and leave no listener', async () => {
    const fake = createFakeWx()
    const waiting = once('BluetoothDeviceFound', { target: fake })
    expect(fake.listenerCount('BluetoothDeviceFound')).toBe(1)
    waiting.cancel()
    await expect(waiting).rejects.toMatchObject({ errno: 1 })
    expect(fake.listenerCount('BluetoothDeviceFound')).toBe(0)
    const listeners: Array<() => void> = []
    const signal = { aborted: false, addEventListener: (_t: 'abort', l: () => void) => listeners.push(l), removeEventListener: () => undefined }
    const second = once('BluetoothDeviceFound', { target: fake, signal })
    signal.aborted = true
    listeners.forEach((l) => l())
    await expect(second).rejects.toMatchObject({ errno: 1 })
    expect(fake.listenerCount('BluetoothDeviceFound')).toBe(0)
  })
})

describe('once() does not wait for ever when asked not to', () => {
  test('a time-out rejects with errno 5 and leaves no listener', async () => {
    const fake = createFakeWx()
    await expect(once('BluetoothDeviceFound', { target: fake, timeout: 10 })).rejects.toMatchObject({ errno: 5, api: 'onBluetoothDeviceFound' })
    expect(fake.listenerCount('BluetoothDeviceFound')).toBe(0)
  })
})

describe('once, events and the BLE writer under hostile input', () => {
  function countingSignal(aborted: boolean) {
    const added: unknown[] = []
    const removed: unknown[] = []
    return { added, removed, signal: { aborted, addEventListener: (_t: 'abort', l: () => void) => added.push(l), removeEventListener: (_t: 'abort', l: () => void) => removed.push(l) } }
  }

  test('once with an already aborted signal rejects with a cancel ErrnoError and leaves nothing behind', async () => {
    const fake = createFakeWx()
    const { added, signal } = countingSignal(true)
    const waiting = once('BluetoothDeviceFound', { target: fake, signal })
    await expect(waiting).rejects.toBeInstanceOf(ErrnoError)
    await expect(waiting).rejects.toMatchObject({ errno: 1 })
    expect(fake.listenerCount('BluetoothDeviceFound')).toBe(0)
    expect(added).toHaveLength(0)
  })

  test('an event source whose on… or off… throws (getter or call): typed errors, and once\'s time-out never throws from its timer', async () => {
    const thrown = new Error('broken source')
    const sources: Array<[string, object]> = [
      ['a Proxy', new Proxy({}, { get() { throw thrown } })],
      ['an on… that throws', { onX() { throw thrown }, offX() {} }],
      ['an on… getter that throws', { get onX() { throw thrown }, offX() {} }],
    ]
    for (const [, target] of sources) {
      let error: unknown
      try {
        subscribe(anyEvent('X'), () => undefined, { target })
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(ErrnoError)
      expect(error).toMatchObject({ errno: -1, errMsg: 'onX:fail the event source threw', api: 'onX', cause: thrown })
      await expect(once(anyEvent('X'), { target, timeout: 5 })).rejects.toMatchObject({ errMsg: 'onX:fail the event source threw', cause: thrown })
    }
    // An off… getter that throws: unsubscribing is quiet, and once's time-out (which unsubscribes in its timer) rejects.
    let listening = 0
    const offThrows = { onX() { listening++ }, get offX(): never { throw thrown } }
    const stop = subscribe(anyEvent('X'), () => undefined, { target: offThrows })
    expect(stop).not.toThrow()
    await expect(once(anyEvent('X'), { target: offThrows, timeout: 5 })).rejects.toMatchObject({ errno: 5 })
    expect(listening).toBe(2)
  })

  test('a filter that throws rejects with an ErrnoError (its exception as cause); no listener of any kind is left', async () => {
    const fake = createFakeWx()
    const { added, removed, signal } = countingSignal(false)
    const thrown = new Error('bad filter')
    const waiting = once('BluetoothDeviceFound', { target: fake, signal, filter: () => { throw thrown } })
    fake.emit('BluetoothDeviceFound', { devices: [] })
    const error = await waiting.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ErrnoError)
    expect((error as ErrnoError).cause).toBe(thrown)
    expect(fake.listenerCount('BluetoothDeviceFound')).toBe(0)
    expect(removed).toEqual(added)
    // resolved normally: the abort listener goes too
    const second = countingSignal(false)
    const ok = once('BluetoothDeviceFound', { target: fake, signal: second.signal })
    fake.emit('BluetoothDeviceFound', { devices: [1] })
    await expect(ok).resolves.toEqual({ devices: [1] })
    expect(second.removed).toEqual(second.added)
  })

  test('events({ bufferSize: Infinity }) keeps at most 10,000 unread events', async () => {
    const fake = createFakeWx()
    const stream = events('BluetoothDeviceFound', { target: fake, bufferSize: Infinity })
    for (let i = 0; i < 20000; i++) fake.emit('BluetoothDeviceFound', { devices: [i] })
    const first = await stream.next()
    expect((first.value as { devices: number[] }).devices[0]).toBe(10000)
    await stream.return!()
  })

  test('a BLE write slower than writeTimeoutMs is never sent again: the device gets each chunk once, in order', async () => {
    const received: number[] = []
    let slow = true
    const wx = {
      getDeviceInfo: () => ({ platform: 'android' }),
      writeBLECharacteristicValue(o: any) {
        received.push(new Uint8Array(o.value)[0])
        const late = slow
        slow = false
        setTimeout(() => o.success({ errMsg: 'writeBLECharacteristicValue:ok' }), late ? 80 : 1)
      },
    }
    const writer = createBLEWriter({ deviceId: 'd', serviceId: 's', characteristicId: 'c', wx, writeTimeoutMs: 20, retryDelayMs: 0 })
    const data = new Uint8Array(40).map((_, i) => (i < 20 ? 1 : 2)) // two 20-byte chunks: 1 then 2
    await expect(writer.write(data)).rejects.toMatchObject({ errno: 5 })
    await writer.write(new Uint8Array(20).fill(3))
    expect(received).toEqual([1, 3]) // chunk 1 once, never again; the late answer came before the next write
  })

  test('MTU: one rule, an integer from 23 to 517, rejected otherwise, in the options and in negotiateMTU', async () => {
    const ids = { deviceId: 'd', serviceId: 's', characteristicId: 'c' }
    for (const mtu of [22, 518, 600, 185.5]) expect(() => createBLEWriter(Object.assign({ mtu }, ids))).toThrow(ErrnoError)
    const writer = createBLEWriter(Object.assign({ wx: createFakeWx() }, ids))
    for (const mtu of [22, 518, 600, 185.5, NaN]) await expect(writer.negotiateMTU(mtu)).rejects.toMatchObject({ errno: 1001 })
  })
})
