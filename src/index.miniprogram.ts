// miniprogram_dist/index.js: what `require('miniprogram-errno')` loads in a mini-program. It exports every name
// src/index.ts does (a test compares them). The core (promise layer, ErrnoError, decoding, policy) is core.js; the
// rest are entry files of their own that load on first use:
// - functions: get-guidance.js (getGuidance), guidance.js (showGuidance), readiness.js, report.js, api-request.js,
//   events.js, ble.js, retry.js, catalogue.js (lookupErrno, errnoMeaning, allErrnos) and beyond.js (toCloudError,
//   toWxServerError, toHttpApiError …) behind plain functions below that require them on first call; cloud.js
//   (wx.cloud's wrapper: promisifyCloud, and wxp.cloud the first time it is read) behind promise/cloud.miniprogram.ts;
// - values: the Errno constants (errno-constants.js) and the classes WxServerError, CloudError and HttpApiError
//   (beyond.js) behind accessors on this module's exports, which require the file on first read.
// Object.freeze on this module changes nothing (an accessor keeps working on a frozen object); copying the exports
// (Object.assign, a wildcard interop that copies) reads the accessors, and so loads those two files, nothing else.
import type * as GuidanceModule from './guidance/index'
import type * as GetGuidanceModule from './guidance/guidance'
import type * as ReadinessModule from './readiness/index'
import type * as ReportModule from './report/realtime-log'
import type * as ApiRequestModule from './beyond/apiRequest'
import type * as EventsModule from './promise/events'
import type * as BLEModule from './promise/ble'
import type * as RetryModule from './policy/retry'
import type * as BeyondModule from './beyond/errors'
import type * as CatalogueModule from './texts/index'

export * from './errno/index'
export type { KnownErrno, ErrnoName } from './errno/generated/codes'
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
export type { WxServerErrorContext, WxServerErrorInit } from './beyond/WxServerError'
export { UNKNOWN_CLOUD_CODE } from './beyond/unknown'
export type { CloudErrorInit } from './beyond/CloudError'
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
declare const exports: object

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
const beyond = (): typeof BeyondModule => require('./beyond.js')
const catalogue = (): typeof CatalogueModule => require('./catalogue.js')

/** Names whose values are another file's: an enumerable accessor on exports that requires the file when read. */
function lazyValues(load: () => object, names: string[]): void {
  for (const name of names)
    Object.defineProperty(exports, name, { enumerable: true, get: () => (load() as Record<string, unknown>)[name] })
}
lazyValues(() => require('./errno-constants.js'), ['Errno'])
lazyValues(beyond, ['WxServerError', 'CloudError', 'HttpApiError'])

export const lookupErrno: typeof CatalogueModule.lookupErrno = (errno) => catalogue().lookupErrno(errno)
export const errnoMeaning: typeof CatalogueModule.errnoMeaning = (errno) => catalogue().errnoMeaning(errno)
export const allErrnos: typeof CatalogueModule.allErrnos = () => catalogue().allErrnos()
export const toWxServerError: typeof BeyondModule.toWxServerError = (body, context) =>
  beyond().toWxServerError(body, context)
export const isWxServerError = ((value: unknown) =>
  beyond().isWxServerError(value)) as typeof BeyondModule.isWxServerError
export const msUntilNextBeijingDay: typeof BeyondModule.msUntilNextBeijingDay = (now) =>
  beyond().msUntilNextBeijingDay(now)
export const toCloudError: typeof BeyondModule.toCloudError = (reason) => beyond().toCloudError(reason)
export const isCloudError = ((value: unknown) => beyond().isCloudError(value)) as typeof BeyondModule.isCloudError
export const toHttpApiError: typeof BeyondModule.toHttpApiError = (statusCode, body, headers, context) =>
  beyond().toHttpApiError(statusCode, body, headers, context)
export const isHttpApiError = ((value: unknown) => beyond().isHttpApiError(value)) as typeof BeyondModule.isHttpApiError
export const parseRetryAfter: typeof BeyondModule.parseRetryAfter = (headers, now) =>
  beyond().parseRetryAfter(headers, now)
export const errorFromJSON: typeof BeyondModule.errorFromJSON = (value) => beyond().errorFromJSON(value)

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
