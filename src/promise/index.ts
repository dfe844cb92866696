export { wxp, createWxp, promisifyObject } from './wxp'
export { promisifyCloud } from './cloud'
export { promisify } from '../wx/invoke'
export { isSyncApi } from './rules'
export { subscribe, once, events, anyEvent } from './events'
export type {
  WxEventName,
  WxEventPayload,
  EventSourceOptions,
  OnceOptions,
  EventStreamOptions,
  CancellableOnce,
  AnyEventName,
} from './events'
export { createBLEWriter } from './ble'
export type { BLEWriter, BLEWriterOptions } from './ble'
export type {
  WxPromisified,
  Promisified,
  PromisifiedMethod,
  WxPromise,
  SuccessResult,
  TaskOf,
  IsAsyncMethod,
  NfcTech,
  PromisifiedBLEPeripheralServerResult,
} from './types'
export type { PromisifiedResult } from '../wx/invoke'
