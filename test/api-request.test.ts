// apiRequest (src/beyond/apiRequest.ts): sign-in refresh on 401 and the server token codes.
import { apiRequest, once, ErrnoError, isErrnoError } from '../src/index'
import { createFakeWx } from '../src/testing/index'

describe('apiRequest reauthorize', () => {
  test('a 401 signs in once for all the requests that failed together, each is sent again once with the new token', async () => {
    let token = 'old'
    let signIns = 0
    const seen: string[] = []
    const fake = createFakeWx({ overrides: { request: (o) => { seen.push(o.header.Authorization); return o.header.Authorization === 'Bearer new' ? { statusCode: 200, data: { ok: true }, header: {} } : { statusCode: 401, data: {}, header: {} } } } })
    const reauthorize = () => new Promise((resolve) => setTimeout(() => { signIns++; token = 'new'; resolve(undefined) }, 5))
    const header = () => ({ Authorization: 'Bearer ' + token })
    const results = await Promise.all([1, 2, 3].map(() => apiRequest({ url: 'https://api.example.com/me', header }, { wx: fake, reauthorize })))
    expect(results.map((r) => r.data)).toEqual([{ ok: true }, { ok: true }, { ok: true }])
    expect(signIns).toBe(1)
    expect(seen.filter((h) => h === 'Bearer new')).toHaveLength(3)
  })

  test('server 40001 (the app server\'s own access_token) does not sign the user in again; other failures are not retried', async () => {
    let calls = 0
    const fake = createFakeWx({ overrides: { request: () => { calls++; return { statusCode: 200, data: { errcode: 40001, errmsg: 'invalid credential' }, header: {} } } } })
    const reauthorize = jest.fn()
    await expect(apiRequest({ url: 'https://x' }, { wx: fake, reauthorize })).rejects.toMatchObject({ errcode: 40001 })
    expect(reauthorize).not.toHaveBeenCalled()
    expect(calls).toBe(1)
    const busy = createFakeWx({ overrides: { request: () => ({ statusCode: 503, data: {}, header: {} }) } })
    const never = jest.fn()
    const busyError = await apiRequest({ url: 'https://x' }, { wx: busy, reauthorize: never }).catch((e: unknown) => e)
    expect(busyError).toMatchObject({ statusCode: 503 })
    expect(never).not.toHaveBeenCalled()
    // an HTTP failure is an HttpApiError, not an ErrnoError
    expect(isErrnoError(busyError)).toBe(false)
    expect(isErrnoError(new ErrnoError({ errno: 1, errMsg: 'x' }))).toBe(true)
  })
})
