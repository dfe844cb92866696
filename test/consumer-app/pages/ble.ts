// A BLE device page, as a new user writes it: readiness, connect, an iOS-safe MTU, a chunked write, guidance.
import { wxp, ensure, createBLEWriter, showGuidance, withRetry, isCancel, ErrnoError } from 'miniprogram-errno'

export async function sendCommand(deviceId: string, serviceId: string, characteristicId: string, command: ArrayBuffer): Promise<string> {
  try {
    await ensure('ble-scan')
    await wxp.openBluetoothAdapter()
    await withRetry(() => wxp.createBLEConnection({ deviceId }))
    const writer = createBLEWriter({ deviceId, serviceId, characteristicId })
    const mtu: number = await writer.negotiateMTU(185)
    await writer.write(command)
    return 'sent with MTU ' + mtu
  } catch (error) {
    if (isCancel(error)) return 'cancelled'
    const failure: ErrnoError | unknown = error
    await showGuidance(failure, { onRetry: () => sendCommand(deviceId, serviceId, characteristicId, command) })
    return 'failed'
  }
}
