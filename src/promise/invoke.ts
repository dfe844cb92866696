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

/**
 * Calls an asynchronous wx-style method and returns a promise of its success result.
 * The caller's options are copied, never mutated; the caller's own success/fail/complete still
 * run (after the promise settles); the promise settles once, however often the callbacks fire.
 */
export function invokeAsync(owner: unknown, method: unknown, api: string, args: ArrayLike<unknown>): Promise<unknown> & { task?: unknown } {
  let returned: unknown
  const promise: Promise<unknown> & { task?: unknown } = new Promise((resolve, reject) => {
    if (typeof method !== 'function') return reject(notSupported(api, owner))
    const options = args.length > 0 ? args[0] : undefined
    if (options !== undefined && options !== null && typeof options !== 'object') {
      return reject(new ErrnoError({ errno: 1001, errMsg: api + ':fail invalid options: expected an object, got ' + typeof options, api, cause: options }))
    }
    const given = options as Options | null | undefined
    let userSuccess: unknown, userFail: unknown, userComplete: unknown, callOptions: Options
    let settled = false
    try {
      userSuccess = given ? given.success : undefined
      userFail = given ? given.fail : undefined
      userComplete = given ? given.complete : undefined
      callOptions = Object.assign({}, given, {
        success(result: unknown) {
          if (settled) return
          settled = true
          resolve(result)
          callUser(userSuccess, result)
          callUser(userComplete, result)
        },
        fail(failure: unknown) {
          if (settled) return
          settled = true
          reject(toErrnoError(failure, api))
          callUser(userFail, failure)
          callUser(userComplete, failure)
        },
        complete: undefined,
      })
    } catch (error) {
      return reject(toErrnoError(error, api)) // options whose getters throw
    }
    const callArgs: unknown[] = [callOptions]
    for (let i = 1; i < args.length; i++) callArgs.push(args[i])
    try {
      returned = (method as AnyFunction).apply(owner, callArgs)
    } catch (error) {
      settled = true
      return reject(toErrnoError(error, api))
    }
    // A double (or a future base library) that answers with a promise instead of the callbacks.
    if (!settled && returned && typeof (returned as PromiseLike<unknown>).then === 'function') {
      const thenable = returned as PromiseLike<unknown>
      returned = undefined
      thenable.then(
        (result) => { if (!settled) { settled = true; resolve(result) } },
        (failure) => { if (!settled) { settled = true; reject(toErrnoError(failure, api)) } },
      )
    }
  })
  if (returned !== undefined && returned !== null && typeof returned === 'object') promise.task = returned
  return promise
}

/** Promisifies one wx-style function: `promisify(wx.getSetting, 'getSetting')`. */
export function promisify<F extends AnyFunction>(fn: F, api?: string): (...args: Parameters<F>) => Promise<unknown> & { task?: unknown } {
  const name = api || (typeof fn === 'function' && fn.name) || 'promisified'
  return function (this: unknown) {
    // eslint-disable-next-line prefer-rest-params
    return invokeAsync(this, fn, name, arguments)
  }
}
