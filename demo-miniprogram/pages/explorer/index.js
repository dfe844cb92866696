// Type an errno, a legacy errCode or paste an errMsg: the decode, meanings in three languages,
// guidance and policy.
const { toErrnoError, decodeErrno, lookupErrno, getGuidance, getPolicy } = require('miniprogram-errno')

function explain(input) {
  const text = String(input || '').trim()
  if (!text) return null
  const error = /^-?\d+$/.test(text)
    ? toErrnoError(Number(text))
    : toErrnoError(text)
  const decoded = decodeErrno(error.errno)
  const entry = lookupErrno(error.errno)
  const guidance = getGuidance(error)
  return {
    errno: error.errno,
    errCode: error.errCode === undefined ? '' : error.errCode,
    api: error.api || '',
    name: entry ? entry.name : '',
    known: error.known,
    category: decoded.category.name.en + ' / ' + decoded.category.name.zh_CN,
    subcategory: decoded.subcategory.name.en + ' / ' + decoded.subcategory.name.zh_CN,
    meanings: entry ? [
      { locale: 'zh_CN', text: entry.message.zh_CN },
      { locale: 'zh_TW', text: entry.message.zh_TW },
      { locale: 'en', text: entry.message.en },
    ] : [],
    policy: getPolicy(error).kind,
    guidance: guidance ? guidance.title + ': ' + guidance.content : '',
    action: guidance && guidance.action ? guidance.action : '',
  }
}

Page({
  data: { input: '1500102', result: null, dialogErrno: 0 },
  onLoad() {
    this.setData({ result: explain(this.data.input) })
  },
  onInput(event) {
    this.setData({ input: event.detail.value, result: explain(event.detail.value) })
  },
  onShowDialog() {
    if (this.data.result) this.setData({ dialogErrno: this.data.result.errno })
  },
  onDialogClose() {
    this.setData({ dialogErrno: 0 })
  },
  explain,
})
