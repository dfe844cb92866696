import { textOf } from '../shared/text'
import { clampDelay } from '../shared/delay'
import { ErrnoError, UNKNOWN_ERRNO } from '../errno/ErrnoError'
import { toErrnoError } from '../errno/normalize'
import { reportFailure } from '../wx/failures'
import { notSupported } from '../wx/invoke'
import type { AbortSignalLike } from '../policy/retry'
import { globalWx } from '../wx/access'
import type { AnyObject } from '../wx/access'
type Listener = (...args: any[]) => void

/** Event names of `wx`: `BLECharacteristicValueChange` for onBLECharacteristicValueChange. */
export type WxEventName = {
  [K in keyof WechatMiniprogram.Wx]: K extends `on${infer E}`
    ? `off${E}` extends keyof WechatMiniprogram.Wx
      ? E
      : never
    : never
}[keyof WechatMiniprogram.Wx]

/** What a wx event's listener receives. */
export type WxEventPayload<E extends string> = `on${E}` extends keyof WechatMiniprogram.Wx
  ? WechatMiniprogram.Wx[`on${E}`] extends (listener: infer L) => any
    ? L extends (payload: infer P) => any
      ? P
      : unknown
    : unknown
  : unknown

declare const ANY_EVENT: unique symbol
/** An event name the typings do not know (yet), made with {@link anyEvent}: its payload is `unknown`. */
export type AnyEventName = string & { readonly [ANY_EVENT]: true }

/**
 * The escape hatch for an event miniprogram-api-typings does not list yet (or an object's own event):
 * `once(anyEvent('NewThingHappen'))`. Every other name is checked against the typings.
 */
export function anyEvent(name: string): AnyEventName {
  return name as AnyEventName
}

export interface EventSourceOptions {
  /** The object with the on…/off… pair. @default the global wx */
  target?: object
}

function resolveTarget(options?: EventSourceOptions): AnyObject | undefined {
  return options && options.target ? (options.target as AnyObject) : globalWx()
}

/**
 * Subscribes to an event with one call and returns the function that unsubscribes.
 * The listener is never called after unsubscribing, even where the base library has no `off…`.
 *
 * @example
 * const stop = subscribe('BLECharacteristicValueChange', ({ value }) => parse(value))
 * // later
 * stop()
 */
export function subscribe<E extends WxEventName | AnyEventName>(
  event: E,
  listener: (payload: WxEventPayload<E>) => void,
  options?: EventSourceOptions,
): () => void
/** An object's own event (a TCPSocket's `Connect`, a BLEPeripheralServer's …): any name, given the `target`. */
export function subscribe(
  event: string,
  listener: (payload: unknown) => void,
  options: EventSourceOptions & { target: object },
): () => void
export function subscribe(event: string, listener: (payload: any) => void, options?: EventSourceOptions): () => void {
  if (typeof event !== 'string')
    throw new ErrnoError({ errno: 1001, errMsg: 'subscribe:fail the event name must be a string', cause: event })
  const api = 'on' + event
  // Options, a target or an on…/off… that throws (a Proxy, a broken double) give a typed error, never their own.
  const threw = (thrown: unknown) =>
    new ErrnoError({ errno: UNKNOWN_ERRNO, errMsg: api + ':fail the event source threw', api, cause: thrown })
  let target: AnyObject | undefined
  let on: unknown
  try {
    target = resolveTarget(options)
    on = target ? target[api] : undefined
  } catch (thrown) {
    throw threw(thrown)
  }
  if (typeof listener !== 'function')
    throw new ErrnoError({ errno: 1001, errMsg: api + ':fail listener must be a function', api, cause: listener })
  if (typeof on !== 'function') throw notSupported(api, target)
  let active = true
  const handler: Listener = function (payload) {
    if (active) listener(payload)
  }
  try {
    on.call(target, handler)
  } catch (thrown) {
    throw threw(thrown)
  }
  return function unsubscribe() {
    if (!active) return
    active = false
    try {
      const off = target ? (target as AnyObject)['off' + event] : undefined
      if (typeof off === 'function') off.call(target, handler)
    } catch (error) {
      /* already gone, or an off… that throws: the listener is inactive either way */
    }
  }
}

export interface OnceOptions<P> extends EventSourceOptions {
  /** Reject with errno 5 (time out) after this many milliseconds. Infinity: no limit. */
  timeout?: number
  /** Stop waiting when the signal aborts: the promise rejects with errno 1 (a cancel) and the listener is removed. */
  signal?: AbortSignalLike
  /** Wait for the first event this accepts. */
  filter?: (payload: P) => boolean
}

/** A promise from once(): `cancel()` stops waiting (errno 1, a cancel) and removes the listener. */
export type CancellableOnce<T> = Promise<T> & { cancel(): void }

