// A strict ESM consumer of the built package (dist/*.d.mts through the exports map).
import { wxp, toErrnoError, Errno, isErrnoError, showGuidance } from 'miniprogram-errno'
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
