// Packs the library into the demo and runs every demo page headless with miniprogram-simulate on
// the fake wx in several device states. Used by `npm run demo` (scripts/demo.js) and by the tests.
'use strict'
const fs = require('fs')
const path = require('path')
const Module = require('module')

const root = path.resolve(__dirname, '..')
const demoRoot = path.join(root, 'demo-miniprogram')
const packedIndex = path.join(demoRoot, 'miniprogram_npm', 'miniprogram-errno', 'index.js')

/** Puts the built package where "Build npm" expects it, then runs the real packer (offline, no key). */
async function packDemo() {
  const dist = path.join(root, 'miniprogram_dist', 'index.js')
  if (!fs.existsSync(dist)) throw new Error('miniprogram_dist is missing: run npm run build')
  const installed = path.join(demoRoot, 'node_modules', 'miniprogram-errno')
  fs.rmSync(path.join(demoRoot, 'node_modules'), { recursive: true, force: true })
  fs.rmSync(path.join(demoRoot, 'miniprogram_npm'), { recursive: true, force: true })
  fs.mkdirSync(installed, { recursive: true })
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
  // What `npm install` of the published package would put there: package.json and miniprogram_dist.
  fs.writeFileSync(path.join(installed, 'package.json'), JSON.stringify({ name: pkg.name, version: pkg.version, main: 'miniprogram_dist/index.js', miniprogram: 'miniprogram_dist' }, null, 2))
  fs.cpSync(path.join(root, 'miniprogram_dist'), path.join(installed, 'miniprogram_dist'), { recursive: true })
  const ci = require('miniprogram-ci')
  const warnings = await ci.packNpmManually({
    packageJsonPath: path.join(demoRoot, 'package.json'),
    miniprogramNpmDistDir: demoRoot,
  })
  if (!fs.existsSync(packedIndex)) throw new Error('packNpmManually did not produce miniprogram_npm/miniprogram-errno/index.js')
  if (!fs.existsSync(path.join(demoRoot, 'miniprogram_npm', 'miniprogram-errno', 'guidance-dialog', 'index.wxml'))) throw new Error('the guidance-dialog component is missing from miniprogram_npm')
  return warnings
}

/** Inside the demo, `require('miniprogram-errno')` means the packed copy, as in the mini-program runtime. */
function routeRequiresToPackedCopy() {
  if (Module._resolveFilename.__miniprogramErrno) return
  const original = Module._resolveFilename
  const patched = function (request, parent, ...rest) {
    if (request === 'miniprogram-errno' && parent && parent.filename && parent.filename.startsWith(demoRoot + path.sep)) return packedIndex
    return original.call(this, request, parent, ...rest)
  }
  patched.__miniprogramErrno = true
  Module._resolveFilename = patched
}

/** A Page is loaded as a component: data stays data, functions become methods, onLoad runs on attach. */
function installPageShim() {
  global.Page = (definition) => {
    const methods = {}
    let data = {}
    for (const key of Object.keys(definition)) {
      if (key === 'data') data = definition.data
      else if (typeof definition[key] === 'function') methods[key] = definition[key]
    }
    global.Component({ data, methods, lifetimes: { attached() { if (methods.onLoad) methods.onLoad.call(this, {}) } } })
  }
}

function pages() {
  return JSON.parse(fs.readFileSync(path.join(demoRoot, 'app.json'), 'utf8')).pages
}

function loadPage(simulate, page) {
  const id = simulate.load(path.join(demoRoot, page), {
    rootPath: demoRoot,
    usingComponents: { 'guidance-dialog': '/miniprogram_npm/miniprogram-errno/guidance-dialog/index' },
  })
  const component = simulate.render(id)
  component.attach(document.createElement('parent-wrapper'))
  return component
}

