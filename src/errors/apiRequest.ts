import { invokeAsync } from '../wx/invoke'
import { globalWx } from '../wx/access'
import { reportFailure } from '../wx/failures'
import type { AnyObject } from '../wx/access'
import { toWxServerError } from './WxServerError'
import { toHttpApiError } from './HttpApiError'
import { requiresReauthorization } from '../policy/policy'

/** Turns a successful wx.request result into an error, or says it is fine (undefined). */
export type ResponseDecoder = (response: WechatMiniprogram.RequestSuccessCallbackResult, url: string) => Error | undefined

/** A WeChat server body `{errcode: non-zero}` (even with HTTP 200) -> WxServerError. */
export const wxServerBodyDecoder: ResponseDecoder = (response, url) => toWxServerError(response.data, { url })

/** HTTP status >= 400 -> HttpApiError (with the body's error, description and Retry-After). */
export const httpStatusDecoder: ResponseDecoder = (response, url) => toHttpApiError(response.statusCode, response.data, response.header, { url })

/** Like httpStatusDecoder, and reads `{error, error_description}` bodies with the Easemob IM REST table (seed 003). */
export const easemobDecoder: ResponseDecoder = (response, url) => toHttpApiError(response.statusCode, response.data, response.header, { url, table: 'easemob' })

export interface ApiRequestConfig {
  /** Tried in order; the first error wins. @default [wxServerBodyDecoder, httpStatusDecoder] */
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
}

/** wx.request options whose header may be a function, read each time the request is sent. */
export type ApiRequestOptions<T extends string | WechatMiniprogram.IAnyObject | ArrayBuffer> = Omit<WechatMiniprogram.RequestOption<T>, 'header'> & {
  header?: WechatMiniprogram.IAnyObject | (() => WechatMiniprogram.IAnyObject | undefined)
}

// The sign-in refreshes under way, by reauthorize function: concurrent failures share one.
const refreshing: Array<[() => unknown, Promise<unknown>]> = []

function refreshOnce(reauthorize: () => unknown): Promise<unknown> {
  for (const [fn, running] of refreshing) if (fn === reauthorize) return running
  const running = new Promise((resolve) => resolve(reauthorize()))
  const entry: [() => unknown, Promise<unknown>] = [reauthorize, running]
  refreshing.push(entry)
  const done = () => {
    const at = refreshing.indexOf(entry)
    if (at >= 0) refreshing.splice(at, 1)
  }
  running.then(done, done)
  return running
}

/**
 * wx.request that rejects on API errors too: a transport failure is an ErrnoError, a
 * `{errcode}` body a WxServerError, a status >= 400 an HttpApiError. The promise carries `.task`
 * (of the first request sent).
 *
 * @example
 * const { data } = await apiRequest({ url: 'https://api.example.com/session', method: 'POST', data: { code } })
 * // with sign-in refresh
 * const me = await apiRequest<User>({ url, header: () => ({ Authorization: 'Bearer ' + token }) }, { reauthorize: signIn })
 */
export function apiRequest<T extends string | WechatMiniprogram.IAnyObject | ArrayBuffer = WechatMiniprogram.IAnyObject>(
  options: ApiRequestOptions<T>,
  config: ApiRequestConfig = {},
): Promise<WechatMiniprogram.RequestSuccessCallbackResult<T>> & { task?: WechatMiniprogram.RequestTask } {
  const owner = (config.wx as AnyObject | undefined) || globalWx()
  const decoders = config.decoders || [wxServerBodyDecoder, httpStatusDecoder]
  const url = options && typeof options.url === 'string' ? options.url : ''
  const send = () => {
    let sentOptions: unknown = options
    if (options && typeof options.header === 'function') {
      const header = options.header
      sentOptions = Object.assign({}, options, { header: header() })
    }
    const sent = invokeAsync(owner, owner ? owner.request : undefined, 'request', sentOptions)
    const checked = sent.then((result) => {
      const response = result as WechatMiniprogram.RequestSuccessCallbackResult<T>
      for (const decode of decoders) {
        const error = decode(response as WechatMiniprogram.RequestSuccessCallbackResult, url)
        if (error) throw reportFailure(error)
      }
      return response
    })
    return { checked, task: sent.task as WechatMiniprogram.RequestTask | undefined }
  }
  const first = send()
  const reauthorize = config.reauthorize
  const result: Promise<WechatMiniprogram.RequestSuccessCallbackResult<T>> & { task?: WechatMiniprogram.RequestTask } = typeof reauthorize === 'function'
    ? first.checked.catch((error: unknown) => {
      if (!requiresReauthorization(error)) throw error
      return refreshOnce(reauthorize).then(() => send().checked)
    })
    : first.checked
  if (first.task) result.task = first.task
  return result
}
