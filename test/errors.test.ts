import * as fs from 'fs'
import * as path from 'path'
import {
  WxServerError, toWxServerError, CloudError, toCloudError, HttpApiError, toHttpApiError, apiRequest, parseRetryAfter, msUntilNextBeijingDay,
  isRetriable, retryDelay, requiresReauthorization, requiresServerTokenRefresh, isConfigurationError, requiresUserAction, getGuidance, withRetry, ErrnoError, getPolicy, MiniprogramError, isErrnoError, isWxServerError, isCloudError, isHttpApiError, toErrnoError, onFailure, wxServerBodyDecoder,
} from '../src/index'
import { createFakeWx } from '../src/testing/index'

const root = path.resolve(__dirname, '..')
const server: { codes: any[] } = JSON.parse(fs.readFileSync(path.join(root, 'data/server.json'), 'utf8'))
const cloud: { codes: any[] } = JSON.parse(fs.readFileSync(path.join(root, 'data/cloud.json'), 'utf8'))
const http: { statuses: any[]; errors: any[] } = JSON.parse(fs.readFileSync(path.join(root, 'data/http.json'), 'utf8'))
const seeds = path.resolve(root, '../shared/seeds')
const CJK = /[\u3400-\u9fff]/

function answers(error: unknown) {
  return { retriable: isRetriable(error), reauth: requiresReauthorization(error), config: isConfigurationError(error), user: requiresUserAction(error) }
}
const expected = (cls: string) => ({ retriable: cls === 'retry', reauth: cls === 'reauth', config: cls === 'config', user: cls === 'user' })

