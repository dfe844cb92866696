// The testing kit, imported as a CommonJS mini-program project does (node10 resolution reads typesVersions).
import { createFakeWx, resetGuidanceState } from 'miniprogram-errno/testing'
import type { FakeWx } from 'miniprogram-errno/testing'

export function double(): FakeWx {
  resetGuidanceState()
  const fake = createFakeWx({ platform: 'ios', state: { bluetooth: 'off' }, overrides: { createBLEConnection: (options, next) => { if (options.deviceId === 'flaky') throw { errMsg: 'createBLEConnection:fail:connection fail', errCode: 10003, errno: 1509001 }; return next() } } })
  const first = fake.callsOf('request')[0]
  if (first) first.options.url.toUpperCase()
  return fake
}
