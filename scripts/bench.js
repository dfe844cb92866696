#!/usr/bin/env node
// `npm run bench`: per-call cost of wxp against a hand-written promise (the floor) and
// miniprogram-api-promise, on a wx double whose callbacks fire synchronously and one whose
// callbacks fire on a later tick; toErrnoError and lookupErrno throughput; cold require time;
// memory after 10,000 subscribe/unsubscribe cycles and 10,000 failed calls.
// Writes bench/results.json. Run with --expose-gc (npm run bench does).
'use strict'
const fs = require('fs')
const path = require('path')
const { spawnSync } = require('child_process')
const esbuild = require('esbuild')
const { Bench } = require('tinybench')

const root = path.resolve(__dirname, '..')
const cache = path.join(root, 'bench', '.cache')
if (!fs.existsSync(path.join(root, 'dist', 'index.cjs'))) spawnSync(process.execPath, [path.join(__dirname, 'build.js')], { stdio: 'inherit' })
fs.mkdirSync(cache, { recursive: true })
// miniprogram-api-promise ships ES module source under "main": bundle it to CommonJS, as a bundler would
// (once per run: the fresh-process child reuses the parent's bundle).
const apiPromisePath = path.join(cache, 'miniprogram-api-promise.cjs')
if (!process.argv.includes('--fresh-success')) esbuild.buildSync({ entryPoints: [require.resolve('miniprogram-api-promise/src/index.js')], bundle: true, format: 'cjs', platform: 'neutral', target: 'es2017', outfile: apiPromisePath, logLevel: 'silent' })

const library = require(path.join(root, 'dist', 'index.cjs'))
const { createFakeWx } = require(path.join(root, 'dist', 'testing.cjs'))
const apiPromise = require(apiPromisePath)

const RESULT = { errMsg: 'getBluetoothDevices:ok', devices: [] }
const FAILURE = { errMsg: 'openBluetoothAdapter:fail:not available', errCode: 10001, errno: 1500102 }

function makeDouble(later) {
  const fire = later ? (fn) => queueMicrotask(fn) : (fn) => fn()
  return {
    getBluetoothDevices(o) { fire(() => o.success(RESULT)) },
    openBluetoothAdapter(o) { fire(() => o.fail(FAILURE)) },
  }
}

function contenders(double) {
  const apiPromised = {}
  apiPromise.promisifyAll(double, apiPromised)
  const wxp = library.createWxp(double)
  return {
    floor: {
      success: (o) => new Promise((resolve, reject) => double.getBluetoothDevices(Object.assign({}, o, { success: resolve, fail: reject }))),
      failure: (o) => new Promise((resolve, reject) => double.openBluetoothAdapter(Object.assign({}, o, { success: resolve, fail: (e) => reject(new Error(e.errMsg)) }))),
    },
    wxp: { success: (o) => wxp.getBluetoothDevices(o), failure: (o) => wxp.openBluetoothAdapter(o) },
    'miniprogram-api-promise': { success: (o) => apiPromised.getBluetoothDevices(o), failure: (o) => apiPromised.openBluetoothAdapter(o) },
  }
}

const CALLS = 100
const noop = () => undefined

