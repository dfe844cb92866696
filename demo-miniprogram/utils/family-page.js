// One page per API family: each scenario calls the wrapped APIs; a failure is an ErrnoError,
// shown with showGuidance (a modal) or the guidance-dialog component.
const { showGuidance, isErrnoError, isCloudError, onFailure, createRealtimeLogReporter, setGuidanceRenderer, createDialogRenderer } = require('miniprogram-errno')

// One place hears every failure: each one goes to WeChat's realtime log, filterable by errno in the admin console.
onFailure(createRealtimeLogReporter())

function familyPage(family, scenarios) {
  return {
    data: { family, scenarios: Object.keys(scenarios).map((name) => ({ name })), status: '', errno: 0, lastError: null, lastGuidance: null },
    onRun(event) {
      return this.run(event.currentTarget.dataset.name, event.currentTarget.dataset.dialog === 'true')
    },
    async run(name, useDialog) {
      const scenario = scenarios[name]
      try {
        const status = await scenario.call(this)
        this.setData({ status: String(status), errno: 0, lastError: null })
        return { ok: true, status }
      } catch (error) {
        // An ErrnoError, or a CloudError from wx.cloud: both have a masked toJSON().
        const lastError = isErrnoError(error) || isCloudError(error) ? error.toJSON() : { errno: -1, errMsg: String(error) }
        this.setData({ status: lastError.message || lastError.errMsg, errno: lastError.errno, lastError })
        if (useDialog) {
          // The same guidance through the page's own dialog: setGuidanceRenderer routes showGuidance to it
          // (in an app, once in app.js; getCurrentPages() finds the page, here the page is given).
          const page = this
          setGuidanceRenderer(createDialogRenderer('#guidance-dialog', { getCurrentPages: () => [page] }))
          try {
            const guidance = await showGuidance(error, { onRetry: () => this.run(name, false) })
            this.setData({ lastGuidance: { shown: guidance.shown, action: guidance.action || '', actionResult: guidance.actionResult || '' } })
            return { ok: false, error, guidance, dialog: true }
          } finally {
            setGuidanceRenderer(undefined)
          }
        }
        const guidance = await showGuidance(error, { onRetry: () => this.run(name, false) })
        this.setData({ lastGuidance: { shown: guidance.shown, action: guidance.action || '', actionResult: guidance.actionResult || '' } })
        return { ok: false, error, guidance }
      }
    },
    onDialogClose() {},
  }
}

module.exports = { familyPage }
