// miniprogram_dist: wx.cloud's wrapper is cloud.js, required the first time `wxp.cloud` is read or promisifyCloud is
// called, so the core does not carry it (cloud.ts elsewhere, and cloud.js is built from it).
import type * as CloudModule from './cloud'

declare const require: (id: string) => any

export const promisifyCloud: typeof CloudModule.promisifyCloud = (cloud) =>
  (require('./cloud.js') as typeof CloudModule).promisifyCloud(cloud)
