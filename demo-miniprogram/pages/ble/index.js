const { wxp, createBLEWriter, withRetry } = require('miniprogram-errno')
const { familyPage } = require('../../utils/family-page')

Page(familyPage('ble', {
  async connectAndWrite() {
    await wxp.openBluetoothAdapter()
    const deviceId = 'AA:BB:CC:DD:EE:FF'
    await withRetry(() => wxp.createBLEConnection({ deviceId, timeout: 5000 }), { attempts: 2 })
    const { services } = await wxp.getBLEDeviceServices({ deviceId })
    const serviceId = services[0].uuid
    const { characteristics } = await wxp.getBLEDeviceCharacteristics({ deviceId, serviceId })
    const writer = createBLEWriter({ deviceId, serviceId, characteristicId: characteristics[0].uuid })
    const mtu = await writer.negotiateMTU(185)
    await writer.write(new Uint8Array(400).buffer)
    return 'wrote 400 bytes with MTU ' + mtu
  },
}))
