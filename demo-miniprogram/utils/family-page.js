// One page per API family: each scenario calls the wrapped APIs; a failure is an ErrnoError,
// shown with showGuidance (a modal) or the guidance-dialog component.
const { showGuidance, isErrnoError, onFailure, createRealtimeLogReporter } = require('miniprogram-errno')

// One place hears every failure: each one goes to WeChat's realtime log, filterable by errno in the admin console.
onFailure(createRealtimeLogReporter())

function familyPage(family, scenarios) {
  return {
    data: { family, scenarios: Object.keys(scenarios).map((name) => ({ name })), status: '', errno: 0, dialogErrno: 0, lastError: null, lastGuidance: null },
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
        const lastError = isErrnoError(error) ? error.toJSON() : { errno: -1, errMsg: String(error) }
        this.setData({ status: lastError.message || lastError.errMsg, errno: lastError.errno, lastError })
        if (useDialog) {
          this.setData({ dialogErrno: lastError.errno })
          return { ok: false, error, dialog: true }
        }
        const guidance = await showGuidance(error, { onRetry: () => this.run(name, false) })
        this.setData({ lastGuidance: { shown: guidance.shown, action: guidance.action || '', actionResult: guidance.actionResult || '' } })
        return { ok: false, error, guidance }
      }
    },
    onDialogClose() {
      this.setData({ dialogErrno: 0 })
    },
  }
}

module.exports = { familyPage }