/** The scenarios: page, scenario, device state, and what must happen. */
const SCENARIOS = [
  { page: 'bluetooth', run: 'scan', state: 'all on', fake: { devices: [{ deviceId: 'AA:BB:CC:DD:EE:FF', name: 'lock' }] }, expect: { ok: true } },
  { page: 'bluetooth', run: 'scan', state: 'Bluetooth off', fake: { state: { bluetooth: 'off' } }, expect: { errno: 1500102, action: 'openSystemBluetoothSetting' } },
  { page: 'bluetooth', run: 'scan', state: 'Bluetooth off', fake: { platform: 'ios', language: 'en', state: { bluetooth: 'off' } }, expect: { errno: 1500102, action: '', content: /Settings › Bluetooth/ } },
  { page: 'bluetooth', run: 'scan', state: 'Bluetooth off, base library 2.9 (errCode only)', fake: { language: 'zh_TW', errorProfile: 'legacy', SDKVersion: '2.9.0', missing: ['openSystemBluetoothSetting', 'openAppAuthorizeSetting'], state: { bluetooth: 'off' } }, expect: { errno: 1500102, action: '', content: /藍牙/ } },
  { page: 'bluetooth', run: 'scan', state: 'location permission denied', fake: { state: { systemPermission: false } }, expect: { errno: 1509008, action: 'openAppAuthorizeSetting' } },
  { page: 'bluetooth', run: 'scan', dialog: true, state: "Bluetooth off, shown in the page's guidance-dialog (setGuidanceRenderer)", fake: { state: { bluetooth: 'off' } }, expect: { errno: 1500102, dialog: '蓝牙未开启', action: 'openSystemBluetoothSetting' } },
  { page: 'bluetooth', run: 'scan', dialog: true, state: 'iOS, WeChat may not use Bluetooth (state 3), in the dialog', fake: { platform: 'ios', language: 'en', state: { systemPermission: false } }, expect: { errno: 1500102, dialog: 'Bluetooth permission needed', action: 'openAppAuthorizeSetting' } },
  { page: 'bluetooth', run: 'readyScan', state: 'Bluetooth off and location permission denied: ensure walks both', confirms: 2, fake: { state: { bluetooth: 'off', systemPermission: false }, devices: [{ deviceId: 'AA:BB:CC:DD:EE:FF', name: 'lock' }] }, expect: { ok: true, modals: 2 } },
  { page: 'bluetooth', run: 'readyScan', state: 'Bluetooth off, the user declines', confirms: 0, fake: { language: 'en', state: { bluetooth: 'off' } }, expect: { errno: 1500102 } },
  { page: 'ble', run: 'connectAndWrite', state: 'all on', fake: { devices: [{ deviceId: 'AA:BB:CC:DD:EE:FF' }] }, expect: { ok: true } },
  { page: 'ble', run: 'connectAndWrite', state: 'BLE unsupported', fake: { language: 'en', state: { bluetooth: 'unsupported' } }, expect: { errno: 1500105, action: '' } },
  { page: 'nfc', run: 'readTag', state: 'all on', fake: {}, expect: { ok: true } },
  { page: 'nfc', run: 'readTag', state: 'NFC off', fake: { state: { nfc: 'off' } }, expect: { errno: 1504003, action: 'retry' } },
  { page: 'nfc', run: 'readTag', state: 'no NFC', fake: { language: 'en', state: { nfc: 'missing' } }, expect: { errno: 1504001, action: '' } },
  { page: 'wifi', run: 'listNetworks', state: 'all on', fake: {}, expect: { ok: true } },
  { page: 'wifi', run: 'listNetworks', state: 'Wi-Fi off', fake: { state: { wifi: 'off' } }, expect: { errno: 1505002, action: 'retry' } },
  { page: 'wifi', run: 'listNetworks', state: 'GPS off', fake: { language: 'en', state: { gps: 'off' } }, expect: { errno: 1505003, action: 'retry' } },
  { page: 'wifi', run: 'connected', state: 'all on', fake: {}, expect: { ok: true } },
  { page: 'file', run: 'writeAndStat', state: 'all on', fake: {}, expect: { ok: true } },
  { page: 'file', run: 'readMissing', state: 'file missing', fake: { overrides: { readFile: () => { throw { errMsg: 'readFile:fail no such file or directory, open wxfile://usr/missing.txt', errno: 1300002 } } } }, expect: { errno: 1300002, shown: false } },
  { page: 'file', run: 'writeAndStat', state: 'storage full', fake: { overrides: { writeFile: () => { throw { errMsg: 'writeFile:fail the maximum size of the file storage limit is exceeded', errno: 1300202 } } } }, expect: { errno: 1300202, action: 'retry' } },
  { page: 'network', run: 'request', state: 'all on', fake: {}, expect: { ok: true } },
  { page: 'network', run: 'request', state: 'offline', fake: { state: { network: 'offline' } }, expect: { errno: 600001, action: 'retry' } },
  { page: 'network', run: 'request', state: 'offline', fake: { platform: 'ios', language: 'zh_HK', state: { network: 'offline' } }, expect: { errno: 600000, action: 'retry', content: /網路/ } },
  { page: 'network', run: 'tcp', state: 'offline', fake: { language: 'en', state: { network: 'offline' } }, expect: { errno: 600000, action: 'retry' } },
  { page: 'network', run: 'tcp', state: 'all on: no listener left behind', fake: {}, expect: { ok: true, listenersLeft: 0 } },
  { page: 'network', run: 'session', state: 'sign-in expired (HTTP 401): reauthorize once, sent again', fake: { overrides: { request: (o) => (o.header && o.header.Authorization === 'Bearer fresh' ? { statusCode: 200, data: { name: 'demo user' }, header: {} } : { statusCode: 401, data: { error: 'unauthorized' }, header: {} }) } }, expect: { ok: true, logged: '' } }, // the 401 the refresh fixed is recovered: the reporter leaves it out
  { page: 'cloud', run: 'callFunction', state: 'all on', fake: {}, expect: { ok: true } },
  { page: 'cloud', run: 'callFunction', state: 'offline', fake: { language: 'en', state: { network: 'offline' } }, expect: { code: '-1', action: 'retry' } },
  // A real failure (github.com/Voyzz/Fruit-store-mp/issues/8): the app's mistake, so nothing is shown to the user.
  { page: 'cloud', run: 'query', state: 'collection missing', fake: { overrides: { 'cloud.collection.get': () => { throw { errCode: -502005, errMsg: 'errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist.' } } } }, expect: { code: 'DATABASE_COLLECTION_NOT_EXIST', shown: false, logged: 'error errno:DATABASE_COLLECTION_NOT_EXIST' } },
  { page: 'payment', run: 'pay', state: 'all on', fake: {}, expect: { ok: true } },
  { page: 'payment', run: 'pay', state: 'payment cancelled', fake: { state: { payment: 'cancel' } }, expect: { errno: 1, shown: false } },
  { page: 'payment', run: 'pay', state: 'real-name verification missing', fake: { overrides: { requestPayment: () => { throw { errMsg: 'requestPayment:fail need realname verify before payment', errno: 701002 } } } }, expect: { errno: 701002, action: '' } },
  { page: 'payment', run: 'subscribe', state: 'notifications turned off', fake: { overrides: { requestSubscribeMessage: () => { throw { errMsg: 'requestSubscribeMessage:fail The main switch is switched off', errCode: 20004 } } } }, expect: { errno: -1, action: 'openSetting' } },
  { page: 'ai', run: 'detectFace', state: 'no face', fake: { language: 'en', overrides: { faceDetect: () => { throw { errMsg: 'faceDetect:fail face not detected or detection failed', errno: 2002004 } } } }, expect: { errno: 2002004, action: 'retry' } },
  { page: 'ai', run: 'inference', state: 'empty input', fake: {}, expect: { errno: 2004003, shown: false } },
]

