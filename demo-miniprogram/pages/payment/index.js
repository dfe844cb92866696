const { wxp } = require('miniprogram-errno')
const { familyPage } = require('../../utils/family-page')

Page(familyPage('payment', {
  async pay() {
    await wxp.requestPayment({ timeStamp: '0', nonceStr: 'demo', package: 'prepay_id=demo', signType: 'RSA', paySign: 'demo' })
    return 'paid'
  },
  // After a payment, ask for the order's notifications (WeChat allows it from a tap or a payment callback).
  async subscribe() {
    await wxp.requestSubscribeMessage({ tmplIds: ['demo-template-id'] })
    return 'subscribed'
  },
}))
