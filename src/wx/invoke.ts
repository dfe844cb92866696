import { ErrnoError } from '../errno/ErrnoError'
import { toErrnoError } from '../errno/normalize'
import { reportFailure } from './failures'

type AnyFunction = (...args: any[]) => any
type Options = { [key: string]: unknown }

/** A promise from the promise layer; task APIs (request, downloadFile, ...) also carry their task. */
export type TaskPromise<T, Task> = Promise<T> & { task: Task }

/** Exceptions thrown by a caller's own success/fail/complete are re-thrown on a later tick (App.onError sees them). */
function callUser(callback: unknown, value: unknown): void {
  if (typeof callback !== 'function') return
  try {
    callback(value)
  } catch (error) {
    setTimeout(() => {
      throw error
    }, 0)
  }
}

/** errno 100: the running base library (or a double) lacks the API. */
export function notSupported(api: string, cause?: unknown): ErrnoError {
  return new ErrnoError({ errno: 100, errMsg: api + ':fail jsapi not supported', api, cause })
}

/**
 * `owner[name]`, the method invokeAsync calls. Reading it may throw (a Proxy, a broken double): then a function that
 * throws the same, so the call fails as a method that throws does, typed and through the caller's `fail`.
 */
export function methodOf(owner: unknown, name: string): unknown {
  try {
    return owner ? (owner as Options)[name] : undefined
  } catch (thrown) {
    return () => {
      throw thrown
    }
  }
}

/** A copy of the own enumerable keys, with `__proto__` kept as an ordinary data property. */
function ownCopy(given: Options): Options {
  const copy: Options = {}
  for (const key of Object.keys(given))
    Object.defineProperty(copy, key, { value: given[key], enumerable: true, writable: true, configurable: true })
  return copy
}

/** The caller passed success/fail/complete: they run once, after the promise settles. */
function withCallerCallbacks(
  callOptions: Options,
  given: Options,
  resolve: (value: unknown) => void,
  reject: (error: unknown) => void,
  api: string,
): void {
  const userSuccess = given.success
  const userFail = given.fail
  const userComplete = given.complete
  let settled = false
  callOptions.success = (result: unknown) => {
    if (settled) return
    settled = true
    resolve(result)
    callUser(userSuccess, result)
    callUser(userComplete, result)
  }
  callOptions.fail = (failure: unknown) => {
    if (settled) return
    settled = true
    reject(reportFailure(toErrnoError(failure, api)))
    callUser(userFail, failure)
    callUser(userComplete, failure)
  }
  callOptions.complete = undefined
}

/**
 * Calls an asynchronous wx-style method and returns a promise of its success result.
 * The caller's options are copied, never mutated; the caller's own success/fail/complete still
 * run (after the promise settles); the promise settles once, however often the callbacks fire
 * (a promise settles once by itself, so the common path needs no flag).
 */
export function invokeAsync(
  owner: unknown,
  method: unknown,
  api: string,
  options: unknown,
  args?: ArrayLike<unknown>,
): Promise<unknown> & { task?: unknown } {
  // `args`, when given, is every argument of the call (options first): only for the rare method
  // that takes more than an options object. Passing `arguments` on every call costs (measured).
  let returned: unknown
  const promise: Promise<unknown> & { task?: unknown } = new Promise((resolve, reject) => {
    // Told once: a framework API (Taro's processApis) calls fail and also rejects the promise it returns.
    let failed = false
    let fail = (failure: unknown) => {
      if (failed) return
      failed = true
      reject(reportFailure(toErrnoError(failure, api)))
    }
    let callOptions: Options
    try {
      const given = options as Options | null | undefined
      callOptions = Object.assign({}, given)
      // An own `__proto__` key (JSON.parse('{"__proto__":{…}}')) must stay data, never become the copy's prototype.
      if (Object.getPrototypeOf(callOptions) !== Object.prototype) callOptions = ownCopy(given as Options)
      if (given && (given.success !== undefined || given.fail !== undefined || given.complete !== undefined)) {
        withCallerCallbacks(callOptions, given, resolve, reject, api)
        // Every failure path (missing method, bad options, a throw, a rejected promise) reaches the caller's
        // fail/complete.
        fail = callOptions.fail as typeof fail
      } else {
        callOptions.success = resolve
        callOptions.fail = fail
      }
    } catch (error) {
      return fail(error) // options whose getters throw
    }
    if (typeof method !== 'function') return fail(notSupported(api, owner))
    if (options != null && typeof options !== 'object') {
      return fail(
        new ErrnoError({
          errno: 1001,
          errMsg: api + ':fail invalid options: expected an object, got ' + typeof options,
          api,
          cause: options,
        }),
      )
    }
    try {
      returned =
        args && args.length > 1
          ? (method as AnyFunction).apply(owner, [callOptions].concat(Array.prototype.slice.call(args, 1)))
          : (method as AnyFunction).call(owner, callOptions)
    } catch (error) {
      return fail(error)
    }
    // A double (or a future base library) that answers with a promise instead of the callbacks.
    try {
      const then = returned ? (returned as PromiseLike<unknown>).then : undefined
      if (typeof then === 'function') {
        const thenable = returned
        returned = undefined
        then.call(thenable, callOptions.success as (value: unknown) => void, fail)
      }
    } catch (error) {
      returned = undefined
      fail(error) // a `then` (or its getter) that throws
    }
  })
  if (returned !== undefined && returned !== null && typeof returned === 'object') promise.task = returned
  return promise
}

/** What a promisified function resolves with: the argument of its options' `success` callback. */
export type PromisifiedResult<F> = F extends (options: infer O, ...rest: any[]) => any
  ? NonNullable<O> extends { success?: infer S }
    ? NonNullable<S> extends (result: infer R) => any
      ? R
      : unknown
    : unknown
  : unknown

/**
 * Promisifies one wx-style function: `promisify(wx.getSetting, 'getSetting')` resolves with
 * GetSettingSuccessCallbackResult.
 */
export function promisify<F extends AnyFunction>(
  fn: F,
  api?: string,
): (...args: Parameters<F>) => Promise<PromisifiedResult<F>> & { task?: unknown } {
  const name = api || (typeof fn === 'function' && fn.name) || 'promisified'
  return function (this: unknown, options?: unknown) {
    // eslint-disable-next-line prefer-rest-params
    return invokeAsync(this, fn, name, options, arguments.length > 1 ? arguments : undefined)
  } as unknown as (...args: Parameters<F>) => Promise<PromisifiedResult<F>> & { task?: unknown }
}
