#!/usr/bin/env node
// `npm run fuzz`: the property checks of test/properties.test.ts and test/hardening.test.ts at full budget
// (100,000 inputs per property by default; `-- --runs N` to change) against both builds, dist/ and miniprogram_dist/.
// Each property: never throws, always returns the typed error, keeps `cause`, never leaks a planted secret,
// bounds every message, never pollutes Object.prototype. Prints one line per property and build.
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
  fc.constant(`redirect_uri=https%3A%2F%2Fx%2Fcb%3Faccess_token%3D${SECRET}`))
const hostile = fc.oneof(fc.anything({ withNullPrototype: true, withBigInt: false, withObjectString: true }), fc.string({ maxLength: 3000 }),
  fc.record({ errno: fc.oneof(fc.integer(), fc.double(), fc.string()), errMsg: fc.string(), errCode: fc.oneof(fc.integer(), fc.string()) }, { requiredKeys: [] }))
const errMsgWithSecret = fc.tuple(fc.string({ maxLength: 2500 }), secretCarrier, fc.string({ maxLength: 100 })).map(([a, s, b]) => 'request:fail ' + a + ' ' + s + ' ' + b)

function check(name, build, property) {
  const started = Date.now()
  const result = fc.check(property, { numRuns: runs })
  const line = `${result.failed ? 'FAIL' : 'ok  '} ${build.padEnd(16)} ${name.padEnd(44)} ${result.numRuns} inputs, ${Date.now() - started} ms`
  console.log(line)
  if (result.failed) console.log('     counterexample: ' + fc.stringify(result.counterexample).slice(0, 300))
  return !result.failed
}

let ok = true
for (const [build, file] of [['dist', 'dist/index.cjs'], ['miniprogram_dist', 'miniprogram_dist/index.js']]) {
  const lib = require(path.join(root, file))
  ok = check('toErrnoError(anything): an ErrnoError, cause kept', build, fc.property(hostile, (x) => {
    const e = lib.toErrnoError(x)
    return e instanceof lib.ErrnoError && Object.is(e.cause, x) && e.message.length <= 2000 && ({}).polluted === undefined
  })) && ok
  ok = check('a planted secret never reaches message or JSON', build, fc.property(errMsgWithSecret, (errMsg) => {
    const e = lib.toErrnoError({ errMsg })
    return [e.message, String(e), JSON.stringify(e)].every((t) => t.indexOf(SECRET) < 0)
  })) && ok
  ok = check('toCloudError / toWxServerError / toHttpApiError', build, fc.property(hostile, fc.integer({ min: 0, max: 700 }), (x, status) => {
    const c = lib.toCloudError(x)
    lib.toWxServerError(x)
    lib.toHttpApiError(status, x, x)
    return c instanceof lib.CloudError && c.message.length <= 2000
  })) && ok
  ok = check('retryDelay is finite and setTimeout-safe', build, fc.property(fc.string({ maxLength: 500 }), (value) => {
    const d = lib.retryDelay(lib.toHttpApiError(503, {}, { 'Retry-After': value }))
    return d === undefined || (Number.isFinite(d) && d >= 0 && d <= 2147483647)
  })) && ok
}
console.log(ok ? `all properties held (${runs} inputs each)` : 'a property failed')
process.exit(ok ? 0 : 1)