function median(values) {
  const sorted = values.slice().sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * Per-call cost in ns, as the median over rounds. Each round runs every contender once, in an
 * order rotated from round to round, so warm-up, GC and turbo-boost drift do not favour whoever
 * runs first or last.
 */
async function callBench(time, rounds) {
  const samples = {}
  const tasks = {}
  for (const later of [false, true]) {
    const timing = later ? 'later tick' : 'synchronous'
    tasks[timing] = []
    for (const [name, fns] of Object.entries(contenders(makeDouble(later)))) {
      tasks[timing].push([`${timing} · success · ${name}`, async () => { for (let i = 0; i < CALLS; i++) await fns.success({ allowDuplicatesKey: false }) }])
      tasks[timing].push([`${timing} · failure · ${name}`, async () => { for (let i = 0; i < CALLS; i++) await fns.failure({}).catch(noop) }])
    }
  }
  for (let round = 0; round < rounds; round++) {
    for (const timing of Object.keys(tasks)) {
      const list = tasks[timing]
      const bench = new Bench({ time: time / rounds, warmupTime: Math.min(100, time / rounds) })
      for (let i = 0; i < list.length; i++) bench.add(...list[(i + round) % list.length])
      await bench.run()
      for (const task of bench.tasks) (samples[task.name] = samples[task.name] || []).push((task.result.latency.mean * 1e6) / CALLS)
    }
  }
  const results = {}
  for (const name of Object.keys(samples)) results[name] = median(samples[name])
  return results
}

/**
 * The success path in a fresh process, where each wrapper has served only this one API: V8's
 * feedback is monomorphic, as for a hand-written promise. In callBench the same wrappers also
 * serve the failure path and a second double, the state of an app's wrapper after a few calls.
 */
async function freshSuccessBench(time) {
  const results = {}
  for (const later of [false, true]) {
    const timing = later ? 'later tick' : 'synchronous'
    const bench = new Bench({ time, warmupTime: Math.min(200, time) })
    for (const [name, fns] of Object.entries(contenders(makeDouble(later)))) {
      bench.add(name, async () => { for (let i = 0; i < CALLS; i++) await fns.success({ allowDuplicatesKey: false }) })
    }
    await bench.run()
    for (const task of bench.tasks) results[`${timing} · ${task.name}`] = (task.result.latency.mean * 1e6) / CALLS
  }
  return results
}

function freshSuccess(quick) {
  const child = spawnSync(process.execPath, [__filename, '--fresh-success'].concat(quick ? ['--quick'] : []), { encoding: 'utf8' })
  if (child.status !== 0) throw new Error('fresh success bench failed: ' + child.stderr)
  return JSON.parse(child.stdout)
}

/**
 * Where the failure path's time goes, measured one part at a time (ns per call, synchronous):
 * an Error with its stack trace is most of it; miniprogram-api-promise rejects with the raw object.
 */
async function failureProfile(time) {
  const bench = new Bench({ time, warmupTime: Math.min(200, time) })
  const sink = []
  bench.add('new Error(errMsg)', () => { for (let i = 0; i < CALLS; i++) sink[i] = new Error(FAILURE.errMsg) })
  bench.add('new Error, no stack frames', () => {
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    for (let i = 0; i < CALLS; i++) sink[i] = new Error(FAILURE.errMsg)
    Error.stackTraceLimit = limit
  })
  bench.add('toErrnoError(failure, api)', () => { for (let i = 0; i < CALLS; i++) sink[i] = library.toErrnoError(FAILURE, 'openBluetoothAdapter') })
  bench.add('rejected promise, caught (raw object)', async () => { for (let i = 0; i < CALLS; i++) await Promise.reject(FAILURE).catch(noop) })
  await bench.run()
  const profile = {}
  for (const task of bench.tasks) profile[task.name] = (task.result.latency.mean * 1e6) / CALLS
  return profile
}

async function throughputBench(time) {
  const codes = library.allErrnos()
  const inputs = [FAILURE, { errMsg: 'request:fail timeout' }, { errMsg: 'startWifi:fail:wifi not turned on', errCode: 12005 }, 'getLocation:fail auth deny']
  const bench = new Bench({ time, warmupTime: Math.min(200, time) })
  let sink = 0
  bench.add('lookupErrno', () => { for (let i = 0; i < codes.length; i++) if (library.lookupErrno(codes[i])) sink++ })
  bench.add('toErrnoError', () => { for (let i = 0; i < inputs.length; i++) if (library.toErrnoError(inputs[i]).errno) sink++ })
  await bench.run()
  const perSecond = (task, per) => (per * 1000) / task.result.latency.mean
  return { lookupErrnoPerSecond: perSecond(bench.tasks[0], codes.length), toErrnoErrorPerSecond: perSecond(bench.tasks[1], inputs.length), sink }
}

/**
 * Median ms of `require(file)` in fresh processes, split into compiling the files it loads (the module and what it
 * requires at load: miniprogram_dist's index.js and core.js) and running them.
 */
function coldRequire(file, runs) {
  const script = `const before = new Set(Object.keys(require.cache))
const t0 = process.hrtime.bigint(); require(${JSON.stringify(file)}); const t1 = process.hrtime.bigint()
const loaded = Object.keys(require.cache).filter((f) => !before.has(f))
const fs = require('fs'), vm = require('vm'), Module = require('module')
const t2 = process.hrtime.bigint(); for (const f of loaded) new vm.Script(Module.wrap(fs.readFileSync(f, 'utf8'))); const t3 = process.hrtime.bigint()
process.stdout.write(JSON.stringify([Number(t1 - t0) / 1e6, Number(t3 - t2) / 1e6]))`
  const [ms, compileMs] = mediansOfFreshRuns(script, runs)
  return { ms, compileMs }
}

/**
 * Median ms in fresh processes (miniprogram_dist, as a phone loads it): the first failure (an errno object), then
 * the first errMsg-only failure (loads the decoding table), then the first guidance (loads get-guidance.js and its
 * zh_CN texts). `flags` are node's (--jitless: no optimising compiler, as on iOS).
 */
function firstFailure(runs, flags = []) {
  const script = `const lib = require(${JSON.stringify(path.join(root, 'miniprogram_dist', 'index.js'))})
${FIRST_FAILURES}`
  const [firstFailureMs, errMsgOnlyMs, getGuidanceMs] = mediansOfFreshRuns(script, runs, flags)
  return { firstFailureMs, errMsgOnlyMs, getGuidanceMs }
}

/**
 * The same three first failures with the package loaded the way a mini-program loads its code: every JS file of
 * miniprogram_dist in one script, each wrapped as a module factory that the first `require` of it runs (WeChat injects
 * the JS of the packages a page depends on in one go at start: "按需注入和用时注入",
 * https://developers.weixin.qq.com/miniprogram/dev/framework/ability/lazyload.html). What Node's loader adds per file
 * (finding, reading and wrapping it) is left out; compiling and running each factory is not. No target: it shows
 * how much of the fresh-process figures is Node's loader.
 */
function firstFailureInjected(runs) {
  const dist = path.join(root, 'miniprogram_dist')
  const files = fs.readdirSync(dist, { recursive: true }).map((file) => file.split(path.sep).join('/')).filter((file) => file.endsWith('.js') && !file.startsWith('guidance-dialog/'))
  const factories = files.map((file) => `modules[${JSON.stringify(file)}] = function (exports, require, module) {\n${fs.readFileSync(path.join(dist, file), 'utf8')}\n}`)
  const script = `'use strict'
const { posix } = require('path')
const modules = Object.create(null)
const cache = Object.create(null)
function load(id) {
  if (cache[id]) return cache[id].exports
  if (!modules[id]) throw new Error('no module ' + id)
  const module = (cache[id] = { exports: {} })
  modules[id].call(module.exports, module.exports, (request) => load(posix.join(posix.dirname(id), request)), module)
  return module.exports
}
${factories.join('\n')}
const lib = load('index.js')
${FIRST_FAILURES}`
  const file = path.join(cache, 'injected.js')
  fs.writeFileSync(file, script)
  const [firstFailureMs, errMsgOnlyMs, getGuidanceMs] = mediansOfRuns([file], runs)
  return { firstFailureMs, errMsgOnlyMs, getGuidanceMs }
}

/** The timed part of firstFailure and firstFailureInjected, after `lib` is loaded. */
const FIRST_FAILURES = `const failure = ${JSON.stringify(FAILURE)}
const t0 = process.hrtime.bigint(); const error = lib.toErrnoError(failure, 'openBluetoothAdapter'); const t1 = process.hrtime.bigint()
lib.toErrnoError({ errMsg: 'request:fail timeout' }); const t2 = process.hrtime.bigint()
lib.getGuidance(error, { locale: 'zh_CN' }); const t3 = process.hrtime.bigint()
process.stdout.write(JSON.stringify([Number(t1 - t0) / 1e6, Number(t2 - t1) / 1e6, Number(t3 - t2) / 1e6]))`

/**
 * Median ms in fresh processes of other first failures real apps meet, each in a process of its own (no target; the
 * figures are in docs/performance.md): an auth denial (its errMsg says `auth`, a word secret masking looks for) and
 * a wx.cloud database failure (loads beyond.js, and texts/cloud.js: the cloud codes and their policies, not their texts; its
 * errMsg says `errCode`).
 */
function otherFirstFailures(runs) {
  const lib = JSON.stringify(path.join(root, 'miniprogram_dist', 'index.js'))
  // The end is read before process.stdout, whose first read sets up the stream (milliseconds).
  const time = (call) => `const lib = require(${lib}); const t0 = process.hrtime.bigint(); ${call}; const t1 = process.hrtime.bigint()
process.stdout.write(JSON.stringify([Number(t1 - t0) / 1e6]))`
  const [authDeniedMs] = mediansOfFreshRuns(time(`lib.toErrnoError({ errMsg: 'getLocation:fail auth deny', errno: 103 }, 'getLocation')`), runs)
  const [cloudMs] = mediansOfFreshRuns(time(`lib.toCloudError({ errCode: -502005, errMsg: 'errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist' })`), runs)
  return { authDeniedMs, cloudMs }
}

/** Runs a script (which prints a JSON array of numbers) in `runs` fresh processes: the median of each number. */
function mediansOfFreshRuns(script, runs, flags = []) {
  return mediansOfRuns(flags.concat(['-e', script]), runs)
}

/** The same for node's arguments `args` (a script file, when the script is too long for the command line). */
function mediansOfRuns(args, runs) {
  const columns = []
  for (let i = 0; i < runs; i++) {
    JSON.parse(spawnSync(process.execPath, args, { encoding: 'utf8' }).stdout).forEach((value, j) => (columns[j] = columns[j] || []).push(value))
  }
  return columns.map(median)
}

function memory() {
  const gc = global.gc || (() => undefined)
  const fake = createFakeWx({ timing: 'sync', state: { bluetooth: 'off' } })
  const wxp = library.createWxp(fake)
  gc(); gc()
  const before = process.memoryUsage().heapUsed
  return (async () => {
    for (let i = 0; i < 10000; i++) library.subscribe('BLECharacteristicValueChange', noop, { target: fake })()
    for (let i = 0; i < 10000; i++) await wxp.openBluetoothAdapter().catch(noop)
    fake.calls.length = 0 // the double records calls; what is measured is the library
    gc(); gc()
    const after = process.memoryUsage().heapUsed
    return { listenersLeft: fake.listenerCount('BLECharacteristicValueChange'), heapGrowthBytes: after - before, gcExposed: !!global.gc }
  })()
}

async function main() {
  const quick = process.argv.includes('--quick')
  const time = quick ? 200 : 1000
  if (process.argv.includes('--fresh-success')) return process.stdout.write(JSON.stringify(await freshSuccessBench(time * 2)))
  const fresh = freshSuccess(quick)
  const calls = await callBench(time * 3, quick ? 1 : 5)
  const profile = await failureProfile(time)
  const throughput = await throughputBench(time)
  const emptyModule = path.join(cache, 'empty.js')
  fs.writeFileSync(emptyModule, '')
  const coldRuns = quick ? 5 : 15
  const coldDetail = {
    'miniprogram_dist/index.js': coldRequire(path.join(root, 'miniprogram_dist', 'index.js'), coldRuns),
    'miniprogram-api-promise': coldRequire(apiPromisePath, coldRuns),
    'an empty module': coldRequire(emptyModule, coldRuns),
  }
  const cold = {}
  for (const name of Object.keys(coldDetail)) cold[name] = coldDetail[name].ms
  const first = firstFailure(coldRuns)
  const firstJitless = firstFailure(coldRuns, ['--jitless'])
  const firstInjected = firstFailureInjected(coldRuns)
  const others = otherFirstFailures(coldRuns)
  const mem = await memory()

  const rows = []
  const ratio = (a, b) => a / b
  for (const timing of ['synchronous', 'later tick']) {
    const get = (path, name) => calls[`${timing} · ${path} · ${name}`]
    for (const pathName of ['success', 'failure']) {
      const floor = get(pathName, 'floor')
      for (const name of ['floor', 'wxp', 'miniprogram-api-promise']) {
        rows.push({ timing, path: pathName, contender: name, nsPerCall: get(pathName, name), ratioToFloor: ratio(get(pathName, name), floor) })
      }
    }
  }
  const targets = []
  for (const timing of ['synchronous', 'later tick']) {
    const row = (p, c) => rows.find((r) => r.timing === timing && r.path === p && r.contender === c)
    targets.push({ issue: '#20', target: `${timing}: success ≤ 1.25× floor`, value: row('success', 'wxp').ratioToFloor, met: row('success', 'wxp').ratioToFloor <= 1.25 })
    targets.push({ issue: '#20', target: `${timing}: failure ≤ 1.6× floor (new Error)`, value: row('failure', 'wxp').ratioToFloor, met: row('failure', 'wxp').ratioToFloor <= 1.6 })
    targets.push({ issue: '#7', target: `${timing}: success ≤ miniprogram-api-promise`, value: row('success', 'wxp').nsPerCall / row('success', 'miniprogram-api-promise').nsPerCall, met: row('success', 'wxp').nsPerCall <= row('success', 'miniprogram-api-promise').nsPerCall })
    targets.push({ issue: '#7', target: `${timing}: failure ≤ miniprogram-api-promise`, value: row('failure', 'wxp').nsPerCall / row('failure', 'miniprogram-api-promise').nsPerCall, met: row('failure', 'wxp').nsPerCall <= row('failure', 'miniprogram-api-promise').nsPerCall })
  }
  const freshRows = []
  for (const timing of ['synchronous', 'later tick']) {
    const floor = fresh[`${timing} · floor`]
    for (const name of ['floor', 'wxp', 'miniprogram-api-promise']) freshRows.push({ timing, contender: name, nsPerCall: fresh[`${timing} · ${name}`], ratioToFloor: fresh[`${timing} · ${name}`] / floor })
    const wxpRow = freshRows.find((r) => r.timing === timing && r.contender === 'wxp')
    const apiRow = freshRows.find((r) => r.timing === timing && r.contender === 'miniprogram-api-promise')
    targets.push({ issue: '#7', target: `fresh process, ${timing}: success ≤ 1.10× floor`, value: wxpRow.ratioToFloor, met: wxpRow.ratioToFloor <= 1.1 })
    targets.push({ issue: '#7', target: `fresh process, ${timing}: success ≤ miniprogram-api-promise`, value: wxpRow.nsPerCall / apiRow.nsPerCall, met: wxpRow.nsPerCall <= apiRow.nsPerCall })
  }
  targets.push({ issue: '#20', target: 'first failure in a fresh process ≤ 2 ms', value: first.firstFailureMs, met: first.firstFailureMs <= 2 })
  targets.push({ issue: '#20', target: 'first failure in a fresh process, --jitless ≤ 3 ms', value: firstJitless.firstFailureMs, met: firstJitless.firstFailureMs <= 3 })
  targets.push({ issue: '#20', target: 'first errMsg-only failure after it ≤ 1 ms', value: first.errMsgOnlyMs, met: first.errMsgOnlyMs <= 1 })
  targets.push({ issue: '#20', target: 'first guidance ≤ 3 ms', value: first.getGuidanceMs, met: first.getGuidanceMs <= 3 })
  targets.push({ issue: '#7', target: 'lookupErrno ≥ 20 M/s', value: throughput.lookupErrnoPerSecond / 1e6, met: throughput.lookupErrnoPerSecond >= 20e6 })
  targets.push({ issue: '#7, #15', target: 'cold require ≤ 1.5× miniprogram-api-promise', value: cold['miniprogram_dist/index.js'] / cold['miniprogram-api-promise'], met: cold['miniprogram_dist/index.js'] <= 1.5 * cold['miniprogram-api-promise'] })
  targets.push({ issue: '#7', target: '10,000 subscribe/unsubscribe: 0 listeners left', value: mem.listenersLeft, met: mem.listenersLeft === 0 })
  targets.push({ issue: '#7', target: 'heap growth after 20,000 operations < 1 MB', value: mem.heapGrowthBytes / 1024 / 1024, met: mem.heapGrowthBytes < 1024 * 1024 })

  console.log(`Node ${process.version}, ${quick ? 'quick' : 'full'} run\n`)
  console.log('| timing | path | contender | ns/call | × floor |')
  console.log('| --- | --- | --- | ---: | ---: |')
  for (const r of rows) console.log(`| ${r.timing} | ${r.path} | ${r.contender} | ${r.nsPerCall.toFixed(0)} | ${r.ratioToFloor.toFixed(2)} |`)
  console.log('\nSuccess path in a fresh process (each wrapper has served only this API):\n')
  console.log('| timing | contender | ns/call | × floor |')
  console.log('| --- | --- | ---: | ---: |')
  for (const r of freshRows) console.log(`| ${r.timing} | ${r.contender} | ${r.nsPerCall.toFixed(0)} | ${r.ratioToFloor.toFixed(2)} |`)
  console.log('\nFailure path, one part at a time (synchronous, ns per call):\n')
  console.log('| part | ns/call |')
  console.log('| --- | ---: |')
  for (const [name, ns] of Object.entries(profile)) console.log(`| ${name} | ${ns.toFixed(0)} |`)
  console.log(`\ntoErrnoError: ${(throughput.toErrnoErrorPerSecond / 1e6).toFixed(2)} M/s; lookupErrno: ${(throughput.lookupErrnoPerSecond / 1e6).toFixed(1)} M/s`)
  console.log(`cold require (median): miniprogram_dist ${cold['miniprogram_dist/index.js'].toFixed(2)} ms, miniprogram-api-promise ${cold['miniprogram-api-promise'].toFixed(2)} ms, an empty module ${cold['an empty module'].toFixed(2)} ms`)
  for (const [label, f] of [['', first], [' with --jitless', firstJitless]]) {
    console.log(`first failure in a fresh process${label} (median): ${f.firstFailureMs.toFixed(2)} ms, then an errMsg-only failure ${f.errMsgOnlyMs.toFixed(2)} ms (loads texts/decoding.js), then getGuidance ${f.getGuidanceMs.toFixed(2)} ms (loads get-guidance.js and texts/guidance.zh_CN.js)`)
  }
  console.log(`the same with the package injected as a mini-program loads it (every file a factory in one script; no target): ${firstInjected.firstFailureMs.toFixed(2)} ms, then ${firstInjected.errMsgOnlyMs.toFixed(2)} ms, then ${firstInjected.getGuidanceMs.toFixed(2)} ms`)
  console.log(`other first failures in a fresh process (median): an auth denial ${others.authDeniedMs.toFixed(2)} ms, a wx.cloud database failure ${others.cloudMs.toFixed(2)} ms (loads beyond.js, texts/cloud.js and texts/cloud-numeric.js: the error classes, codes and policies, no texts)`)
  console.log(`  compiling the files it loads alone: miniprogram_dist ${coldDetail['miniprogram_dist/index.js'].compileMs.toFixed(2)} ms, miniprogram-api-promise ${coldDetail['miniprogram-api-promise'].compileMs.toFixed(2)} ms`)
  console.log(`memory: ${mem.listenersLeft} listeners left, heap growth ${(mem.heapGrowthBytes / 1024).toFixed(0)} KB${mem.gcExposed ? '' : ' (run with --expose-gc for a reliable figure)'}\n`)
  // #20's targets first: it replaced the per-call ratios of #7 (1.10× / 1.5×) with 1.25× / 1.6× and #15's byte
  // budgets with its own; the other rows are #7's and #15's, printed for comparison (docs/performance.md).
  console.log('| issue | target | value | met |')
  console.log('| --- | --- | ---: | --- |')
  for (const t of targets.filter((t) => t.issue === '#20').concat(targets.filter((t) => t.issue !== '#20'))) console.log(`| ${t.issue} | ${t.target} | ${t.value.toFixed(2)} | ${t.met ? 'yes' : 'NO'} |`)
  fs.writeFileSync(path.join(root, 'bench', 'results.json'), JSON.stringify({ measured: new Date().toISOString(), node: process.version, quick, method: quick ? '1 round' : 'median of 5 interleaved rounds', rows, freshSuccess: freshRows, failureProfile: profile, throughput, coldRequireMs: cold, coldRequireDetail: coldDetail, firstFailure: first, firstFailureJitless: firstJitless, firstFailureInjected: firstInjected, otherFirstFailures: others, memory: mem, targets }, null, 2) + '\n')
}

main().catch((error) => { console.error(error); process.exit(1) })
