// The errors beyond wx: WeChat server errcodes, cloud development codes and REST error bodies. In miniprogram_dist
// this is beyond.js, required the first time one of them is made or asked for (src/index.miniprogram.ts).
export { WxServerError, toWxServerError, isWxServerError, msUntilNextBeijingDay } from './WxServerError'
export type { WxServerErrorContext, WxServerErrorInit } from './WxServerError'
export { CloudError, toCloudError, isCloudError, UNKNOWN_CLOUD_CODE } from './CloudError'
export type { CloudErrorInit } from './CloudError'
export { HttpApiError, toHttpApiError, isHttpApiError, parseRetryAfter } from './HttpApiError'
export type { HttpErrorContext, RestErrorTable, HttpApiErrorInit } from './HttpApiError'
export { errorFromJSON } from './from-json'
