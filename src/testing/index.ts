export { createFakeWx } from './fake-wx'
export type { FakeWx, FakeWxOptions, FakeWxCall, FakeDeviceState, OptionsOf } from './fake-wx'
// Guidance state (quiet periods, open modals) is reset by every createFakeWx(); this resets it by hand.
export { resetGuidanceState } from '../guidance/show'
