import { toCloudError } from './cloud-error'
import { reportFailure } from '../wx/failures'
import type { AnyObject } from '../wx/access'

// wx.cloud already answers with promises; what it rejects with is a plain object or an Error whose code sits in
// errCode, code or the text. This wraps wx.cloud (or a `new wx.cloud.Cloud({...})` instance) so that every rejection
// is a CloudError, heard by onFailure, and database query chains (collection, doc, where, aggregate stages) stay
// wrapped to their last call. Sources: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/
// and the WxCloud / DB.* types of miniprogram-api-typings (lib.wx.cloud.d.ts).

/** The methods of wx.cloud that answer asynchronously (a promise without callbacks, a task or nothing with them). */
const CLOUD_METHODS: { [key: string]: true } = {
  init: true,
  callFunction: true,
  uploadFile: true,
  downloadFile: true,
  getTempFileURL: true,
  deleteFile: true,
  callContainer: true,
  connectContainer: true,
  getOpenData: true,
  getVoIPSign: true,
}

/** Database members whose result is data to put in a query or a record, not a builder to wrap. */
const DATA_MAKERS: { [key: string]: true } = { serverDate: true, RegExp: true, command: true, Geo: true }

/** A failure of wx.cloud as this library hands it on: a CloudError, heard by onFailure. */
const cloudFailure = (failure: unknown) => reportFailure(toCloudError(failure))

const rethrow = (failure: unknown): never => {
  throw cloudFailure(failure)
}

/**
 * The promise a cloud call returned, its rejection a CloudError (a `then` that throws is a failure too); undefined
 * when the result is not a promise.
 */
function asCloudPromise(result: unknown): Promise<unknown> | undefined {
  try {
    return isThenable(result) ? Promise.resolve(result).then(undefined, rethrow) : undefined
  } catch (failure) {
    return Promise.reject(cloudFailure(failure))
  }
}

/** Calls a cloud method: a rejection or a synchronous throw becomes a CloudError; a `fail` callback gets one too. */
function callCloud(owner: AnyObject, method: (...args: unknown[]) => unknown, args: IArguments): unknown {
  let result: unknown
  try {
    const list = Array.prototype.slice.call(args)
    const options = list[0]
    if (options && typeof options === 'object' && typeof options.fail === 'function') {
      const fail = options.fail
      list[0] = Object.assign({}, options, {
        fail: (failure: unknown) => fail.call(options, cloudFailure(failure)),
      })
    }
    result = method.apply(owner, list)
  } catch (failure) {
    return Promise.reject(cloudFailure(failure))
  }
  // A promise (no callbacks given): its rejection becomes a CloudError.
  return asCloudPromise(result) || result
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    !!value &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as AnyObject).then === 'function'
  )
}

/**
 * true when a Proxy must hand out the property as it is: a non-configurable, read-only own property (a frozen
 * object's) cannot be replaced by a wrapper (the Proxy invariant).
 */
function mustPassThrough(object: object, key: string): boolean {
  try {
    const own = Object.getOwnPropertyDescriptor(object, key)
    return !!own && !own.configurable && own.writable === false
  } catch (failure) {
    return false
  }
}

const isObject = (value: unknown): value is object =>
  value !== null && (typeof value === 'object' || typeof value === 'function')

/**
 * Wraps a database, a collection, a query, a document reference or an aggregate: a promise it returns rejects with
 * a CloudError, a synchronous throw becomes one, and the builders it returns are wrapped the same way.
 */
function wrapDatabaseObject<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, key) {
      let value: unknown
      try {
        value = (object as AnyObject)[key as string]
      } catch (failure) {
        throw cloudFailure(failure) // a getter of the SDK's object that throws
      }
      if (typeof value !== 'function' || typeof key !== 'string' || mustPassThrough(object, key)) return value
      return function (this: unknown) {
        let result: unknown
        try {
          // eslint-disable-next-line prefer-rest-params
          result = value.apply(object, arguments)
        } catch (failure) {
          throw cloudFailure(failure)
        }
        const promise = asCloudPromise(result)
        if (promise) return promise
        if (result && typeof result === 'object' && !DATA_MAKERS[key]) return wrapDatabaseObject(result as object)
        return result
      }
    },
  })
}

/**
 * wx.cloud, or another object shaped like it (`new wx.cloud.Cloud({ resourceEnv })`), whose every rejection is a
 * CloudError: callFunction, uploadFile, downloadFile, getTempFileURL, deleteFile, callContainer and the database.
 * A failure with no cloud code (the network under wx.cloud) is a CloudError with code `UNKNOWN` whose policy is that
 * of the wx failure in `cause`.
 *
 * @example
 * const cloud = promisifyCloud(new wx.cloud.Cloud({ resourceEnv: 'prod-1' }))
 * await cloud.init()
 * await cloud.callFunction({ name: 'login' }) // rejects with CloudError
 */
export function promisifyCloud<T extends object>(cloud: T): T {
  if (!isObject(cloud))
    throw new TypeError('promisifyCloud: expected wx.cloud or a wx.cloud.Cloud instance, got ' + typeof cloud)
  const cache: { [key: string]: unknown } = Object.create(null)
  return new Proxy(cloud, {
    get(target, key) {
      let value: AnyObject[string]
      try {
        value = (target as AnyObject)[key as string]
      } catch (failure) {
        throw cloudFailure(failure)
      }
      if (typeof value !== 'function' || typeof key !== 'string' || mustPassThrough(target, key)) return value
      if (cache[key] && (cache[key] as { of?: unknown }).of === value) return cache[key]
      let wrapper: AnyObject
      if (key === 'database') {
        wrapper = function (this: unknown) {
          // eslint-disable-next-line prefer-rest-params
          const database = value.apply(target, arguments)
          return isObject(database) ? wrapDatabaseObject(database) : database
        }
      } else if (key === 'Cloud') {
        wrapper = function (this: unknown, options?: unknown) {
          const instance = new value(options)
          return isObject(instance) ? promisifyCloud(instance) : instance
        }
      } else if (CLOUD_METHODS[key]) {
        wrapper = function (this: unknown) {
          // eslint-disable-next-line prefer-rest-params
          return callCloud(target as AnyObject, value, arguments)
        }
      } else {
        wrapper = function (this: unknown) {
          // eslint-disable-next-line prefer-rest-params
          return value.apply(target, arguments)
        }
      }
      wrapper.of = value
      cache[key] = wrapper
      return wrapper
    },
  })
}
