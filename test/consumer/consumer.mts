// A strict ESM consumer of the built package (dist/*.d.mts through the exports map).
import { wxp, toErrnoError, Errno, isErrnoError, showGuidance, lookupErrno, toCloudError } from 'miniprogram-errno'
import { createFakeWx } from 'miniprogram-errno/testing'

export async function scan(): Promise<number> {
  try {
    const { devices } = await wxp.getBluetoothDevices()
    return devices.length
  } catch (error) {
    if (isErrnoError(error) && error.errno === Errno.BLUETOOTH_ADAPTER_UNAVAILABLE) await showGuidance(error)
    throw toErrnoError(error)
  }
}
export const fake = createFakeWx({ platform: 'ios' })

// A locale's file can be left out (packOptions.ignore): the types say zh_CN / zh_TW may be undefined, en never is.
const entry = lookupErrno(Errno.BLUETOOTH_ADAPTER_UNAVAILABLE)
export const english: string | undefined = entry && entry.message.en
// @ts-expect-error zh_TW is undefined when texts/*.zh_TW.js is left out
export const traditional: string = entry!.message.zh_TW
export const cloudText: string = toCloudError({ code: 'DATABASE_TIMEOUT' }).meaning?.zh_TW ?? 'fallback'
