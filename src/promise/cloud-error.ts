// What wx.cloud's failures become. miniprogram_dist builds cloud-error.miniprogram.ts instead, which requires
// beyond.js at the first cloud failure, so the core does not carry the cloud catalogue's code.
export { toCloudError } from '../beyond/CloudError'
