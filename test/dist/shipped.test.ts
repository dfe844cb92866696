// What ships: no eval or new Function (the mini-program runtime forbids both), ES2017 syntax in
// miniprogram_dist, and a bundle that loads in Node with no global wx.
import * as fs from 'fs'
import * as path from 'path'
import * as acorn from 'acorn'
import { tmpdir } from 'os'

const root = path.resolve(__dirname, '../..')

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? files(full) : [full]
  })
}
const shipped = [...files(path.join(root, 'miniprogram_dist')), ...files(path.join(root, 'dist'))].filter((f) => /\.(c|m)?js$/.test(f))
const rel = (f: string) => path.relative(root, f)

test('the build produced the shipped files', () => {
  expect(shipped.map(rel)).toEqual(expect.arrayContaining(['miniprogram_dist/index.js', 'miniprogram_dist/guidance-dialog/index.js', 'dist/index.cjs', 'dist/esm/index.mjs', 'dist/testing.cjs', 'dist/cli.cjs']))
})

test.each(shipped.map((f) => [rel(f), f]))('%s has no eval or new Function', (_, file) => {
  const code = fs.readFileSync(file, 'utf8')
  expect(code).not.toMatch(/\beval\s*\(/)
  expect(code).not.toMatch(/\bnew\s+Function\s*\(/)
  expect(code).not.toMatch(/\bFunction\s*\(\s*['"`]/)
})

test.each(shipped.filter((f) => f.includes('miniprogram_dist')).map((f) => [rel(f), f]))('%s parses as ES2017 (no object spread, ?., ??)', (_, file) => {
  expect(() => acorn.parse(fs.readFileSync(file, 'utf8'), { ecmaVersion: 2017, sourceType: 'script' })).not.toThrow()
})

test('the ES2017 check can fail: newer syntax is rejected', () => {
  for (const newer of ['const a = {...b}', 'a?.b', 'a ?? b', 'async function f() { for await (const x of y) {} }']) {
    expect(() => acorn.parse(newer, { ecmaVersion: 2017, sourceType: 'script' })).toThrow()
  }
})

test('miniprogram_dist/index.js loads with no global wx; ErrnoError is an Error there', () => {
  expect(typeof (globalThis as any).wx).toBe('undefined')
  const library = require(path.join(root, 'miniprogram_dist/index.js'))
  const error = library.toErrnoError({ errMsg: 'openBluetoothAdapter:fail:not available', errno: 1500102 })
  expect(error).toBeInstanceOf(Error)
  expect(error).toBeInstanceOf(library.ErrnoError)
  expect(error.message).toBe('openBluetoothAdapter:fail:not available (errno 1500102)')
  expect(library.lookupErrno(error.errno).message.en).toContain('Bluetooth adapter is not available')
  expect([library.ErrnoError.name, error.name, library.WxServerError.name, library.CloudError.name, library.HttpApiError.name]).toEqual(['ErrnoError', 'ErrnoError', 'WxServerError', 'CloudError', 'HttpApiError'])
  expect(Object.keys(library)).toEqual(expect.arrayContaining(['wxp', 'createWxp', 'decodeErrno', 'lookupErrno', 'showGuidance', 'toWxServerError', 'toCloudError', 'toHttpApiError']))
})

test('the package.json the packer and bundlers read points at what was built', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
  expect(pkg.miniprogram).toBe('miniprogram_dist')
  for (const target of [pkg.main, pkg.module, pkg.types, pkg.exports['.'].import.default, pkg.exports['.'].require.default, pkg.exports['./testing'].require.default]) {
    expect(fs.existsSync(path.join(root, target))).toBe(true)
  }
})

// For the scripts below, run in a fresh process: `loaded()` lists the miniprogram_dist files required since it started.
const LOADED = "const before = new Set(Object.keys(require.cache)); const loaded = () => Object.keys(require.cache).filter((f) => !before.has(f)).map((f) => f.split('miniprogram_dist/')[1]).sort();"

test('miniprogram_dist/index.js exports what dist/index.cjs does: freezing it breaks nothing; guidance, texts, the Errno constants and the errors beyond wx load on first use', () => {
  // A fresh process: this file's other tests have loaded modules already.
  const script = `
    ${LOADED}
    const lib = require(${JSON.stringify(path.join(root, 'miniprogram_dist/index.js'))});
    const out = { keys: Object.keys(lib).sort(), atStart: loaded() };
    out.accessors = Object.keys(lib).filter((k) => typeof Object.getOwnPropertyDescriptor(lib, k).get === 'function').sort();
    Object.freeze(lib);
    const error = lib.toErrnoError({ errMsg: 'openBluetoothAdapter:fail:not available', errno: 1500102 });
    out.afterError = loaded();
    const cloud = lib.toCloudError({ errCode: -502005, errMsg: 'cloud.database:fail -502005 database collection not exists' });
    const server = lib.toWxServerError({ errcode: 40029, errmsg: 'invalid code' });
    out.madeBeyond = [cloud.code, server.code, cloud instanceof lib.CloudError, server instanceof lib.WxServerError];
    out.afterBeyond = loaded();
    out.cloudMeaning = cloud.meaning.zh_CN;
    out.serverFix = server.fix.en;
    out.afterMeaning = loaded();
    out.guidance = lib.getGuidance(error, { locale: 'zh_CN', platform: 'android' }).title;
    out.afterGuidance = loaded();
    out.errno = lib.Errno.BLUETOOTH_ADAPTER_UNAVAILABLE;
    const beforeCopy = loaded();
    const copy = Object.assign({}, lib); // what __importStar / _interopRequireWildcard do: reads every name
    out.copied = loaded().filter((f) => !beforeCopy.includes(f));
    out.types = Object.keys(copy).filter((k) => copy[k] === undefined);
    out.sameValues = Object.keys(copy).filter((k) => copy[k] !== lib[k]);
    console.log(JSON.stringify(out));`
  const out = JSON.parse(require('child_process').execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))
  expect(out.keys).toEqual(Object.keys(require(path.join(root, 'dist/index.cjs'))).sort())
  // Values that live in another file are accessors (they keep working on a frozen module); everything else is plain.
  expect(out.accessors).toEqual(['CloudError', 'Errno', 'HttpApiError', 'WxServerError'])
  expect(out.types).toEqual([])
  expect(out.sameValues).toEqual([])
  // Nothing but the core at start: no text table, no guidance, readiness, report, events, BLE, retry, catalogue,
  // Errno constants or errors beyond wx.
  expect(out.atStart).toEqual(['core.js', 'index.js'])
  expect(out.afterError).toEqual(out.atStart) // creating an ErrnoError reads no text table
  // A CloudError or WxServerError loads beyond.js and reads its codes table (policy), none of the texts; `meaning`
  // reads one locale's.
  expect(out.madeBeyond).toEqual(['DATABASE_COLLECTION_NOT_EXIST', 'INVALID_CODE', true, true])
  expect(out.afterBeyond.filter((f: string) => !out.afterError.includes(f)).sort()).toEqual(['beyond.js', 'texts/cloud-numeric.js', 'texts/cloud.js', 'texts/server.js'])
  expect(out.cloudMeaning).toMatch(/集合/)
  expect(out.serverFix.length).toBeGreaterThan(10)
  expect(out.afterMeaning).toEqual(expect.arrayContaining(['texts/cloud.zh_CN.js', 'texts/server.en.js']))
  expect(out.guidance).toBe('蓝牙未开启')
  expect(out.afterGuidance).toEqual(expect.arrayContaining(['get-guidance.js', 'texts/guidance.zh_CN.js']))
  expect(out.afterGuidance).not.toContain('texts/guidance.zh_TW.js')
  // getGuidance reads what to say; the modal, renderer and dialog code (show.js) loads with showGuidance.
  expect(out.afterGuidance).not.toContain('show.js')
  expect(out.errno).toBe(1500102)
  // Copying the exports reads the accessors: the files they stand for load, and nothing else does.
  expect(out.copied).toEqual([])
})

test('wxp.cloud in miniprogram_dist rejects with the CloudError the module exports, loading beyond.js at that failure', () => {
  const script = `
    ${LOADED}
    const lib = require(${JSON.stringify(path.join(root, 'miniprogram_dist/index.js'))});
    const failure = Object.assign(new Error('cloud.callFunction:fail -504002 functions execute fail'), { errCode: -504002 });
    const wxp = lib.createWxp({ cloud: { callFunction: () => Promise.reject(failure) } });
    const beforeFailure = loaded();
    wxp.cloud.callFunction({ name: 'login' }).catch((error) => {
      console.log(JSON.stringify({ beforeFailure, afterFailure: loaded(), isCloudError: error instanceof lib.CloudError, code: error.code, cause: error.cause === failure }));
    });`
  const out = JSON.parse(require('child_process').execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))
  expect(out.beforeFailure).toEqual(['core.js', 'index.js'])
  // wx.cloud's wrapper (cloud.js) loads when wxp.cloud is first read, not at start.
  expect(out.afterFailure).toEqual(expect.arrayContaining(['beyond.js', 'cloud.js', 'texts/cloud.js']))
  expect(out.afterFailure).not.toContain('errno-constants.js')
  expect(out).toMatchObject({ isCloudError: true, code: 'FUNCTIONS_EXECUTE_FAIL', cause: true })
})

test("TypeScript's esModuleInterop `import * as` keeps the accessors lazy (its helper binds getters, copies nothing)", () => {
  const ts = require('typescript')
  const source = `
    import * as lib from ${JSON.stringify(path.join(root, 'miniprogram_dist/index.js'))}
    declare const require: any
    const loaded = () => Object.keys(require.cache).filter((f: string) => f.indexOf('miniprogram_dist/') >= 0).map((f: string) => f.split('miniprogram_dist/')[1]).sort()
    const atImport = loaded()
    const errno = (lib as any).Errno.OK
    console.log(JSON.stringify({ atImport, errno, afterRead: loaded() }))`
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2017, esModuleInterop: true } }).outputText
  expect(js).toContain('__importStar')
  const out = JSON.parse(require('child_process').execFileSync(process.execPath, ['-e', js], { encoding: 'utf8' }))
  expect(out).toEqual({ atImport: ['core.js', 'index.js'], errno: 0, afterRead: ['core.js', 'errno-constants.js', 'index.js'] })
})

