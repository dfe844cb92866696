// wx.cloud through the promise layer: every rejection is a CloudError (code, policy, guidance), heard by onFailure.
const { wxp } = require('miniprogram-errno')
const { familyPage } = require('../../utils/family-page')

Page(familyPage('cloud', {
  async callFunction() {
    const { result } = await wxp.cloud.callFunction({ name: 'login', data: {} })
    return 'cloud function answered ' + JSON.stringify(result)
  },
  async query() {
    const { data } = await wxp.cloud.database().collection('todos').where({ done: false }).limit(20).get()
    return data.length + ' open todos'
  },
}))