describe('WxServerError', () => {
  test('covers every errcode of seed 000 and the common ones', () => {
    const codes = server.codes.map((c: any) => c.errcode)
    for (const code of [40001, 40014, 42001, 41001, 42007, 40029, 40163, 42003, 40030, 42002, 50001, 45009, 45011, 40164, -1, 61451, 40013, 40125, 40226, 40002]) expect(codes).toContain(code)
  })

  test.each(server.codes.map((c: any): [number, any] => [c.errcode, c]))('errcode %i: meaning, cause and fix in three locales; the four policy answers', (errcode, row: any) => {
    const error = toWxServerError({ errcode, errmsg: row.errmsg || 'x' })!
    expect(error).toBeInstanceOf(WxServerError)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ name: 'WxServerError', errcode, known: true, code: row.key })
    for (const field of ['meaning', 'reason', 'fix'] as const) {
      expect(error[field]!.zh_CN).toMatch(CJK)
      expect(error[field]!.zh_TW).toMatch(CJK)
      expect(error[field]!.en).not.toMatch(CJK)
    }
    // The texts are tables of their own, one per locale, whose rows follow the codes table: each lines up.
    expect([error.meaning!.en, error.reason!.en, error.fix!.en]).toEqual([row.meaning.en, row.cause.en, row.fix.en])
    expect([error.meaning!.zh_CN, error.reason!.zh_CN, error.fix!.zh_CN]).toEqual([row.meaning.zh_CN, row.cause.zh_CN, row.fix.zh_CN])
    expect(answers(error)).toEqual(expected(row.policy.class))
  })

  test('the policy follows the seed: retriable, re-authorisation, configuration', () => {
    for (const code of [-1, 45009, 45011]) expect(isRetriable(toWxServerError({ errcode: code }))).toBe(true)
    for (const code of [42007, 40163, 42003, 40030, 42002, 40029]) expect(requiresReauthorization(toWxServerError({ errcode: code }))).toBe(true)
    // The app server's own access_token: its own predicate, not the user's sign-in.
    for (const code of [40001, 40014, 42001]) {
      expect(requiresReauthorization(toWxServerError({ errcode: code }))).toBe(false)
      expect(requiresServerTokenRefresh(toWxServerError({ errcode: code }))).toBe(true)
    }
    expect(requiresServerTokenRefresh(toWxServerError({ errcode: 40029 }))).toBe(false)
    for (const code of [40164, 40125, 40013, 50001]) expect(isConfigurationError(toWxServerError({ errcode: code }))).toBe(true)
    expect(retryDelay(toWxServerError({ errcode: 45009 }))).toBeGreaterThanOrEqual(60000)
    const daily = retryDelay(toWxServerError({ errcode: 45011 }))!
    expect(daily).toBeGreaterThan(0)
    expect(daily).toBeLessThanOrEqual(24 * 3600 * 1000)
    expect(msUntilNextBeijingDay(Date.UTC(2026, 0, 1, 15, 0, 0))).toBe(3600 * 1000) // 23:00 in Beijing
  })

  test('errcode 0 or none is not an error; shapes: object, JSON text, a wx.request result', () => {
    expect(toWxServerError({ errcode: 0, errmsg: 'ok' })).toBeUndefined()
    expect(toWxServerError({ openid: 'o', session_key: 'k' })).toBeUndefined()
    expect(toWxServerError(undefined)).toBeUndefined()
    expect(toWxServerError('not json')).toBeUndefined()
    expect(toWxServerError('{"errcode":40029,"errmsg":"invalid code"}')!.errcode).toBe(40029)
    expect(toWxServerError({ statusCode: 200, data: { errcode: 40163, errmsg: 'code been used' } })!.errcode).toBe(40163)
    const unknown = toWxServerError({ errcode: 99999, errmsg: 'new' })!
    expect(unknown).toMatchObject({ known: false, errcode: 99999 })
    expect(isRetriable(unknown)).toBe(false)
  })

  test('secrets never leak through message, toJSON or String()', () => {
    const body = { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest rid: 1', session_key: 'SESSIONKEY123', secret: 'APPSECRET456' }
    const error = toWxServerError(body, { url: 'https://api.weixin.qq.com/sns/jscode2session?appid=wx1&secret=APPSECRET456&js_code=CODE789&grant_type=authorization_code' })!
    const outputs = [error.message, String(error), JSON.stringify(error)]
    for (const text of outputs) {
      for (const secret of ['APPSECRET456', 'CODE789', 'SESSIONKEY123']) expect(text).not.toContain(secret)
    }
    expect(JSON.stringify(error)).toContain('appid=wx1')
    expect(error.cause).toBe(body) // the original stays untouched for the caller
  })
})

