// miniprogram-errno/server: the helpers a Node backend (a cloud function, an API server) uses for WeChat
// server errcodes, CloudBase codes and REST errors. Its types need no miniprogram-api-typings.
export { WxServerError, toWxServerError, isWxServerError } from './errors/WxServerError'
export { MiniprogramError } from './errno/MiniprogramError'
export { CloudError, toCloudError, isCloudError, UNKNOWN_CLOUD_CODE } from './errors/CloudError'
export type { CloudErrorInit } from './errors/CloudError'
export type { WxServerErrorInit } from './errors/WxServerError'
export { HttpApiError, toHttpApiError, isHttpApiError, parseRetryAfter } from './errors/HttpApiError'
export type { HttpErrorContext, RestErrorTable, HttpApiErrorInit } from './errors/HttpApiError'
export {
  getPolicy,
  isRetriable,
  retryDelay,
  requiresReauthorization,
  requiresServerTokenRefresh,
  requiresUserAction,
  isConfigurationError,
  isCancel,
  errorKind,
} from './policy/policy'
export type { ErrorPolicy, PolicyKind, ErrorKind } from './policy/policy'
export { withRetry, withTimeout } from './policy/retry'
export { maskSecrets } from './shared/mask'
export type { Locale, Localized } from './errno/types'
