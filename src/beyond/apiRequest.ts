import { invokeAsync, methodOf } from '../wx/invoke'
import { globalWx } from '../wx/access'
import { reportFailure, markRecovered } from '../wx/failures'
import type { AnyObject } from '../wx/access'
import { toWxServerError } from './WxServerError'
import { toHttpApiError } from './HttpApiError'
import { requiresReauthorization } from '../policy/policy'
import { ErrnoError, UNKNOWN_ERRNO } from '../errno/ErrnoError'
import { clampDelay } from '../shared/delay'

/** Turns a successful wx.request result into an error, or says it is fine (undefined). */
export type ResponseDecoder = (
  response: WechatMiniprogram.RequestSuccessCallbackResult,
  url: string,
) => Error | undefined

/** A WeChat server body `{errcode: non-zero}` (even with HTTP 200) -> WxServerError. */
export const wxServerBodyDecoder: ResponseDecoder = (response, url) =>
  response ? toWxServerError(response.data, { url }) : undefined

/** HTTP status >= 400 -> HttpApiError (with the body's error, description and Retry-After). */
export const httpStatusDecoder: ResponseDecoder = (response, url) =>
  response ? toHttpApiError(response.statusCode, response.data, response.header, { url }) : undefined

/** Like httpStatusDecoder, and reads `{error, error_description}` bodies with the Easemob IM REST table (seed 003). */
export const easemobDecoder: ResponseDecoder = (response, url) =>
  response ? toHttpApiError(response.statusCode, response.data, response.header, { url, table: 'easemob' }) : undefined

export interface ApiRequestConfig {
  /**
   * Tried in order; the first error wins. Anything but an array of functions is a TypeError at the call; a decoder
   * that throws, or answers something other than an object, rejects the request with an ErrnoError whose `cause`
   * is what it threw or answered. @default [wxServerBodyDecoder, httpStatusDecoder]
   */
  decoders?: ResponseDecoder[]
  /** @default the global wx */
  wx?: object
  /**
   * Signs in again when a failure requires it (HTTP 401, server 40001/42001 as the app's token, CloudBase
   * token codes: see requiresReauthorization). It runs once for all the requests that fail together
   * (they share its promise), then each request is sent again once; a second failure rejects.
   * Give `header` as a function so the request sent again carries the new token.
   */
  reauthorize?: () => unknown
  /**
   * The longest wait for `reauthorize`; a sign-in that never settles then rejects the request with its
   * original failure. @default 30000
   */
  reauthorizeTimeoutMs?: number
}

/** wx.request options whose header may be a function, read each time the request is sent. */
export type ApiRequestOptions<T extends string | WechatMiniprogram.IAnyObject | ArrayBuffer> = Omit<
  WechatMiniprogram.RequestOption<T>,
  'header'
> & {
  header?: WechatMiniprogram.IAnyObject | (() => WechatMiniprogram.IAnyObject | undefined)
}

// One sign-in refresh for the whole app, whatever function each request passed: concurrent failures share it,
// and a failure of a request sent before the last refresh finished is sent again without another.
let refreshing: Promise<unknown> | undefined
let refreshes = 0

function refresh(reauthorize: () => unknown, timeoutMs: number): Promise<unknown> {
  if (refreshing) return refreshing
  const running = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('apiRequest: reauthorize did not settle within ' + timeoutMs + ' ms')),
      timeoutMs,
    )
    const settle = (fn: (value: unknown) => void) => (value: unknown) => {
      clearTimeout(timer)
      fn(value)
    }
    try {
      Promise.resolve(reauthorize()).then(settle(resolve), settle(reject))
    } catch (thrown) {
      settle(reject)(thrown)
    }
  })
  refreshing = running
  const done = (succeeded: boolean) => () => {
    if (refreshing === running) refreshing = undefined
    if (succeeded) refreshes++
  }
  running.then(done(true), done(false))
  return running
}

/**
 * What a decoder says of a response. One that throws, or answers with something other than an object, is an app's bug:
 * the request rejects with an ErrnoError that keeps what it threw or answered as `cause`.
 */
