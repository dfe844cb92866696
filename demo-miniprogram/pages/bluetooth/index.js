const { wxp, ensure } = require('miniprogram-errno')
const { familyPage } = require('../../utils/family-page')

Page(familyPage('bluetooth', {
  async scan() {
    await wxp.openBluetoothAdapter()
    await wxp.startBluetoothDevicesDiscovery({ allowDuplicatesKey: false })
    const { devices } = await wxp.getBluetoothDevices()
    await wxp.stopBluetoothDevicesDiscovery()
    return devices.length + ' device(s) found'
  },
  // Readiness first: Bluetooth on, and on Android the location switch and permission a scan needs,
  // each asked for once with the button that fixes it; then the scan cannot fail for those reasons.
  async readyScan() {
    await ensure('ble-scan', { returnTimeoutMs: 3000 })
    await wxp.openBluetoothAdapter()
    await wxp.startBluetoothDevicesDiscovery({ allowDuplicatesKey: false })
    const { devices } = await wxp.getBluetoothDevices()
    await wxp.stopBluetoothDevicesDiscovery()
    return 'ready; ' + devices.length + ' device(s) found'
  },
  async adapterState() {
    const { available } = await wxp.getBluetoothAdapterState()
    return available ? 'adapter available' : 'adapter unavailable'
  },
}))
