// miniprogram-errno/server: the helpers a Node backend (a cloud function, an API server) uses for WeChat
// server errcodes, CloudBase codes and REST errors. Its types need no miniprogram-api-typings.
export { WxServerError, toWxServerError, isWxServerError } from './beyond/WxServerError'
export { MiniprogramError } from './errno/MiniprogramError'
export { CloudError, toCloudError, isCloudError, UNKNOWN_CLOUD_CODE } from './beyond/CloudError'
export type { CloudErrorInit } from './beyond/CloudError'
export type { WxServerErrorInit } from './beyond/WxServerError'
export { HttpApiError, toHttpApiError, isHttpApiError, parseRetryAfter } from './beyond/HttpApiError'
export type { HttpErrorContext, RestErrorTable, HttpApiErrorInit } from './beyond/HttpApiError'
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
export type { Locale, Localized, LocalizedText } from './errno/types'