function decoded(decode: ResponseDecoder, response: WechatMiniprogram.RequestSuccessCallbackResult, url: string) {
  let answer: unknown
  try {
    answer = decode(response, url)
  } catch (thrown) {
    return new ErrnoError({
      errno: UNKNOWN_ERRNO,
      errMsg: 'request:fail a response decoder threw',
      api: 'request',
      cause: thrown,
    })
  }
  if (!answer || typeof answer === 'object') return answer as Error | undefined
  return new ErrnoError({
    errno: UNKNOWN_ERRNO,
    errMsg: 'request:fail a response decoder answered a ' + typeof answer + ', not an error',
    api: 'request',
    cause: answer,
  })
}

/**
 * wx.request that rejects on API errors too: a transport failure is an ErrnoError, a
 * `{errcode}` body a WxServerError, a status >= 400 an HttpApiError. The promise carries `.task`
 * (of the first request sent).
 *
 * @example
 * const { data } = await apiRequest({ url: 'https://api.example.com/session', method: 'POST', data: { code } })
 * // with sign-in refresh
 * const header = () => ({ Authorization: 'Bearer ' + token })
 * const me = await apiRequest<User>({ url, header }, { reauthorize: signIn })
 */
export function apiRequest<
  T extends string | WechatMiniprogram.IAnyObject | ArrayBuffer = WechatMiniprogram.IAnyObject,
>(
  options: ApiRequestOptions<T>,
  config: ApiRequestConfig = {},
): Promise<WechatMiniprogram.RequestSuccessCallbackResult<T>> & { task?: WechatMiniprogram.RequestTask } {
  if (config === null) config = {}
  const owner = (config.wx as AnyObject | undefined) || globalWx()
  const decoders = config.decoders || [wxServerBodyDecoder, httpStatusDecoder]
  if (!Array.isArray(decoders) || decoders.some((decode) => typeof decode !== 'function')) {
    const error = new TypeError('apiRequest: config.decoders must be an array of functions')
    ;(error as { cause?: unknown }).cause = decoders
    throw error
  }
  const url = options && typeof options.url === 'string' ? options.url : ''
  const send = () => {
    const sentAfter = refreshes
    let sentOptions: unknown = options
    if (options && typeof options.header === 'function') {
      let header: unknown
      try {
        header = options.header()
      } catch (thrown) {
        // A header function that throws rejects, like every other failure here; its exception is the cause.
        const error = new ErrnoError({
          errno: UNKNOWN_ERRNO,
          errMsg: 'request:fail the header function threw',
          api: 'request',
          cause: thrown,
        })
        return { checked: Promise.reject(reportFailure(error)), task: undefined, sentAfter }
      }
      sentOptions = Object.assign({}, options, { header })
    }
    const sent = invokeAsync(owner, methodOf(owner, 'request'), 'request', sentOptions)
    const checked = sent.then((result) => {
      const response = result as WechatMiniprogram.RequestSuccessCallbackResult<T>
      for (const decode of decoders) {
        const error = decoded(decode, response as WechatMiniprogram.RequestSuccessCallbackResult, url)
        if (error) throw reportFailure(error)
      }
      return response
    })
    return { checked, task: sent.task as WechatMiniprogram.RequestTask | undefined, sentAfter }
  }
  const first = send()
  const reauthorize = config.reauthorize
  const timeoutMs = clampDelay(
    typeof config.reauthorizeTimeoutMs === 'number' && config.reauthorizeTimeoutMs > 0
      ? config.reauthorizeTimeoutMs
      : 30000,
  )
  const result: Promise<WechatMiniprogram.RequestSuccessCallbackResult<T>> & { task?: WechatMiniprogram.RequestTask } =
    typeof reauthorize === 'function'
      ? first.checked.catch((error: unknown) => {
          if (!requiresReauthorization(error)) throw error
          // A refresh finished after this request was sent: its token is new already, send again.
          const ready = refreshes > first.sentAfter ? Promise.resolve() : refresh(reauthorize, timeoutMs)
          return ready.then(
            () => {
              markRecovered(error)
              return send().checked
            },
            (refreshError: unknown) => {
              // The sign-in failed or never answered: the request fails as it did; why the sign-in failed is kept.
              if (error !== null && typeof error === 'object')
                Object.defineProperty(error, 'reauthorizeError', { value: refreshError, configurable: true })
              throw error
            },
          )
        })
      : first.checked
  if (first.task) result.task = first.task
  return result
}
