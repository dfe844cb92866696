// miniprogram_dist/index.js: what `require('miniprogram-errno')` loads in a mini-program. It exports every name
// src/index.ts does (a test compares them). The core (promise layer, ErrnoError, decoding, policy, the server /
// cloud / HTTP error classes) is here; guidance, readiness, the realtime-log reporter, apiRequest, events, the BLE
// writer and withRetry are entry files of their own (get-guidance.js for getGuidance, guidance.js for showGuidance,
// readiness.js, report.js, api-request.js, events.js, ble.js, retry.js), and the functions below require them on
// first call. Plain functions: Object.freeze on
// this module changes nothing, and nothing is loaded by
// listing or copying the exports.
import type * as GuidanceModule from './guidance/index'
import type * as GetGuidanceModule from './guidance/guidance'
import type * as ReadinessModule from './readiness/index'
import type * as ReportModule from './report/realtime-log'
import type * as ApiRequestModule from './beyond/apiRequest'
import type * as EventsModule from './promise/events'
import type * as BLEModule from './promise/ble'
import type * as RetryModule from './policy/retry'

export * from './errno/index'
export { Errno } from './errno/generated/codes'
export type { KnownErrno, ErrnoName } from './errno/generated/codes'
export { lookupErrno, errnoMeaning, allErrnos } from './texts/index'
export * from './policy/policy'
export type { RetryOptions, RetryContext, CancellablePromise, AbortSignalLike } from './policy/retry'
export { wxp, createWxp, promisifyObject } from './promise/wxp'
export { promisifyCloud } from './promise/cloud'
export { promisify } from './wx/invoke'
export { isSyncApi } from './promise/rules'
export type * from './promise/events'
export type * from './promise/ble'
export type * from './promise/types'
export type { PromisifiedResult } from './wx/invoke'
export { setLocale, currentLocale, normalizeLocale, isKnownLocale } from './guidance/locale'
export { WxServerError, toWxServerError, isWxServerError, msUntilNextBeijingDay } from './beyond/WxServerError'
export type { WxServerErrorContext, WxServerErrorInit } from './beyond/WxServerError'
export { CloudError, toCloudError, isCloudError, UNKNOWN_CLOUD_CODE } from './beyond/CloudError'
export type { CloudErrorInit } from './beyond/CloudError'
export { errorFromJSON } from './beyond/from-json'
export { HttpApiError, toHttpApiError, isHttpApiError, parseRetryAfter } from './beyond/HttpApiError'
export type { HttpErrorContext, RestErrorTable, HttpApiErrorInit } from './beyond/HttpApiError'
export { onFailure } from './wx/failures'
export type { FailureListener } from './wx/failures'
export type * from './guidance/index'
export type { ApiRequestConfig, ApiRequestOptions, ResponseDecoder } from './beyond/apiRequest'
export type { RealtimeLogReporterOptions } from './report/realtime-log'
export type {
  Capability,
  MissingKind,
  MissingItem,
  Readiness,
  ReadinessOptions,
  EnsureOptions,
} from './readiness/index'

declare const require: (id: string) => any

// A literal require per file, so WeChat's dependency analysis ships each of them.
const guidance = (): typeof GuidanceModule => require('./guidance.js')
// getGuidance and what it reads without showing anything: no modal, renderer or dialog code.
const texts = (): typeof GetGuidanceModule => require('./get-guidance.js')
const readiness = (): typeof ReadinessModule => require('./readiness.js')
const report = (): typeof ReportModule => require('./report.js')
const api = (): typeof ApiRequestModule => require('./api-request.js')
const events_ = (): typeof EventsModule => require('./events.js')
const ble = (): typeof BLEModule => require('./ble.js')
const retry = (): typeof RetryModule => require('./retry.js')

export const getGuidance: typeof GuidanceModule.getGuidance = (error, options) => texts().getGuidance(error, options)
export const registerGuidance: typeof GuidanceModule.registerGuidance = (errno, overrides) =>
  texts().registerGuidance(errno, overrides)
export const canRunAction: typeof GuidanceModule.canRunAction = (action, wxLike, platform) =>
  texts().canRunAction(action, wxLike, platform)
export const showGuidance: typeof GuidanceModule.showGuidance = (error, options) =>
  guidance().showGuidance(error, options)
export const runGuidanceAction: typeof GuidanceModule.runGuidanceAction = (action, options) =>
  guidance().runGuidanceAction(action, options)
export const resetGuidanceState: typeof GuidanceModule.resetGuidanceState = () => guidance().resetGuidanceState()
export const setGuidanceRenderer: typeof GuidanceModule.setGuidanceRenderer = (renderer) =>
  guidance().setGuidanceRenderer(renderer)
export const createDialogRenderer: typeof GuidanceModule.createDialogRenderer = (selector, options) =>
  guidance().createDialogRenderer(selector, options)
export const checkReadiness: typeof ReadinessModule.checkReadiness = (capability, options) =>
  readiness().checkReadiness(capability, options)
export const ensure: typeof ReadinessModule.ensure = (capability, options) => readiness().ensure(capability, options)
export const createRealtimeLogReporter: typeof ReportModule.createRealtimeLogReporter = (options) =>
  report().createRealtimeLogReporter(options)
export const apiRequest: typeof ApiRequestModule.apiRequest = (options, config) => api().apiRequest(options, config)
export const wxServerBodyDecoder: typeof ApiRequestModule.wxServerBodyDecoder = (response, url) =>
  api().wxServerBodyDecoder(response, url)
export const httpStatusDecoder: typeof ApiRequestModule.httpStatusDecoder = (response, url) =>
  api().httpStatusDecoder(response, url)
export const easemobDecoder: typeof ApiRequestModule.easemobDecoder = (response, url) =>
  api().easemobDecoder(response, url)
export const withRetry: typeof RetryModule.withRetry = (fn, options) => retry().withRetry(fn, options)
export const withTimeout: typeof RetryModule.withTimeout = (promise, ms, api) => retry().withTimeout(promise, ms, api)
export const createBLEWriter: typeof BLEModule.createBLEWriter = (options) => ble().createBLEWriter(options)
export const anyEvent: typeof EventsModule.anyEvent = (name) => events_().anyEvent(name)
// Overloaded: the wrappers take what the overloads take and hand it on.
export const subscribe = ((event: any, listener: (payload: any) => void, options?: any) =>
  events_().subscribe(event, listener, options)) as typeof EventsModule.subscribe
export const once = ((event: any, options?: any) => events_().once(event, options)) as typeof EventsModule.once
export const events = ((event: any, options?: any) => events_().events(event, options)) as typeof EventsModule.events
