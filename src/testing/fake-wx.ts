// createFakeWx: the wx surface of the double. The device it models is device.ts; its failures are failures.ts.
import { isSyncApi } from '../promise/rules'
import { resetGuidanceState } from '../guidance/show'
import { WX_MEMBERS } from './generated/wx-members'
import { createFakeCloud } from './cloud'
import { createDevice, success, systemSetting, appAuthorizeSetting } from './device'
import { NETWORK_APIS, TAP_ONLY, stateFailure, tapFailure } from './failures'
import { objectFactories, FILE_SYSTEM_METHODS, NFC_TECH_METHODS, WX_EVENTS } from './objects'
import type { Failure } from './failures'
import type { AnyObject, FakeDeviceState, FakeWx, FakeWxCall, FakeWxOptions } from './types'
export type { FakeDeviceState, FakeWx, FakeWxCall, FakeWxOptions, OptionsOf } from './types'

/**
 * A wx double for tests: every async API succeeds unless a device state, a profile or an
 * override says otherwise, and fails with the errMsg / errCode / errno shape the runtime sends.
 *
 * @example
 * const wx = createFakeWx({ state: { bluetooth: 'off' }, platform: 'ios' })
 * await expect(createWxp(wx).openBluetoothAdapter()).rejects.toMatchObject({ errno: 1500102 })
 */
