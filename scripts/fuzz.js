#!/usr/bin/env node
// `npm run fuzz`: the property checks of test/properties.test.ts and test/adversarial.test.ts at full budget
// (100,000 inputs per property by default; `-- --runs N` to change) against both builds, dist/ and miniprogram_dist/.
// Each property: never throws (the constructors too, given any init object), always returns the typed error, keeps
// `cause`, never leaks a planted secret, bounds every message, never pollutes Object.prototype. Prints one line per
// property and build.
'use strict'
const fc = require('fast-check')
const path = require('path')
const root = path.resolve(__dirname, '..')
const at = process.argv.indexOf('--runs')
const runs = at > 0 ? Number(process.argv[at + 1]) : 100000
const SECRET = 'ZQXSECRETZQX'

const secretCarrier = fc.oneof(
  fc.constant(`?access_token=${SECRET}`), fc.constant(`#id_token=${SECRET}`), fc.constant(`"client_secret":"${SECRET}"`),
  fc.constant(`Authorization: Bearer ${SECRET}`), fc.constant(`https://u:${SECRET}@h.example.com`), fc.constant(`password = ${SECRET}`),
  fc.constant(`redirect_uri=https%3A%2F%2Fx%2Fcb%3Faccess_token%3D${SECRET}`),
  // issue #22: quoted values, escaped quotes in JSON, Python dicts, doubly encoded redirects, camelCase and COS/STS keys, pwd
  fc.constant(`access_token="${SECRET}"`), fc.constant(`token='${SECRET}'`), fc.constant(`password='a ${SECRET} b'`),
  fc.constant(`{"password":"ab\\"${SECRET}"}`), fc.constant(`{'password': '${SECRET}'}`),
  fc.constant(`r=https%253A%252F%252Fb%252Fcb%253Faccess_token%253D${SECRET}%2526x`), fc.constant(`{"tmpSecretKey":"${SECRET}"}`),
  fc.constant(`secretId=${SECRET}`), fc.constant(`privateKey: ${SECRET}`), fc.constant(`&pwd=${SECRET}`), fc.constant(`{"password":"${SECRET}`))
const hostile = fc.oneof(fc.anything({ withNullPrototype: true, withBigInt: false, withObjectString: true }), fc.string({ maxLength: 3000 }),
  fc.record({ errno: fc.oneof(fc.integer(), fc.double(), fc.string()), errMsg: fc.string(), errCode: fc.oneof(fc.integer(), fc.string()) }, { requiredKeys: [] }))
// Around each secret: random text, or the names, schemes, quotes and separators another pattern could take for its own
// value ("key: password = …", "Basic token='…'", "Cookie: \"access_token=\"…\"" leaked before this round's masking).
const pieces = ['key', 'password', 'token', 'sign', 'code', 'js_code', 'secret_key', ':', '=', ' ', '"', "'", '&', '?', '#', '%3D',
  '\\', '\\"', '{', '}', ',', ';', 'Bearer', 'Basic ', '//', '@', 'x', 'Cookie: ', '\n', '***', 'İ', 'PWD']
const around = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((list) => list.join(''))
const errMsgWithSecret = fc.oneof(
  fc.tuple(fc.string({ maxLength: 2500 }), secretCarrier, fc.string({ maxLength: 100 })).map(([a, s, b]) => 'request:fail ' + a + ' ' + s + ' ' + b),
  fc.tuple(around, secretCarrier, around).map(([a, s, b]) => 'request:fail ' + a + s + b))

function check(name, build, property) {
  const started = Date.now()
  const result = fc.check(property, { numRuns: runs })
  const line = `${result.failed ? 'FAIL' : 'ok  '} ${build.padEnd(16)} ${name.padEnd(44)} ${result.numRuns} inputs, ${Date.now() - started} ms`
  console.log(line)
  if (result.failed) console.log('     counterexample: ' + fc.stringify(result.counterexample).slice(0, 300))
  return !result.failed
}

