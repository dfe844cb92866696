const { wxp } = require('miniprogram-errno')
const { familyPage } = require('../../utils/family-page')

Page(familyPage('payment', {
  async pay() {
    await wxp.requestPayment({ timeStamp: '0', nonceStr: 'demo', package: 'prepay_id=demo', signType: 'RSA', paySign: 'demo' })
    return 'paid'
  },
}))
