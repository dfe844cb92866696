// Promise types derived from miniprogram-api-typings: a method is promisified when its first
// parameter has a `success` callback; the promise resolves with that callback's argument.
type AnyFunction = (...args: any[]) => any

type FirstParameter<F> = F extends (first: infer P, ...rest: any[]) => any ? NonNullable<P> : never

/** true when the method's options take success/fail callbacks. */
export type IsAsyncMethod<F> = [FirstParameter<F>] extends [never]
  ? false
  : FirstParameter<F> extends AnyFunction
    ? false
    : 'success' extends keyof FirstParameter<F>
      ? true
      : false

/** What the success callback receives. */
export type SuccessResult<F> =
  FirstParameter<F> extends { success?: infer S } ? (NonNullable<S> extends (result: infer R) => any ? R : void) : void

/** The task a method returns when called with callbacks (RequestTask, DownloadTask, SocketTask, ...). */
export type TaskOf<F> = F extends (...args: any[]) => infer R ? Exclude<R, void | undefined | PromiseLike<any>> : never

/** A promise, carrying `.task` where the API returns one. */
export type WxPromise<R, Task> = [Task] extends [never] ? Promise<R> : Promise<R> & { readonly task: Task }

type RestParameters<F> = F extends (first: any, ...rest: infer R) => any ? R : never

/** A promisified method: the same options (optional when every field is), a promise of the success result. */
export type PromisifiedMethod<F> = F extends AnyFunction
  ? {} extends FirstParameter<F>
    ? (option?: FirstParameter<F>, ...rest: RestParameters<F>) => WxPromise<SuccessResult<F>, TaskOf<F>>
    : (option: FirstParameter<F>, ...rest: RestParameters<F>) => WxPromise<SuccessResult<F>, TaskOf<F>>
  : F

/** NFC tag objects handed out by NFCAdapter's getters. */
export type NfcTech =
  | WechatMiniprogram.NfcA
  | WechatMiniprogram.NfcB
  | WechatMiniprogram.NfcF
  | WechatMiniprogram.NfcV
  | WechatMiniprogram.IsoDep
  | WechatMiniprogram.Ndef
  | WechatMiniprogram.MifareClassic
  | WechatMiniprogram.MifareUltralight

type WrappedObjects = NfcTech | WechatMiniprogram.NFCAdapter | WechatMiniprogram.FileSystemManager

/** A synchronous getter whose object is itself wrapped (getNFCAdapter, getNfcA, getFileSystemManager). */
type WrappedGetter<F> = F extends (...args: infer A) => infer R
  ? R extends WrappedObjects
    ? (...args: A) => Promisified<R>
    : F
  : F

/** An object whose asynchronous methods return promises; everything else passes through. */
export type Promisified<T> = {
  [K in keyof T]: T[K] extends AnyFunction
    ? IsAsyncMethod<T[K]> extends true
      ? PromisifiedMethod<T[K]>
      : WrappedGetter<T[K]>
    : T[K]
}

/** The result of createBLEPeripheralServer, with the server's methods promisified. */
export interface PromisifiedBLEPeripheralServerResult
  extends Omit<WechatMiniprogram.CreateBLEPeripheralServerSuccessCallbackResult, 'server'> {
  server: Promisified<WechatMiniprogram.BLEPeripheralServer>
}

/** An InferenceSession whose `run` rejects with ErrnoError. */
export type WrappedInferenceSession = WechatMiniprogram.InferenceSession

/** `wxp`: every member of `wx`, asynchronous ones promisified, plus `fs`. Generic APIs keep their type parameter. */
export type WxPromisified = Omit<
  Promisified<WechatMiniprogram.Wx>,
  'createBLEPeripheralServer' | 'request' | 'getStorage'
> & {
  /** wx.request: `wxp.request<User>({ url })` resolves with `data: User`; the promise carries `.task`. */
  request<
    T extends string | WechatMiniprogram.IAnyObject | ArrayBuffer = string | WechatMiniprogram.IAnyObject | ArrayBuffer,
  >(
    option: WechatMiniprogram.RequestOption<T>,
  ): WxPromise<WechatMiniprogram.RequestSuccessCallbackResult<T>, WechatMiniprogram.RequestTask>
  /** wx.getStorage: `wxp.getStorage<Settings>({ key })` resolves with `data: Settings`. */
  getStorage<T = any>(
    option: WechatMiniprogram.GetStorageOption<T>,
  ): Promise<WechatMiniprogram.GetStorageSuccessCallbackResult<T>>
  createBLEPeripheralServer(
    option?: Parameters<WechatMiniprogram.Wx['createBLEPeripheralServer']>[0],
  ): Promise<PromisifiedBLEPeripheralServerResult>
  /** The FileSystemManager, promisified (`await wxp.fs.readFile({filePath})`). */
  readonly fs: Promisified<WechatMiniprogram.FileSystemManager>
}
