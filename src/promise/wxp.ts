import { isSyncApi, isNotApi, WRAPPED_GETTER } from './rules'
import { invokeAsync } from '../wx/invoke'
import { toErrnoError } from '../errno/normalize'
import { globalWx } from '../wx/access'
import { reportFailure } from '../wx/failures'
import { promisifyCloud } from './cloud'
import type { AnyObject } from '../wx/access'
import type { Promisified, WxPromisified } from './types'

/**
 * Wraps a wx-shaped object resolved at each access (`() => wx` for the global), so the library
 * can be imported where no `wx` exists.
 *
 * The object handed out is a plain object whose prototype is a Proxy: the first access to an
 * asynchronous method goes through the Proxy, which puts the wrapper on the plain object, so
 * every later call finds it as an ordinary property (no Proxy trap on the hot path; measured in
 * `npm run bench`). Synchronous members and plain values are read from wx at each access.
 */
function wrap(resolveTarget: () => AnyObject | undefined, prefix: string): AnyObject {
  const syncMethods: AnyObject = Object.create(null)
  let fsOwner: AnyObject | undefined
  let fs: AnyObject | undefined
  let cloudOwner: unknown
  let cloud: AnyObject | undefined
  const fallback = new Proxy(Object.create(null), {
    get(_, key, receiver) {
      if (typeof key !== 'string') return undefined
      const target = resolveTarget()
      if (key === 'fs' && prefix === '') {
        if (target !== fsOwner || !fs) {
          fsOwner = target
          let manager: AnyObject | undefined
          fs = wrapObject(() => {
            if (!manager && target && typeof target.getFileSystemManager === 'function')
              manager = target.getFileSystemManager()
            return manager
          }, 'FileSystemManager')
        }
        return fs
      }
      const value = target ? target[key] : undefined
      if (key === 'cloud' && prefix === '') {
        if (!value || typeof value !== 'object') return value
        // wx.cloud: every rejection a CloudError (./cloud.ts); wrapped again only when wx.cloud is replaced.
        if (value !== cloudOwner || !cloud) {
          cloudOwner = value
          cloud = promisifyCloud(value)
        }
        return cloud
      }
      if (isSyncApi(key) || isNotApi(key) || (value !== undefined && typeof value !== 'function')) {
        if (typeof value !== 'function') return value
        let sync = syncMethods[key]
        if (!sync) {
          const wrapResult = WRAPPED_GETTER.test(key)
          const inference = key === 'createInferenceSession'
          sync = syncMethods[key] = function (this: unknown) {
            const owner = resolveTarget()
            // eslint-disable-next-line prefer-rest-params
            const result = (owner as AnyObject)[key].apply(owner, arguments)
            if (!result || typeof result !== 'object') return result
            return wrapResult
              ? wrapObject(() => result, key.slice(3))
              : inference
                ? wrapInferenceSession(result)
                : result
          }
        }
        return sync
      }
      const api = prefix + key
      const server = key === 'createBLEPeripheralServer'
      const method = function (options?: unknown) {
        const owner = resolveTarget()
        // eslint-disable-next-line prefer-rest-params
        const promise = invokeAsync(
          owner,
          owner ? owner[key] : undefined,
          api,
          options,
          arguments.length > 1 ? arguments : undefined,
        )
        return server ? promise.then(wrapPeripheralServerResult) : promise
      }
      Object.defineProperty(receiver, key, { value: method, writable: true, configurable: true })
      return method
    },
    has(_, key) {
      const target = resolveTarget()
      return typeof key === 'string' && !!target && key in target
    },
  })
  return Object.create(fallback)
}

function wrapObject(resolveTarget: () => AnyObject | undefined, name: string): AnyObject {
  return wrap(resolveTarget, name + '.')
}

function wrapPeripheralServerResult(result: unknown): unknown {
  const value = result as AnyObject | undefined
  if (value && value.server && typeof value.server === 'object') {
    const server = value.server
    return Object.assign({}, value, { server: wrapObject(() => server, 'BLEPeripheralServer') })
  }
  return result
}

/** InferenceSession.run already returns a promise; make its rejection (or a synchronous throw) an ErrnoError too. */
function wrapInferenceSession(session: AnyObject): AnyObject {
  return new Proxy(session, {
    get(target, key) {
      const value = target[key as string]
      if (typeof value !== 'function') return value
      if (key !== 'run') return value.bind(target)
      return (...args: unknown[]) =>
        new Promise((resolve) => resolve(value.apply(target, args))).catch((failure: unknown) => {
          throw reportFailure(toErrnoError(failure, 'InferenceSession.run'))
        })
    },
  })
}

/**
 * Promisifies any wx-shaped object: `wx` itself, a test double, `qq`, `tt`.
 * Every asynchronous method returns a promise whose rejection is an ErrnoError.
 */
export function createWxp(wxLike: object): WxPromisified {
  return wrap(() => wxLike as AnyObject, '') as unknown as WxPromisified
}

/** Promisifies the asynchronous methods of one object (an NFC tag, a BLEPeripheralServer, a SocketTask). */
export function promisifyObject<T extends object>(object: T, name = 'object'): Promisified<T> {
  return wrapObject(() => object as AnyObject, typeof name === 'string' ? name : 'object') as unknown as Promisified<T>
}

/** Every wx API, promisified; binds the global `wx` at each call, so importing it without `wx` is safe. */
export const wxp: WxPromisified = wrap(globalWx, '') as unknown as WxPromisified