async function main() {
let ok = true
for (const [build, file] of [['dist', 'dist/index.cjs'], ['miniprogram_dist', 'miniprogram_dist/index.js']]) {
  const lib = require(path.join(root, file))
  ok = check('toErrnoError(anything): an ErrnoError, cause kept', build, fc.property(hostile, (x) => {
    const e = lib.toErrnoError(x)
    return e instanceof lib.ErrnoError && Object.is(e.cause, x) && e.message.length <= 2000 && ({}).polluted === undefined
  })) && ok
  ok = check('a planted secret never reaches message or JSON', build, fc.property(errMsgWithSecret, (errMsg) => {
    const e = lib.toErrnoError({ errMsg })
    const server = lib.toWxServerError({ errcode: 40001, errmsg: errMsg }, { url: errMsg })
    const http = lib.toHttpApiError(401, { error: errMsg, error_description: errMsg }, undefined, { url: errMsg })
    // A failure's other fields: a cloud code and request id (a server, a proxy or a custom backend may send anything).
    const cloud = lib.toCloudError({ code: errMsg, requestId: errMsg, errMsg })
    return [e, server, http, cloud].every((error) => [error.message, String(error), JSON.stringify(error)].concat(['errMsg', 'errmsg', 'description', 'url', 'code', 'requestId', 'error'].map((key) => String(error[key] || ''))).every((t) => t.indexOf(SECRET) < 0))
  })) && ok
  // The realtime-log reporter: whatever fails, each entry is masked and at most 5 KB, and it never throws.
  const lines = []
  const manager = { info: (...a) => lines.push(a), warn: (...a) => lines.push(a), error: (...a) => lines.push(a), addFilterMsg: (m) => lines.push([m]) }
  const report = lib.createRealtimeLogReporter({ wx: { getRealtimeLogManager: () => manager }, perCode: 1e9, perWindow: 1e9 })
  // Shapes 4 and 5: an Error whose name or message cannot be printed (a Symbol, a throwing toString), and the input as
  // it is (a plain wx failure passed by hand, or anything else); 6 and 7: another error's own string code and name, and a
  // WeChat server body passed by hand. The reporter writes on a later tick: a throw there would be an uncaught
  // exception that ends this script.
  const unprintable = fc.oneof(fc.string(), fc.constant(Symbol('s')), fc.constant({ toString: () => { throw new Error('boom') } }))
  ok = check('the reporter: masked entries of at most 5 KB', build, fc.property(fc.oneof(errMsgWithSecret, hostile), fc.integer({ min: 0, max: 7 }), unprintable, (input, shape, odd) => {
    const text = typeof input === 'string' ? input : 'x'
    const error = shape === 6 ? { code: text, name: text } : shape === 7 ? { errcode: 40001, errmsg: text } : shape === 0 ? lib.toErrnoError(input) : shape === 1 ? new Error(typeof input === 'string' ? input : 'x') : shape === 2 ? lib.toCloudError(input)
      : shape === 3 ? lib.toHttpApiError(500, input, input, { url: typeof input === 'string' ? input : undefined })
        : shape === 4 ? Object.assign(new Error('x'), { name: odd, message: odd }) : typeof input === 'string' ? { errMsg: input, errno: 600001 } : input
    report(error)
    return true
  })) && ok
  await new Promise((resolve) => setTimeout(resolve, 10))
  const badLines = lines.filter((args) => { const text = JSON.stringify(args); return text.indexOf(SECRET) >= 0 || text.length > 5200 })
  console.log(`${badLines.length ? 'FAIL' : 'ok  '} ${build.padEnd(16)} ${'  … of which written and checked'.padEnd(44)} ${lines.length} log calls`)
  ok = !badLines.length && ok
  ok = check('toCloudError / toWxServerError / toHttpApiError', build, fc.property(hostile, fc.integer({ min: 0, max: 700 }), (x, status) => {
    const c = lib.toCloudError(x)
    lib.toWxServerError(x)
    lib.toHttpApiError(status, x, x)
    return c instanceof lib.CloudError && c.message.length <= 2000
  })) && ok
  // The constructors take decoded fields; given any init object (fields of any type, a Symbol, a throwing toString),
  // each makes an error that prints and serialises and keeps its cause.
  const field = fc.oneof(fc.anything(), fc.constant(Symbol('s')), fc.constant({ toString: () => { throw new Error('boom') } }))
  const init = fc.dictionary(fc.constantFrom('errno', 'errMsg', 'errCode', 'api', 'note', 'errcode', 'errmsg', 'url', 'code', 'requestId', 'statusCode', 'error', 'description', 'table', 'cause'), field)
  ok = check('new ErrnoError … HttpApiError(any init object)', build, fc.property(init, (given) => {
    return [lib.ErrnoError, lib.WxServerError, lib.CloudError, lib.HttpApiError].every((Class) => {
      const e = new Class(given)
      return Object.is(e.cause, given.cause) && e.message.length <= 2000 && typeof JSON.stringify(e) === 'string' && typeof String(e) === 'string' && typeof e.kind === 'string'
    })
  })) && ok
  ok = check('retryDelay is finite and setTimeout-safe', build, fc.property(fc.string({ maxLength: 500 }), (value) => {
    const d = lib.retryDelay(lib.toHttpApiError(503, {}, { 'Retry-After': value }))
    return d === undefined || (Number.isFinite(d) && d >= 0 && d <= 2147483647)
  })) && ok
}
console.log(ok ? `all properties held (${runs} inputs each)` : 'a property failed')
process.exit(ok ? 0 : 1)
}

main().catch((error) => { console.error(error); process.exit(1) })
