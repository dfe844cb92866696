// A Node backend (a cloud function): no miniprogram-api-typings in its types.
import { toWxServerError, toHttpApiError, toCloudError, isRetriable, retryDelay } from 'miniprogram-errno/server'

export function classify(body: unknown, status: number): string {
  const server = toWxServerError(body)
  if (server) return server.code || String(server.errcode)
  const http = toHttpApiError(status, body)
  if (http) return isRetriable(http) ? 'retry in ' + retryDelay(http) + ' ms' : 'HTTP ' + http.statusCode
  return toCloudError(body).code
}
