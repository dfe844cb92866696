const { wxp, once } = require('miniprogram-errno')
const { familyPage } = require('../../utils/family-page')

Page(familyPage('wifi', {
  async listNetworks() {
    await wxp.startWifi()
    // Promise.all: the list arrives as an event; a failed getWifiList rejects at once.
    const [{ wifiList }] = await Promise.all([once('GetWifiList', { timeout: 5000 }), wxp.getWifiList()])
    return wifiList.length + ' network(s)'
  },
  async connected() {
    await wxp.startWifi()
    const { wifi } = await wxp.getConnectedWifi()
    return 'connected to ' + wifi.SSID
  },
}))
