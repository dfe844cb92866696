// Runs the library against the real Taro and uni-app runtimes (this folder's dependencies) with createFakeWx as the
// global wx, and prints what it saw as JSON for test/dist/ecosystem.test.ts. Usage: node frameworks.mjs taro|uni-vue3|uni-vue2
//
// Taro: @tarojs/taro with @tarojs/plugin-platform-weapp's initNativeApi, which promisifies wx the way a weapp build
// does (processApis of @tarojs/shared). uni-app: @dcloudio/uni-mp-weixin's uni.api.esm.js, the `uni` object of a
// WeChat build; __UNI_PROMISE_API__ is the build flag that makes promises resolve with [err, res] (Vue 2 projects).
const framework = process.argv[2]
const lib = await import('../../dist/esm/index.mjs')
const { createFakeWx } = await import('../../dist/esm/testing.mjs')
const { createWxp, toErrnoError, isCancel, isErrnoError, isCloudError, getGuidance, onFailure } = lib

// Build-time defines both runtimes expect from their bundler, and the mini-program globals.
for (const name of ['ADJACENT_HTML', 'CLONE_NODE', 'CONTAINS', 'INNER_HTML', 'MUTATION_OBSERVER', 'SIZE_APIS', 'TEMPLATE_CONTENT'])
  globalThis['ENABLE_' + name] = false
globalThis.getCurrentPages = () => []
globalThis.getApp = () => ({})
globalThis.__UNI_PROMISE_API__ = framework === 'uni-vue2'
process.env.NODE_ENV = 'production'

const unhandled = []
process.on('unhandledRejection', (reason) => unhandled.push(toErrnoError(reason).errMsg))

const cancelChoice = { chooseImage: () => { throw { errMsg: 'chooseImage:fail cancel' } } }
globalThis.wx = createFakeWx({ platform: 'ios', state: { bluetooth: 'off', network: 'offline' }, overrides: cancelChoice })

let api
if (framework === 'taro') {
  api = (await import('@tarojs/taro')).default
  const { initNativeApi } = await import('@tarojs/plugin-platform-weapp/dist/runtime-utils.js')
  initNativeApi(api)
} else {
  api = (await import('@dcloudio/uni-mp-weixin/dist/uni.api.esm.js')).default
}

const heard = []
onFailure((error) => heard.push(error.name))
const out = { framework, unhandled }
const settle = (promise) => promise.then((value) => ({ value }), (error) => ({ error }))
const describe = (error) =>
  error && {
    name: error.name,
    errno: error.errno,
    code: error.code,
    isErrnoError: isErrnoError(error),
    isCloudError: isCloudError(error),
    cancel: isCancel(error),
  }

// 1. The framework's own promise, as users write it, decoded with toErrnoError.
const own = await settle(api.openBluetoothAdapter())
const ownFailure = framework === 'uni-vue2' ? own.value && own.value[0] : own.error
out.ownPromise = {
  resolvedWithTuple: framework === 'uni-vue2' ? Array.isArray(own.value) : undefined,
  raw: ownFailure,
  decoded: describe(toErrnoError(framework === 'uni-vue2' ? own.value : ownFailure)), // uni-vue2: the [err] pair itself
}
// 2. The same API through createWxp(framework): an ErrnoError either way, heard by onFailure.
const wrapped = await settle(createWxp(api).openBluetoothAdapter())
out.createWxp = describe(wrapped.error)
out.guidance = getGuidance(wrapped.error, { locale: 'en', platform: 'ios' })
// 3. A user cancel: isCancel tells it apart, on the raw rejection and on the wrapped one.
const cancelled = await settle(createWxp(api).chooseImage({ count: 1 }))
const rawCancel = await settle(api.chooseImage({ count: 1 }))
out.cancel = {
  wrapped: describe(cancelled.error),
  raw: isCancel(framework === 'uni-vue2' ? rawCancel.value : rawCancel.error),
}
// 4. wx.cloud as the framework hands it out.
if (api.cloud) {
  const cloud = await settle(createWxp(api).cloud.callFunction({ name: 'login' }))
  out.cloud = describe(cloud.error)
}
// 5. A success is unchanged.
const ok = await settle(createWxp(api).getStorageInfo())
out.success = ok.value ? ok.value.errMsg : String(ok.error)
await new Promise((resolve) => setTimeout(resolve, 20))
out.heard = heard
console.log(JSON.stringify(out))