/** The next event's payload; unsubscribes when it comes, on time-out, on cancel (signal or cancel()), or on error. */
export function once<E extends WxEventName | AnyEventName>(
  event: E,
  options?: OnceOptions<WxEventPayload<E>>,
): CancellableOnce<WxEventPayload<E>>
/** An object's own event (a TCPSocket's `Connect` …): any name, given the `target`. */
export function once(event: string, options: OnceOptions<unknown> & { target: object }): CancellableOnce<unknown>
export function once(event: string, options: OnceOptions<any> = {}): CancellableOnce<any> {
  if (options === null) options = {}
  let cancel: () => void = () => undefined
  let settled: Promise<any> | undefined
  let quiet = false
  const api = 'on' + textOf(event)
  const promise = new Promise<any>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let stop: (() => void) | undefined
    let done = false
    const signal = options.signal
    const onAbort = () => cancel()
    const finish = () => {
      done = true
      if (timer !== undefined) clearTimeout(timer)
      if (stop) stop()
      if (signal && typeof signal.removeEventListener === 'function') {
        try {
          signal.removeEventListener('abort', onAbort)
        } catch (error) {
          /* a signal that throws */
        }
      }
    }
    const fail = (error: ErrnoError) => {
      finish()
      reject(error)
    }
    cancel = () => {
      if (done) return
      // Nobody may be waiting any more (a discovery that failed): a cancel is never an unhandled rejection.
      quiet = true
      if (settled) settled.catch(() => undefined)
      fail(new ErrnoError({ errno: 1, errMsg: api + ':fail cancel', api }))
    }
    let aborted = false
    try {
      aborted = !!(signal && signal.aborted)
    } catch (error) {
      aborted = false
    }
    if (aborted) return cancel()
    try {
      if (signal && typeof signal.addEventListener === 'function') signal.addEventListener('abort', onAbort)
      stop = subscribe(
        event as AnyEventName,
        (payload) => {
          if (done) return
          let accepted = true
          try {
            if (options.filter) accepted = !!options.filter(payload)
          } catch (thrown) {
            return fail(
              new ErrnoError({
                errno: UNKNOWN_ERRNO,
                errMsg: api + ':fail the filter threw',
                api,
                cause: thrown,
              }),
            )
          }
          if (!accepted) return
          finish()
          resolve(payload)
        },
        options,
      )
    } catch (thrown) {
      return fail(toErrnoError(thrown, api))
    }
    if (done && stop) stop()
    if (!done && typeof options.timeout === 'number' && options.timeout !== Infinity) {
      timer = setTimeout(
        () => fail(reportFailure(new ErrnoError({ errno: 5, errMsg: api + ':fail time out', api }))),
        clampDelay(options.timeout),
      )
    }
  }) as CancellableOnce<any>
  settled = promise
  if (quiet) promise.catch(() => undefined)
  promise.cancel = () => cancel()
  return promise
}

/** The most unread events events() keeps, whatever bufferSize asks. */
const MAX_BUFFER = 10000

export interface EventStreamOptions extends EventSourceOptions {
  /** How many unread events to keep (at most 10,000); older ones are dropped. @default 256 */
  bufferSize?: number
}

/**
 * An event as an async iterable; leaving the loop (`break`, `return`, a throw) unsubscribes.
 *
 * @example
 * for await (const { devices } of events('BluetoothDeviceFound')) {
 *   if (devices.some(isMyLock)) break
 * }
 */
export function events<E extends WxEventName | AnyEventName>(
  event: E,
  options?: EventStreamOptions,
): AsyncIterableIterator<WxEventPayload<E>>
/** An object's own event as an async iterable: any name, given the `target`. */
export function events(event: string, options: EventStreamOptions & { target: object }): AsyncIterableIterator<unknown>
export function events<E extends string>(
  event: E,
  options: EventStreamOptions = {},
): AsyncIterableIterator<WxEventPayload<E>> {
  if (options === null) options = {}
  // Bounded whatever is asked (Infinity included): an event nobody reads must not grow without end.
  const bufferSize =
    typeof options.bufferSize === 'number' && options.bufferSize >= 1
      ? Math.min(Math.floor(options.bufferSize), MAX_BUFFER)
      : 256
  const buffer: Array<WxEventPayload<E>> = []
  const waiting: Array<(result: IteratorResult<WxEventPayload<E>>) => void> = []
  let closed = false
  const stop = subscribe(
    event as unknown as AnyEventName,
    (payload: any) => {
      const next = waiting.shift()
      if (next) return next({ value: payload, done: false })
      buffer.push(payload)
      if (buffer.length > bufferSize) buffer.shift()
    },
    options,
  )
  const close = (): Promise<IteratorResult<WxEventPayload<E>>> => {
    if (!closed) {
      closed = true
      stop()
      buffer.length = 0
      while (waiting.length)
        (waiting.shift() as (result: IteratorResult<WxEventPayload<E>>) => void)({ value: undefined, done: true })
    }
    return Promise.resolve({ value: undefined, done: true })
  }
  const iterator: AsyncIterableIterator<WxEventPayload<E>> = {
    next() {
      if (buffer.length) return Promise.resolve({ value: buffer.shift() as WxEventPayload<E>, done: false })
      if (closed) return Promise.resolve({ value: undefined, done: true })
      return new Promise((resolve) => waiting.push(resolve))
    },
    return: close,
    throw(error?: unknown) {
      close()
      return Promise.reject(error)
    },
    [Symbol.asyncIterator]() {
      return iterator
    },
  }
  return iterator
}
