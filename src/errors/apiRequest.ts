import { invokeAsync } from '../wx/invoke'
import { globalWx } from '../wx/access'
import type { AnyObject } from '../wx/access'
import { toWxServerError } from './WxServerError'
import { toHttpApiError } from './HttpApiError'

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
}

/**
 * wx.request that rejects on API errors too: a transport failure is an ErrnoError, a
 * `{errcode}` body a WxServerError, a status >= 400 an HttpApiError. The promise carries `.task`.
 *
 * @example
 * const { data } = await apiRequest({ url: 'https://api.example.com/session', method: 'POST', data: { code } })
 */
export function apiRequest<T extends string | WechatMiniprogram.IAnyObject | ArrayBuffer = WechatMiniprogram.IAnyObject>(
  options: WechatMiniprogram.RequestOption<T>,
  config: ApiRequestConfig = {},
): Promise<WechatMiniprogram.RequestSuccessCallbackResult<T>> & { task?: WechatMiniprogram.RequestTask } {
  const owner = (config.wx as AnyObject | undefined) || globalWx()
  const decoders = config.decoders || [wxServerBodyDecoder, httpStatusDecoder]
  const sent = invokeAsync(owner, owner ? owner.request : undefined, 'request', options)
  const url = options && typeof options.url === 'string' ? options.url : ''
  const checked: Promise<WechatMiniprogram.RequestSuccessCallbackResult<T>> & { task?: WechatMiniprogram.RequestTask } = sent.then((result) => {
    const response = result as WechatMiniprogram.RequestSuccessCallbackResult<T>
    for (const decode of decoders) {
      const error = decode(response as WechatMiniprogram.RequestSuccessCallbackResult, url)
      if (error) throw error
    }
    return response
  })
  if (sent.task) checked.task = sent.task as WechatMiniprogram.RequestTask
  return checked
}