function describeModal(call) {
  if (!call) return 'no modal'
  const o = call.options
  const buttons = o.showCancel ? `[${o.confirmText} | ${o.cancelText}]` : `[${o.confirmText}]`
  return `modal "${o.title}" — ${o.content} ${buttons}`
}

/**
 * Runs every scenario; returns { lines, failures, scenarios }. Needs the DOM globals scripts/demo.js
 * installs, and Node's own module system (pages load again per scenario, which jest's registry
 * does not allow, so the tests run scripts/demo.js as a child process).
 */
async function runScenarios() {
  routeRequiresToPackedCopy()
  const simulate = require('miniprogram-simulate')
  installPageShim()
  const testing = require(path.join(root, 'dist', 'testing.cjs'))
  const lines = []
  const failures = []

  // Every page loads.
  for (const page of pages()) {
    global.wx = testing.createFakeWx()
    try {
      const component = loadPage(simulate, page)
      if (!component.instance) throw new Error('no instance')
      lines.push(`loaded ${page}`)
    } catch (error) {
      failures.push(`${page} failed to load: ${error.message}`)
    }
  }

  // The errno explorer: a code, a legacy errCode and a pasted errMsg.
  for (const [input, errno] of [['1505002', 1505002], ['10001', 1500102], ['getLocation:fail auth deny', 103], ['banana', -1]]) {
    global.wx = testing.createFakeWx({ language: 'en' })
    try {
      const explorer = loadPage(simulate, 'pages/explorer/index')
      explorer.instance.onInput({ detail: { value: input } })
      const result = explorer.instance.data.result
      lines.push(`explorer · "${input}" → errno ${result.errno} ${result.name || '(unknown)'} · ${result.category} › ${result.subcategory} · policy ${result.policy}${result.guidance ? ' · ' + result.guidance : ''}`)
      if (result.errno !== errno) failures.push(`explorer "${input}": expected errno ${errno}, got ${result.errno}`)
      if (errno > 0 && result.meanings.length !== 3) failures.push(`explorer "${input}": expected meanings in three languages`)
    } catch (error) {
      failures.push(`explorer "${input}" threw ${error.message}`)
    }
  }

  for (const scenario of SCENARIOS) {
    require(packedIndex).resetGuidanceState()
    // The user taps the confirm button once, then cancels: a retry the user chose that fails again shows its modal
    // again (issue #12), so a modal that always confirmed would retry for ever.
    let modals = 0
    const confirms = scenario.confirms !== undefined ? scenario.confirms : 1
    // taps 'strict': a tap-only API (openSetting, requestSubscribeMessage …) fails unless the page calls it from the
    // user's tap (the button's handler, run in fake.tap) or a modal's confirm callback, as on a phone.
    const fake = testing.createFakeWx(Object.assign({ timing: 'microtask', taps: 'strict', modal: () => ({ confirm: ++modals <= confirms, cancel: modals > confirms }) }, scenario.fake))
    global.wx = fake
    const fakeOptions = scenario.fake
    const label = `${scenario.page} · ${scenario.run} · ${scenario.state} · ${fakeOptions.platform || 'android'} · ${fakeOptions.language || 'zh_CN'}`
    let result
    let dialogTitle = ''
    try {
      const component = loadPage(simulate, `pages/${scenario.page}/index`)
      const running = fake.tap(() => component.instance.run(scenario.run, !!scenario.dialog))
      if (scenario.dialog) {
        // The user taps the dialog's confirm button (the dialog runs a tap-only action itself).
        await new Promise((resolve) => setTimeout(resolve, 20))
        const dialog = component.querySelector('#guidance-dialog')
        const title = dialog && dialog.querySelector('.title')
        dialogTitle = title ? title.dom.textContent : ''
        // The confirm button's tap handler (tapping a node inside a nested component is not dispatched by
        // miniprogram-simulate; test/component/guidance-dialog.test.ts taps the real button).
        const instance = component.instance.selectComponent('#guidance-dialog')
        if (instance && typeof instance.onConfirm === 'function') fake.tap(() => instance.onConfirm())
      }
      result = await running
    } catch (error) {
      failures.push(`${label}: threw ${error && error.message}`)
      continue
    }
    const modal = fake.callsOf('showModal')[0]
    const expect = scenario.expect
    let line
    if (result.ok) {
      const shown = fake.callsOf('showModal').map((call) => describeModal(call))
      line = `${label} → ok: ${result.status}` + (shown.length ? ` (after ${shown.join('; ')})` : '')
      if (expect.modals !== undefined && shown.length !== expect.modals) failures.push(`${label}: expected ${expect.modals} modal(s), got ${shown.length}`)
      if (expect.listenersLeft !== undefined) {
        const left = ['TCPSocket.Connect', 'TCPSocket.Error'].reduce((n, event) => n + fake.listenerCount(event), 0)
        if (left !== expect.listenersLeft) failures.push(`${label}: ${left} listener(s) left behind`)
      }
      if (!expect.ok) failures.push(`${label}: expected errno ${expect.errno}, got success`)
    } else {
      const error = result.error
      const guidance = result.guidance || {}
      const ran = guidance.action ? ` → ${guidance.action}: ${guidance.actionResult}` : ''
      const what = error.name === 'CloudError' ? `CloudError ${error.code}` : `errno ${error.errno}`
      line = `${label} → ${what} (${error.errMsg}) → ${scenario.dialog ? `guidance-dialog "${dialogTitle}"` : describeModal(modal)}${ran}`
      if (scenario.dialog && expect.dialog && dialogTitle !== expect.dialog) failures.push(`${label}: expected the dialog to show '${expect.dialog}', got '${dialogTitle}'`)
      if (scenario.dialog && modal) failures.push(`${label}: wx.showModal was used instead of the page's dialog`)
      if (expect.ok) failures.push(`${label}: expected success, got ${error.message}`)
      if (expect.errno !== undefined && error.errno !== expect.errno) failures.push(`${label}: expected errno ${expect.errno}, got ${error.errno}`)
      if (expect.code !== undefined && error.code !== expect.code) failures.push(`${label}: expected cloud code ${expect.code}, got ${error.code}`)
      if (expect.shown === false && modal) failures.push(`${label}: expected no modal`)
      if (expect.shown !== false && !expect.ok && !modal && !scenario.dialog) failures.push(`${label}: expected a modal`)
      if (expect.action !== undefined && (guidance.action || '') !== expect.action) failures.push(`${label}: expected action '${expect.action}', got '${guidance.action || ''}'`)
      if (expect.content && !(modal && expect.content.test(modal.options.content))) failures.push(`${label}: modal content does not match ${expect.content}`)
      if (guidance.action && guidance.action !== 'retry' && fake.callsOf(guidance.action).length !== 1) failures.push(`${label}: ${guidance.action} was not called`)
    }
    // What onFailure's realtime-log reporter wrote for this scenario (levels and filters); it writes a tick later,
    // once it knows whether the failure was recovered from.
    await new Promise((resolve) => setTimeout(resolve, 5))
    const filters = fake.calls.filter((call) => /^RealtimeLogManager\.(add|set)FilterMsg$/.test(call.api)).map((call) => call.options[0])
    const levels = fake.calls.filter((call) => /^RealtimeLogManager\.(warn|error)$/.test(call.api)).map((call) => call.api.split('.')[1])
    if (levels.length) line += ` · realtime log: ${levels.map((level, i) => level + ' ' + (filters[i] || filters[filters.length - 1])).join(', ')}`
    if (expect.logged && !(filters.length && (levels[0] + ' ' + filters[0]) === expect.logged)) failures.push(`${label}: expected the realtime log to get '${expect.logged}'`)
    if (expect.logged === '' && levels.length) failures.push(`${label}: expected nothing in the realtime log, got ${levels.join(', ')}`)
    lines.push(line)
  }
  return { lines, failures, scenarios: SCENARIOS.length }
}

module.exports = { packDemo, runScenarios, pages }