describe('CloudError', () => {
  test('the table has every code of seed 002, grouped as the seed groups them', () => {
    const seedRows = cloud.codes.filter((c: any) => !c.source)
    if (fs.existsSync(seeds)) {
      const text = fs.readFileSync(path.join(seeds, '002_16c8d80ee3d3a6b6.txt'), 'utf8')
      const seedCodes = [...text.matchAll(/^\| ([A-Za-z_]+) \|/gm)].map((m) => m[1]).filter((c) => c !== '错误码')
      expect(seedRows.map((c: any) => c.code).sort()).toEqual(seedCodes.sort())
    }
    expect(seedRows).toHaveLength(76)
    expect(new Set(seedRows.map((c: any) => c.group))).toEqual(new Set(['auth', 'database', 'functions', 'hosting', 'storage', 'static', 'ai']))
    // Codes added beyond the seed (CloudBase's own docs) each name their source.
    for (const row of cloud.codes.filter((c: any) => c.source)) expect(row.source).toMatch(/^https:\/\/docs\.cloudbase\.net\//)
  })

  test.each(cloud.codes.map((c: any): [string, any] => [c.code, c]))('%s: meaning in three locales and its policy', (code, row: any) => {
    const error = toCloudError({ code, message: 'x', requestId: 'r1' })
    expect(error).toBeInstanceOf(CloudError)
    expect(error).toMatchObject({ name: 'CloudError', code, group: row.group, known: true, requestId: 'r1' })
    expect(error.meaning!.zh_CN).toBe(row.zh_CN)
    expect(error.meaning!.en).toBe(row.en)
    expect(error.meaning!.zh_TW).toMatch(CJK)
    expect(error.meaning!.en).not.toMatch(CJK)
    expect(answers(error)).toEqual(expected(row.policy.class))
  })

  test('the policy the issue asks for; generic codes carry no meaning', () => {
    for (const code of ['DATABASE_TIMEOUT', 'SERVICE_NOT_READY', 'SERVICE_TIMEOUT', 'DATABASE_TRANSACTION_CONFLICT']) expect(isRetriable(toCloudError({ code }))).toBe(true)
    for (const code of ['INVALID_ACCESS_TOKEN', 'ACCESS_TOKEN_DISABLED', 'REFRESH_TOKEN_DISABLED']) expect(requiresReauthorization(toCloudError({ code }))).toBe(true)
    for (const code of ['AI_MODEL_CONFIG_MISSING', 'SERVICE_CHARGE_OVERDUE']) expect(isConfigurationError(toCloudError({ code }))).toBe(true)
    for (const code of ['DATABASE_REQUEST_FAILED', 'STORAGE_REQUEST_FAIL', 'FUNCTIONS_EXECUTE_FAIL']) {
      const error = toCloudError({ code })
      expect(error.generic).toBe(true)
      expect(answers(error)).toEqual(expected('none'))
    }
    expect(toCloudError({ code: 'DATABASE_TIMEOUT' }).generic).toBe(false)
  })

  test.each([
    ['CloudBase SDK error', { code: 'DATABASE_COLLECTION_NOT_EXIST', message: 'Db or Table not exist', requestId: 'abc' }, 'DATABASE_COLLECTION_NOT_EXIST', undefined],
    ['wx.cloud numeric errCode', { errCode: -502005, errMsg: 'cloud.database:fail -502005 database collection not exists' }, 'DATABASE_COLLECTION_NOT_EXIST', -502005],
    ['numeric code only in errMsg', { errMsg: 'cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: TypeError' }, 'FUNCTIONS_EXECUTE_FAIL', -504002],
    ['string code inside a message', new Error('[FUNCTIONS_TIME_LIMIT_EXCEEDED] Invoking task timed out after 3 seconds'), 'FUNCTIONS_TIME_LIMIT_EXCEEDED', undefined],
    ['a plain string', 'SERVICE_NOT_READY: cold start', 'SERVICE_NOT_READY', undefined],
  ])('%s', (_, reason, code, errCode) => {
    const error = toCloudError(reason)
    expect(error.code).toBe(code)
    expect(error.errCode).toBe(errCode)
    expect(error.cause).toBe(reason)
  })

  test('real wx.cloud failures (shapes reported in public issue threads)', () => {
    // cloud.database from a page: the code is the outer one
    const collection = toCloudError(new Error('errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.'))
    expect(collection).toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST', errCode: -502005, generic: false })
    // a cloud function that failed on the database: the outer codes are generic, the inner one is the cause
    const nested = toCloudError({ errCode: -404011, errMsg: 'errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail requestID 16a64188-1c34-446a-b65a-945beb53944b, cloud function service error code -504002, error message Error: collection.update:fail -502005 database collection not exists. [ResourceNotFound] Db or Table not exist.' })
    expect(nested).toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST', errCode: -404011, requestId: '16a64188-1c34-446a-b65a-945beb53944b' })
    // tcb-js-sdk: the string code in brackets in the message
    expect(toCloudError(new Error('[DATABASE_PERMISSION_DENIED] Permission denied')).code).toBe('DATABASE_PERMISSION_DENIED')
    // only generic codes: the generic one, flagged
    const generic = toCloudError({ errMsg: 'cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: Error: errCode: -604101 function has no permission to call this API | errMsg: system error: error code: -604101' })
    // -604101 (no permission to call the API) is in the official numeric table now, and it is the specific cause.
    expect(generic).toMatchObject({ code: '-604101', generic: false, errCode: -504002 })
    expect(toCloudError({ errMsg: 'errCode: -504002 functions execute fail' })).toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL', generic: true })
  })

  test('unknown shapes never throw: code UNKNOWN, cause kept, wx policy kept', () => {
    for (const reason of [undefined, null, 42, {}, [], new Proxy({}, { get() { throw new Error('trap') } })]) {
      const error = toCloudError(reason)
      expect(error).toMatchObject({ code: 'UNKNOWN', known: false })
      expect(error.cause).toBe(reason)
    }
    expect(isRetriable(toCloudError({ errMsg: 'cloud.callFunction:fail request:fail timeout' }))).toBe(true)
  })
})

describe('HttpApiError', () => {
  test.each(http.statuses.map((s: any): [number, any] => [s.status, s]))('status %i: meaning and policy', (status, row: any) => {
    const error = toHttpApiError(status, {})!
    expect(error).toBeInstanceOf(HttpApiError)
    expect(error.meaning!.zh_CN).toBe(row.zh_CN)
    expect(error.meaning!.en).toBe(row.en)
    expect(answers(error)).toEqual(expected(row.policy.class))
  })

  test.each(http.errors.map((e: any): [string, string, any] => [e.error, e.descriptionMatches || '', e]))('error %s %s: meaning and policy', (errorValue, match, row: any) => {
    const error = toHttpApiError(row.status, { error: errorValue, error_description: match ? `Unable to authenticate due to ${match} access token` : 'Unable to authenticate' }, undefined, { table: 'easemob' })!
    expect(error.error).toBe(errorValue)
    expect(error.meaning!.zh_CN).toBe(row.zh_CN)
    expect(error.meaning!.en).toBe(row.en)
    expect(answers(error)).toEqual(expected(row.policy.class))
  })

  test('408, 429, 502, 503, 504 retriable; 401 re-authorisation; 413 fix the request', () => {
    for (const status of [408, 429, 502, 503, 504]) expect(isRetriable(toHttpApiError(status))).toBe(true)
    expect(requiresReauthorization(toHttpApiError(401))).toBe(true)
    const tooLarge = toHttpApiError(413, { error: 'Request Entity Too Large' }, undefined, { table: 'easemob' })!
    expect(answers(tooLarge)).toEqual(expected('fix'))
  })

  test('an expired token is told apart from a corrupt one by its description', () => {
    const expired = toHttpApiError(401, { error: 'auth_bad_access_token', error_description: 'Unable to authenticate due to expired access token' }, undefined, { table: 'easemob' })!
    const corrupt = toHttpApiError(401, { error: 'auth_bad_access_token', error_description: 'Unable to authenticate due to corrupt access token' }, undefined, { table: 'easemob' })!
    expect(requiresReauthorization(expired)).toBe(true)
    expect(requiresReauthorization(corrupt)).toBe(false)
    expect(isConfigurationError(corrupt)).toBe(true)
    expect(expired.meaning!.en).toMatch(/expired/)
  })

  test('Retry-After is honoured (seconds and HTTP date)', () => {
    expect(retryDelay(toHttpApiError(429, { error: 'reach_limit' }, { 'Retry-After': '7' }))).toBe(7000)
    expect(retryDelay(toHttpApiError(503, {}, { 'retry-after': 2 }))).toBe(2000)
    expect(parseRetryAfter({ 'Retry-After': new Date(Date.now() + 5000).toUTCString() })).toBeGreaterThan(3000)
    expect(parseRetryAfter({ 'Retry-After': 'soon' })).toBeUndefined()
    expect(retryDelay(toHttpApiError(429, {}))).toBe(1000)
  })

  test('below 400 is not an error; JSON text bodies are read; secrets masked', () => {
    expect(toHttpApiError(200, {})).toBeUndefined()
    expect(toHttpApiError(NaN, {})).toBeUndefined()
    expect(toHttpApiError(400, '{"error":"json_parse"}')!.error).toBe('json_parse')
    const error = toHttpApiError(401, { error: 'unauthorized', access_token: 'TOKEN123' }, {}, { url: 'https://a.example.com/x?access_token=TOKEN123' })!
    for (const text of [error.message, String(error), JSON.stringify(error)]) expect(text).not.toContain('TOKEN123')
  })
})

describe('apiRequest through a wx double', () => {
  const respond = (statusCode: number, data: unknown, header: object = {}) => createFakeWx({ overrides: { request: () => ({ errMsg: 'request:ok', statusCode, data, header }) } })

  test('success resolves and carries the task', async () => {
    const promise = apiRequest({ url: 'https://api.example.com' }, { wx: respond(200, { ok: true }) })
    expect(typeof promise.task!.abort).toBe('function')
    expect((await promise).data).toEqual({ ok: true })
  })

  test('a WeChat {errcode} body with HTTP 200 becomes a WxServerError', async () => {
    const error = await apiRequest({ url: 'https://api.weixin.qq.com/sns/jscode2session?js_code=C1' }, { wx: respond(200, { errcode: 40163, errmsg: 'code been used' }) }).catch((e) => e)
    expect(error).toBeInstanceOf(WxServerError)
    expect(requiresReauthorization(error)).toBe(true)
    expect(error.message).not.toContain('C1')
    expect(getGuidance(error, { locale: 'en' })).toMatchObject({ title: 'Please sign in again', action: 'retry' })
  })

  test('status >= 400 becomes an HttpApiError; a transport failure stays an ErrnoError', async () => {
    const error = await apiRequest({ url: 'https://x' }, { wx: respond(429, { error: 'reach_limit' }, { 'Retry-After': '1' }) }).catch((e) => e)
    expect(error).toBeInstanceOf(HttpApiError)
    expect(retryDelay(error)).toBe(1000)
    const offline = await apiRequest({ url: 'https://x' }, { wx: createFakeWx({ state: { network: 'offline' } }) }).catch((e) => e)
    expect(offline).toBeInstanceOf(ErrnoError)
  })

  test('decoders are pluggable', async () => {
    const decoders = [(response: any) => (response.data && response.data.code === 'E1' ? new Error('custom') : undefined)]
    await expect(apiRequest({ url: 'https://x' }, { wx: respond(200, { code: 'E1' }), decoders })).rejects.toThrow('custom')
    await expect(apiRequest({ url: 'https://x' }, { wx: respond(500, {}), decoders })).resolves.toMatchObject({ statusCode: 500 })
  })

  test('a decoder or header function that throws, or a decoder that answers a non-object, rejects with a typed error that keeps it as cause', async () => {
    const seen: unknown[] = []
    const stop = onFailure((error) => seen.push(error))
    try {
      const thrown = new RangeError('decoder bug')
      const threw = await apiRequest({ url: 'https://x' }, { wx: respond(200, {}), decoders: [() => { throw thrown }] }).catch((e) => e)
      expect(threw).toBeInstanceOf(ErrnoError)
      expect(threw).toMatchObject({ errMsg: 'request:fail a response decoder threw', api: 'request', cause: thrown })
      const answered = await apiRequest({ url: 'https://x' }, { wx: respond(200, {}), decoders: [(() => 'bad') as never] }).catch((e) => e)
      expect(answered).toMatchObject({ errMsg: 'request:fail a response decoder answered a string, not an error', cause: 'bad' })
      const header = () => { throw thrown }
      const headerThrew = await apiRequest({ url: 'https://x', header }, { wx: respond(200, {}) }).catch((e) => e)
      expect(headerThrew).toMatchObject({ errMsg: 'request:fail the header function threw', cause: thrown })
      expect(seen).toEqual([threw, answered, headerThrew])
    } finally {
      stop()
    }
  })

  test('decoders that are not an array of functions are a TypeError at the call, and nothing is sent', () => {
    let sent = 0
    const wx = createFakeWx({ overrides: { request: () => { sent++; return { statusCode: 200, data: {}, header: {} } } } })
    for (const decoders of ['abc', {}, [null], [wxServerBodyDecoder, 1]]) {
      let thrown: any
      try {
        apiRequest({ url: 'https://x' }, { wx, decoders: decoders as never })
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(TypeError)
      expect(thrown).toMatchObject({ message: 'apiRequest: config.decoders must be an array of functions', cause: decoders })
    }
    expect(sent).toBe(0)
  })

  test('withRetry retries a retriable server answer and stops on success', async () => {
    let calls = 0
    const wx = createFakeWx({ overrides: { request: () => ({ statusCode: 200, data: calls++ === 0 ? { errcode: -1, errmsg: 'system error' } : { ok: 1 }, header: {} }) } })
    const result = await withRetry(() => apiRequest({ url: 'https://x' }, { wx }), { minDelayMs: 1, maxDelayMs: 5 })
    expect(result.data).toEqual({ ok: 1 })
    expect(calls).toBe(2)
  })
})

describe('guidance for server, cloud and HTTP errors', () => {
  test('log in again, try later, try tomorrow, account restricted', () => {
    expect(getGuidance(toWxServerError({ errcode: 42003 }), { locale: 'zh_CN' })!.title).toBe('登录已失效')
    expect(getGuidance(toWxServerError({ errcode: 42001 }), { locale: 'zh_CN' })!.title).toBe('服务繁忙') // the app's own access_token
    expect(getGuidance(toWxServerError({ errcode: 45009 }), { locale: 'en' })!.title).toBe('Daily limit reached')
    expect(getGuidance(toWxServerError({ errcode: 40226 }), { locale: 'zh_TW' })!.title).toBe('暫時無法登入')
    expect(getGuidance(toCloudError({ code: 'SERVICE_NOT_READY' }), { locale: 'en' })!.title).toBe('Service busy')
    expect(getGuidance(toHttpApiError(503), { locale: 'en' })!.action).toBe('retry')
    expect(getGuidance(toWxServerError({ errcode: 61451 }))).toBeUndefined() // a code bug is not the user's business
  })
})

describe('catalogue coverage, third pass', () => {
  test('every WeChat server errcode names its source: seed 000, or a WeChat page its note links', () => {
    for (const code of server.codes) {
      expect([code.errcode, ['000', 'official'].indexOf(code.source) >= 0]).toEqual([code.errcode, true])
      if (code.source === 'official') expect([code.errcode, /https:\/\/developers\.weixin\.qq\.com\//.test(code.note)]).toEqual([code.errcode, true])
    }
  })

  test('the wx.cloud numeric codes of wx-server-sdk\'s error table are all known, each with its source', () => {
    const cloud = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'data', 'cloud.json'), 'utf8'))
    for (const code of [-501006, -501008, -601004, -601005, -601006, -601007, -601008, -601009, -601010, -601011, -601012, -601013, -601015, -601016, -601017, -601018, -602001, -604001]) {
      const error = toCloudError({ errCode: code, errMsg: 'cloud.callFunction:fail ' + code })
      expect([code, error.known]).toEqual([code, true])
      expect(cloud.wxCloudNumeric[String(code)].source).toMatch(/wx-server-sdk/)
    }
    // A numeric code with no string twin has a row of its own; its meaning lines up in every locale's table.
    for (const [numeric, entry] of Object.entries<any>(cloud.wxCloudNumeric)) {
      if (numeric === '$comment') continue
      const meaning = toCloudError({ errCode: Number(numeric), errMsg: '' }).meaning!
      const twin = entry.twin && cloud.codes.find((c: any) => c.code === entry.twin)
      expect([numeric, meaning.en, meaning.zh_CN]).toEqual([numeric, (twin || entry).en, (twin || entry).zh_CN])
    }
    expect(getPolicy(toCloudError({ errCode: -601008, errMsg: '' })).kind).toBe('retry')
    expect(getPolicy(toCloudError({ errCode: -604001, errMsg: '' })).kind).toBe('fix')
  })

  test('server errcode 45047 (customer-service message limit) is known and not retried', () => {
    const error = toWxServerError({ errcode: 45047, errmsg: 'out of response count limit' })!
    expect(error.known).toBe(true)
    expect(isRetriable(error)).toBe(false)
  })
})

describe('one error family', () => {
  test('every class extends the exported base: known, kind, policy, cause, masked toJSON; an isX guard for each', () => {
    const body = { errcode: 40029, errmsg: 'invalid code' }
    const errors = [
      toErrnoError({ errno: 1500102, errMsg: 'openBluetoothAdapter:fail:not available' }),
      toWxServerError(body)!,
      toCloudError({ code: 'DATABASE_TIMEOUT' }),
      toHttpApiError(503, { error: 'busy' })!,
    ]
    for (const error of errors) {
      expect(error).toBeInstanceOf(MiniprogramError)
      expect(error).toBeInstanceOf(Error)
      expect(typeof error.known).toBe('boolean')
      expect(typeof error.kind).toBe('string')
      expect(typeof error.policy.kind).toBe('string')
      expect(error.policy).toEqual(getPolicy(error))
      expect(typeof error.toJSON()).toBe('object')
    }
    expect(errors[1].cause).toBe(body)
    // Each keeps its own failure as cause and its own class, the base setting neither (it has Error's constructor).
    const causes = [{ errno: 1 }, { errcode: 1 }, { code: 'X' }, { error: 'e' }]
    const made = [
      new ErrnoError({ errno: 1, errMsg: 'x:fail cancel', cause: causes[0] }),
      new WxServerError({ errcode: 1, errmsg: '', cause: causes[1] }),
      new CloudError({ code: 'X', cause: causes[2] }),
      new HttpApiError({ statusCode: 500, cause: causes[3] }),
    ]
    made.forEach((error, i) => {
      expect(error.cause).toBe(causes[i])
      expect(Object.getPrototypeOf(error)).toBe([ErrnoError, WxServerError, CloudError, HttpApiError][i].prototype)
    })
    const guards = [isErrnoError, isWxServerError, isCloudError, isHttpApiError]
    errors.forEach((error, i) => guards.forEach((guard, j) => expect([i, j, guard(error)]).toEqual([i, j, i === j])))
    // Another copy of the library: the same shape is recognised without instanceof.
    expect(isWxServerError({ name: 'WxServerError', errcode: 1 })).toBe(true)
    expect(isCloudError({ name: 'CloudError', code: 'X' })).toBe(true)
    expect(isHttpApiError({ name: 'HttpApiError', statusCode: 500 })).toBe(true)
    for (const guard of guards) for (const value of [null, undefined, 'x', 1, {}, new Error('x')]) expect(guard(value)).toBe(false)
  })

  test('constructors take decoded fields; reading a response is toHttpApiError\'s', () => {
    const error = new HttpApiError({ statusCode: 401, error: 'invalid_grant', description: 'token=abc', url: 'https://x/?access_token=SECRET' })
    expect(error).toMatchObject({ statusCode: 401, error: 'invalid_grant', description: 'token=***' })
    expect(error.url).not.toContain('SECRET')
    expect(new WxServerError({ errcode: 40029 })).toMatchObject({ errcode: 40029, known: true })
    expect(new CloudError({ code: 'DATABASE_TIMEOUT' })).toMatchObject({ code: 'DATABASE_TIMEOUT', known: true })
  })
})