test('copying miniprogram_dist/index.js loads the Errno constants and beyond.js, no text table', () => {
  const script = `
    ${LOADED}
    const lib = require(${JSON.stringify(path.join(root, 'miniprogram_dist/index.js'))});
    const copy = Object.assign({}, lib);
    console.log(JSON.stringify({ files: loaded(), errno: copy.Errno.OK, name: copy.CloudError.name }));`
  const out = JSON.parse(require('child_process').execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))
  expect(out).toEqual({ files: ['beyond.js', 'core.js', 'errno-constants.js', 'index.js'], errno: 0, name: 'CloudError' })
})

describe('texts in miniprogram_dist', () => {
  test('each table is its own readable module under texts/, one per locale, required by a literal path', () => {
    const texts = fs.readdirSync(path.join(root, 'miniprogram_dist/texts'))
    expect(texts).toEqual(expect.arrayContaining(['decoding.js', 'errno.en.js', 'errno.zh_CN.js', 'errno.zh_TW.js', 'guidance.zh_TW.js', 'server.js', 'server.zh_TW.js', 'cloud.js', 'cloud.en.js', 'cloud.zh_TW.js']))
    // Only the CLI reads the policy reasons and the legacy tables' texts: they ship in no mini-program build.
    expect(texts).not.toEqual(expect.arrayContaining(['policy-reasons.js']))
    expect(require(path.join(root, 'miniprogram_dist/texts/errno.zh_CN.js'))[1500102]).toBe('当前蓝牙适配器不可用')
    for (const file of fs.readdirSync(path.join(root, 'miniprogram_dist')).filter((f) => f.endsWith('.js'))) {
      const code = fs.readFileSync(path.join(root, 'miniprogram_dist', file), 'utf8')
      expect([file, code.includes('当前蓝牙适配器不可用')]).toEqual([file, false])
      // A literal path in every require (WeChat's dependency analysis reads them).
      for (const m of code.matchAll(/\brequire\(([^)]*)\)/g)) expect(m[1]).toMatch(/^["'][^"']+["']$/)
    }
    const requires = [...fs.readFileSync(path.join(root, 'miniprogram_dist/index.js'), 'utf8').matchAll(/require\(["']\.\/(texts\/[^"']+)["']\)/g)].map((m) => m[1])
    const others = fs.readdirSync(path.join(root, 'miniprogram_dist')).filter((f) => f.endsWith('.js')).flatMap((f) => [...fs.readFileSync(path.join(root, 'miniprogram_dist', f), 'utf8').matchAll(/require\(["']\.\/(texts\/[^"']+)["']\)/g)].map((m) => m[1]))
    expect(new Set(requires.concat(others))).toEqual(new Set(texts.map((f) => 'texts/' + f)))
  })

  test('an app that leaves out a locale still works: that locale falls back to English guidance', () => {
    const copy = fs.mkdtempSync(path.join(tmpdir(), 'one-locale-'))
    fs.cpSync(path.join(root, 'miniprogram_dist'), copy, { recursive: true })
    for (const file of fs.readdirSync(path.join(copy, 'texts'))) if (file.endsWith('.zh_TW.js')) fs.rmSync(path.join(copy, 'texts', file))
    const library = require(path.join(copy, 'index.js'))
    expect(library.lookupErrno(1500102).message.zh_CN).toBe('当前蓝牙适配器不可用')
    expect(library.getGuidance(1500102, { locale: 'zh_CN', platform: 'android' }).title).toBe('蓝牙未开启')
    expect(library.getGuidance(1500102, { locale: 'zh_TW', platform: 'android' }).title).toBe('Bluetooth is off')
    expect(library.lookupErrno(1500102).message.zh_TW).toBeUndefined()
    // The server and cloud texts are files per locale too.
    const cloud = library.toCloudError({ code: 'DATABASE_TIMEOUT' })
    expect(cloud.meaning.zh_TW).toBeUndefined()
    expect(cloud.meaning.zh_CN).toMatch(/超时/)
    expect(cloud.meaning.en).toMatch(/timed out/i)
    const server = library.toWxServerError({ errcode: 40029 })
    expect(server.fix.zh_TW).toBeUndefined()
    expect(server.meaning.zh_CN).toMatch(/code/)
  })
})

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e: any) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

