export { createFakeWx } from './fake-wx'
export type { FakeWx, FakeWxOptions, FakeWxCall, FakeDeviceState } from './fake-wx'