export function createFakeWx(options: FakeWxOptions = {}): FakeWx {
  if (options === null) options = {}
  // Each fake starts with fresh guidance state (no quiet periods, no open modals): one test does not silence the next.
  resetGuidanceState()
  const SDKVersion = options.SDKVersion || '3.7.0'
  const legacy = options.errorProfile === 'legacy'
  const missing = ' ' + (options.missing || []).join(' ') + ' '
  const calls: FakeWxCall[] = []
  const listeners: { [event: string]: Array<(payload: unknown) => void> } = Object.create(null)
  let nextTask = 0
  // How many taps are under way: fake.tap(fn), and a modal's or a payment's success callback.
  let taps = 0
  const asTap = <T>(fn: () => T): T => {
    taps++
    try {
      return fn()
    } finally {
      taps--
    }
  }

  const schedule = (fn: () => void) => {
    if (options.timing === 'sync') fn()
    else if (options.timing === 'macrotask') setTimeout(fn, 0)
    else Promise.resolve().then(fn)
  }
  const shape = (failure: Failure): Failure => {
    if (!legacy) return failure
    const old: Failure = { errMsg: failure.errMsg }
    if (failure.errCode !== undefined) old.errCode = failure.errCode
    if (failure.state !== undefined) old.state = failure.state
    return old
  }

  function emit(event: string, payload?: unknown): void {
    for (const listener of (listeners[event] || []).slice()) listener(payload)
  }

  const device = createDevice(options, emit, schedule)
  const { state, platform } = device

  function asyncApi(api: string): (call?: AnyObject) => unknown {
    return function (call: AnyObject = {}) {
      calls.push({ api, options: call })
      let result: unknown
      let failure: unknown
      // An object's method may be overridden by its bare name (readFile), wx.cloud's only by its full name.
      const bare = api.indexOf('cloud.') === 0 ? api : api.replace(/^\w+\./, '')
      const override = options.overrides && (options.overrides[api] || options.overrides[bare])
      const behave = () => {
        const failed = stateFailure(device, api, call)
        if (failed) throw failed
        return success(device, api, call)
      }
      if (options.strict && api.indexOf('.') < 0 && WX_MEMBERS.indexOf(' ' + api + ' ') < 0) {
        failure = {
          errMsg: api + ':fail jsapi not supported (not a member of Wx in miniprogram-api-typings)',
          errno: 100,
        }
      } else if (options.taps === 'strict' && !taps && TAP_ONLY.test(api)) {
        failure = tapFailure(api)
      } else if (override) {
        try {
          result = override(call, behave)
        } catch (thrown) {
          failure = thrown
        }
      } else {
        failure = stateFailure(device, api, call)
        if (!failure) result = success(device, api, call)
      }
      if (api === 'showModal' && !override) {
        const modal = options.modal || 'confirm'
        if (modal === 'never') return undefined
        if (modal === 'fail') failure = { errMsg: 'showModal:fail' }
        else if (modal === 'cancel') result = { errMsg: 'showModal:ok', confirm: false, cancel: true }
        else if (typeof modal === 'function') result = modal(call)
      }
      schedule(() => {
        if (failure !== undefined) {
          const shaped =
            failure && typeof failure === 'object' && 'errMsg' in (failure as AnyObject)
              ? shape(failure as Failure)
              : failure
          if (typeof call.fail === 'function') call.fail(shaped)
          if (typeof call.complete === 'function') call.complete(shaped)
        } else {
          const answer = () => {
            if (typeof call.success === 'function') call.success(result)
            if (typeof call.complete === 'function') call.complete(result)
          }
          // The user's tap on a modal's button, or a payment just made, lets a tap-only API run in the callback.
          if (api === 'showModal' || api === 'requestPayment') asTap(answer)
          else answer()
        }
      })
      if (NETWORK_APIS.indexOf(' ' + api + ' ') >= 0) return makeTask(api)
      return undefined
    }
  }

  function makeTask(api: string): AnyObject {
    const id = ++nextTask
    const task: AnyObject = {
      id,
      api,
      aborted: false,
      abort() {
        task.aborted = true
      },
    }
    for (const name of [
      'onProgressUpdate',
      'offProgressUpdate',
      'onHeadersReceived',
      'offHeadersReceived',
      'onChunkReceived',
      'offChunkReceived',
      'onOpen',
      'onClose',
      'onError',
      'onMessage',
    ])
      task[name] = () => undefined
    task.send = asyncApi('SocketTask.send')
    task.close = asyncApi('SocketTask.close')
    return task
  }

  function eventPair(owner: AnyObject, event: string, prefix = ''): void {
    owner['on' + event] = (listener: (payload: unknown) => void) => {
      const list = listeners[prefix + event] || (listeners[prefix + event] = [])
      list.push(listener)
    }
    owner['off' + event] = (listener?: (payload: unknown) => void) => {
      const list = listeners[prefix + event]
      if (!list) return
      if (!listener) list.length = 0
      else {
        const index = list.indexOf(listener)
        if (index >= 0) list.splice(index, 1)
      }
    }
  }

  function wrapObject(prefix: string, methods: string[], events: string[] = []): AnyObject {
    const object: AnyObject = {}
    for (const method of methods) object[method] = asyncApi(prefix + '.' + method)
    for (const event of events) eventPair(object, event, prefix + '.')
    return object
  }

  const fileSystem = wrapObject('FileSystemManager', FILE_SYSTEM_METHODS.split(' '))
  fileSystem.readFileSync = () => ''
  fileSystem.accessSync = () => undefined
  const techMethods = NFC_TECH_METHODS.split(' ')
  const nfcAdapter = wrapObject('NFC', ['startDiscovery', 'stopDiscovery'], ['Discovered'])
  for (const tech of ['NfcA', 'NfcB', 'NfcF', 'NfcV', 'IsoDep', 'Ndef', 'MifareClassic', 'MifareUltralight']) {
    nfcAdapter['get' + tech] = () => wrapObject('NFC', techMethods, tech === 'Ndef' ? ['NdefMessage'] : [])
  }

  const fake: AnyObject = {
    calls,
    callsOf: (api: string) => calls.filter((c) => c.api === api),
    setState: (next: FakeDeviceState) => {
      Object.assign(state, next, next.scopes ? { scopes: Object.assign({}, next.scopes) } : {})
    },
    emit,
    tap: asTap,
    listenerCount: (event: string) => (listeners[event] || []).length,
    canIUse: (schema: string) => missing.indexOf(' ' + String(schema).split('.')[0] + ' ') < 0,
    getAppBaseInfo: () => ({ SDKVersion, language: options.language || 'zh_CN', version: '8.0.50', theme: 'light' }),
    getDeviceInfo: () => ({
      platform,
      system: platform === 'ios' ? 'iOS 17.4' : 'Android 14',
      brand: 'fake',
      model: 'fake',
    }),
    getSystemInfoSync: () => {
      // Old base libraries read switches and permissions from here (booleans) before getSystemSetting (2.20.1).
      const authorize = appAuthorizeSetting(device)
      const info: AnyObject = Object.assign(
        {
          platform,
          SDKVersion,
          language: options.language || 'zh_CN',
          system: platform === 'ios' ? 'iOS 17.4' : 'Android 14',
        },
        systemSetting(device),
      )
      for (const key of Object.keys(authorize)) if (/Authorized$/.test(key)) info[key] = authorize[key] === 'authorized'
      return info
    },
    getSystemSetting: () => systemSetting(device),
    // Realtime log lines are recorded as calls: RealtimeLogManager.warn / .error / .info / .setFilterMsg.
    getRealtimeLogManager: () => {
      const record =
        (level: string) =>
        (...args: unknown[]) => {
          calls.push({ api: 'RealtimeLogManager.' + level, options: args })
        }
      return {
        info: record('info'),
        warn: record('warn'),
        error: record('error'),
        setFilterMsg: record('setFilterMsg'),
        addFilterMsg: record('addFilterMsg'),
      }
    },
    getAppAuthorizeSetting: () => appAuthorizeSetting(device),
    getWindowInfo: () => ({ pixelRatio: 2, screenWidth: 375, screenHeight: 812, windowWidth: 375, windowHeight: 812 }),
    getFileSystemManager: () => fileSystem,
    getNFCAdapter: () => nfcAdapter,
    cloud: createFakeCloud(asyncApi),
  }
  Object.assign(fake, objectFactories({ calls, device, emit, schedule, shape, eventPair, wrapObject }))
  for (const event of WX_EVENTS.split(' ')) eventPair(fake, event)

  return new Proxy(fake, {
    get(target, key) {
      if (typeof key !== 'string') return undefined
      if (missing.indexOf(' ' + key + ' ') >= 0) return undefined
      if (key in target) return target[key]
      if (isSyncApi(key) || key === 'then' || key === 'toJSON' || key === 'constructor') return undefined
      return (target[key] = asyncApi(key))
    },
    has(target, key) {
      return typeof key === 'string' && missing.indexOf(' ' + key + ' ') < 0 && (key in target || !isSyncApi(key))
    },
    // As on the real wx, Object.keys lists every API (Taro's processApis picks the APIs to wrap that way).
    ownKeys(target) {
      const keys = Reflect.ownKeys(target)
      for (const key of WX_MEMBERS.trim().split(' '))
        if (keys.indexOf(key) < 0 && !isSyncApi(key) && missing.indexOf(' ' + key + ' ') < 0) keys.push(key)
      return keys.filter((key) => typeof key !== 'string' || missing.indexOf(' ' + key + ' ') < 0)
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'string' && missing.indexOf(' ' + key + ' ') >= 0) return undefined
      const own = Reflect.getOwnPropertyDescriptor(target, key)
      if (own || typeof key !== 'string' || isSyncApi(key) || WX_MEMBERS.indexOf(' ' + key + ' ') < 0) return own
      return { value: (target[key] = asyncApi(key)), writable: true, enumerable: true, configurable: true }
    },
  }) as FakeWx
}