test('after an ES5 compile (as WeChat DevTools may do) instanceof and the policies still hold', () => {
  const ts = require('typescript')
  const out = fs.mkdtempSync(path.join(tmpdir(), 'es5-'))
  const code = fs.readFileSync(path.join(root, 'miniprogram_dist/index.js'), 'utf8')
  // Every module of miniprogram_dist, compiled to ES5 in place of a copy (texts included).
  fs.cpSync(path.join(root, 'miniprogram_dist'), out, { recursive: true })
  for (const file of walk(out).filter((f) => f.endsWith('.js'))) {
    const es5 = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.CommonJS, allowJs: true, downlevelIteration: true } }).outputText
    expect(() => acorn.parse(es5, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow()
    fs.writeFileSync(file, es5)
  }
  expect(code.length).toBeGreaterThan(0)
  const library = require(path.join(out, 'index.js'))
  const error = library.toErrnoError({ errno: 1500102, errMsg: 'openBluetoothAdapter:fail:not available' })
  expect(error instanceof Error && error instanceof library.ErrnoError).toBe(true)
  expect(library.toWxServerError({ errcode: 40029 }) instanceof library.WxServerError).toBe(true)
  expect(library.toCloudError({ code: 'DATABASE_TIMEOUT' }) instanceof library.CloudError).toBe(true)
  expect(library.toHttpApiError(503) instanceof library.HttpApiError).toBe(true)
  expect(library.isRetriable(library.toHttpApiError(503))).toBe(true)
})

test.each([['miniprogram_dist/index.js'], ['dist/index.cjs']])('%s frozen and sealed: every export still works, class names kept', (file) => {
  const script = `
    const lib = require(require('path').join(${JSON.stringify(root)}, process.argv[1]));
    Object.seal(lib); Object.freeze(lib);
    const e = lib.toErrnoError({ errMsg: 'openBluetoothAdapter:fail:not available', errno: 1500102 });
    console.log(JSON.stringify({
      undefinedExports: Object.keys(lib).filter((k) => lib[k] === undefined),
      title: lib.getGuidance(e, { locale: 'en', platform: 'android' }).title,
      names: [lib.ErrnoError.name, e.name, e.constructor.name, lib.toWxServerError({ errcode: 40001 }).name],
      retriable: lib.isRetriable(lib.toHttpApiError(503)),
    }))`
  const out = JSON.parse(require('child_process').execFileSync(process.execPath, ['-e', script, file], { encoding: 'utf8' }))
  expect(out).toEqual({ undefinedExports: [], title: 'Bluetooth is off', names: ['ErrnoError', 'ErrnoError', 'ErrnoError', 'WxServerError'], retriable: true })
})
