const { wxp } = require('miniprogram-errno')
const { familyPage } = require('../../utils/family-page')

Page(familyPage('file', {
  async readMissing() {
    await wxp.fs.readFile({ filePath: 'wxfile://usr/missing.txt', encoding: 'utf8' })
    return 'read'
  },
  async writeAndStat() {
    const filePath = 'wxfile://usr/demo.txt'
    await wxp.fs.writeFile({ filePath, data: 'hello', encoding: 'utf8' })
    await wxp.fs.stat({ path: filePath })
    return 'wrote ' + filePath
  },
}))
