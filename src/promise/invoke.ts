import { ErrnoError } from '../errno/ErrnoError'
import { toErrnoError } from '../errno/normalize'

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
    setTimeout(() => { throw error }, 0)
  }
}

function notSupported(api: string, cause?: unknown): ErrnoError {
  return new ErrnoError({ errno: 100, errMsg: api + ':fail jsapi not supported', api, cause })
}

/** The caller passed success/fail/complete: they run once, after the promise settles. */
function withCallerCallbacks(callOptions: Options, given: Options, resolve: (value: unknown) => void, reject: (error: unknown) => void, api: string): void {
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
    reject(toErrnoError(failure, api))
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
export function invokeAsync(owner: unknown, method: unknown, api: string, options: unknown, args?: ArrayLike<unknown>): Promise<unknown> & { task?: unknown } {
  // `args`, when given, is every argument of the call (options first): only for the rare method
  // that takes more than an options object. Passing `arguments` on every call costs (measured).
  let returned: unknown
  const promise: Promise<unknown> & { task?: unknown } = new Promise((resolve, reject) => {
    if (typeof method !== 'function') return reject(notSupported(api, owner))
    if (options !== undefined && options !== null && typeof options !== 'object') {
      return reject(new ErrnoError({ errno: 1001, errMsg: api + ':fail invalid options: expected an object, got ' + typeof options, api, cause: options }))
    }
    const fail = (failure: unknown) => reject(toErrnoError(failure, api))
    let callOptions: Options
    try {
      const given = options as Options | null | undefined
      callOptions = Object.assign({}, given)
      if (given && (given.success !== undefined || given.fail !== undefined || given.complete !== undefined)) {
        withCallerCallbacks(callOptions, given, resolve, reject, api)
      } else {
        callOptions.success = resolve
        callOptions.fail = fail
      }
    } catch (error) {
      return fail(error) // options whose getters throw
    }
    try {
      returned = args && args.length > 1
        ? (method as AnyFunction).apply(owner, [callOptions].concat(Array.prototype.slice.call(args, 1)))
        : (method as AnyFunction).call(owner, callOptions)
    } catch (error) {
      return fail(error)
    }
    // A double (or a future base library) that answers with a promise instead of the callbacks.
    if (returned && typeof (returned as PromiseLike<unknown>).then === 'function') {
      const thenable = returned as PromiseLike<unknown>
      returned = undefined
      thenable.then(resolve, fail)
    }
  })
  if (returned !== undefined && returned !== null && typeof returned === 'object') promise.task = returned
  return promise
}

/** Promisifies one wx-style function: `promisify(wx.getSetting, 'getSetting')`. */
export function promisify<F extends AnyFunction>(fn: F, api?: string): (...args: Parameters<F>) => Promise<unknown> & { task?: unknown } {
  const name = api || (typeof fn === 'function' && fn.name) || 'promisified'
  return function (this: unknown, options?: unknown) {
    // eslint-disable-next-line prefer-rest-params
    return invokeAsync(this, fn, name, options, arguments.length > 1 ? arguments : undefined)
  } as unknown as (...args: Parameters<F>) => Promise<unknown> & { task?: unknown }
}
