import { wxp, isCancel, showGuidance } from 'miniprogram-errno'

export async function pay(params: { timeStamp: string; nonceStr: string; package: string; paySign: string }): Promise<'paid' | 'cancelled' | 'failed'> {
  try {
    await wxp.requestPayment(Object.assign({ signType: 'RSA' as const }, params))
    return 'paid'
  } catch (error) {
    if (isCancel(error)) return 'cancelled'
    await showGuidance(error, { fallback: { zh_CN: { title: '支付失败', content: '请稍后再试' }, en: { title: 'Payment failed', content: 'Please try again later.' } } })
    return 'failed'
  }
}
