// miniprogram_dist: CloudError lives in beyond.js, required at the first cloud failure (cloud-error.ts elsewhere).
import type * as CloudErrorModule from '../beyond/CloudError'

declare const require: (id: string) => any

export const toCloudError: typeof CloudErrorModule.toCloudError = (reason) =>
  (require('./beyond.js') as typeof CloudErrorModule).toCloudError(reason)
