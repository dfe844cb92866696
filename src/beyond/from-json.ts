import { toWxServerError } from './WxServerError'
import { toCloudError } from './CloudError'
import { toHttpApiError } from './HttpApiError'
import { toErrnoError } from '../errno/normalize'
import type { MiniprogramError } from '../errno/MiniprogramError'

/**
 * The error a `toJSON()` of this library's errors stood for, made again: what setData hands a component, and what
 * the realtime-log reporter wrote. A WxServerError, CloudError or HttpApiError keeps its code and guidance (read
 * from its fields, else from its `cause`); a raw server answer (`{errcode}`) or cloud failure is read as one; anything
 * else (an ErrnoError's JSON, a raw wx failure) is read by toErrnoError, which finds the iOS adapter `state` inside its
 * `cause`. Never throws.
 */
export function errorFromJSON(value: unknown): MiniprogramError {
  const json = value !== null && typeof value === 'object' ? (value as { [key: string]: any }) : undefined
  try {
    // The JSON's own fields first: its `cause` is a masked copy, where a `code` reads '***'.
    if (json && json.name === 'WxServerError') {
      const decoded = toWxServerError(
        // WxServerError's toJSON() keeps the server's answer as `body`.
        typeof json.errcode === 'number' ? { errcode: json.errcode, errmsg: json.errmsg || '' } : json.body,
      )
      if (decoded) return decoded
    }
    if (json && json.name === 'CloudError')
      return toCloudError(
        typeof json.code === 'string' ? { code: json.code, errCode: json.errCode, errMsg: json.errMsg } : json.cause,
      )
    if (json && json.name === 'HttpApiError' && typeof json.statusCode === 'number') {
      const decoded = toHttpApiError(json.statusCode, { error: json.error }, undefined, { url: json.url })
      if (decoded) return decoded
    }
    // A raw payload, as a log line or a server prints it (no class name): a server's answer has an errcode; a cloud
    // failure a CloudBase code, a wx.cloud errCode (-400000 and below, the official errcode page's range) or a
    // `cloud.` API in its errMsg.
    if (json && json.name === undefined) {
      const server = /^-?\d+$/.test(String(json.errcode)) ? toWxServerError(json) : undefined
      if (server) return server
      if (
        typeof json.code === 'string' ||
        (typeof json.errCode === 'number' && json.errCode <= -400000) ||
        /^\s*(error: )?cloud\./i.test(String(json.errMsg))
      )
        return toCloudError(json)
    }
  } catch (error) {
    // unreadable fields: read it as a wx failure below
  }
  return toErrnoError(value)
}
