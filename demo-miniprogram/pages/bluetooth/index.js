const { wxp } = require('miniprogram-errno')
const { familyPage } = require('../../utils/family-page')

Page(familyPage('bluetooth', {
  async scan() {
    await wxp.openBluetoothAdapter()
    await wxp.startBluetoothDevicesDiscovery({ allowDuplicatesKey: false })
    const { devices } = await wxp.getBluetoothDevices()
    await wxp.stopBluetoothDevicesDiscovery()
    return devices.length + ' device(s) found'
  },
  async adapterState() {
    const { available } = await wxp.getBluetoothAdapterState()
    return available ? 'adapter available' : 'adapter unavailable'
  },
}))
