const { wxp } = require('miniprogram-errno')
const { familyPage } = require('../../utils/family-page')

Page(familyPage('nfc', {
  async readTag() {
    const adapter = wxp.getNFCAdapter()
    await adapter.startDiscovery()
    const tag = adapter.getNfcA()
    await tag.connect()
    const { data } = await tag.transceive({ data: new Uint8Array([0x30, 0x00]).buffer })
    await tag.close()
    await adapter.stopDiscovery()
    return 'read ' + data.byteLength + ' bytes'
  },
}))
