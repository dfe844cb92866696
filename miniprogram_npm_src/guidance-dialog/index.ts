// <guidance-dialog errno="{{errno}}" locale="zh_CN" bind:action="onAction" bind:close="onClose" />
// Shows what to tell the user about an errno, with the button that gets them to the fix.
import { getGuidance, runGuidanceAction } from '../../src/index'
import type { GuidanceAction } from '../../src/index'

const ICONS: { [name: string]: string } = {
  bluetooth: 'ᛒ', wifi: '≋', nfc: '◎', location: '⌖', network: '⇅', permission: '⚿', camera: '◉',
  microphone: '♪', storage: '▤', payment: '¥', ai: '☺', account: '☻', info: 'i',
}

interface Self {
  data: { [key: string]: any }
  setData(data: object): void
  triggerEvent(name: string, detail?: object): void
  finish(action: string | undefined, ok: boolean, error?: unknown, result?: unknown): void
}

Component({
  options: { addGlobalClass: false },
  properties: {
    /** The errno (or legacy errCode) to explain; 0 hides the dialog. */
    errno: { type: Number, value: 0 },
    /** zh_CN, zh_TW or en; empty: the device's language. */
    locale: { type: String, value: '' },
    /** ios, android ...; empty: the device's platform. */
    platform: { type: String, value: '' },
  },
  data: {
    visible: false,
    title: '',
    content: '',
    confirmText: '',
    cancelText: '',
    showCancel: false,
    icon: '',
    action: '',
    openType: '',
  },
  observers: {
    'errno, locale, platform'(this: Self, errno: number, locale: string, platform: string) {
      const guidance = errno ? getGuidance(errno, { locale: locale || undefined, platform: platform || undefined }) : undefined
      if (!guidance) {
        this.setData({ visible: false })
        return
      }
      this.setData({
        visible: true,
        title: guidance.title,
        content: guidance.content,
        confirmText: guidance.confirmText,
        cancelText: guidance.cancelText,
        showCancel: guidance.showCancel,
        icon: ICONS[guidance.icon] || ICONS.info,
        action: guidance.action || '',
        // openSetting only works from a tap on a button with open-type.
        openType: guidance.action === 'openSetting' ? 'openSetting' : '',
      })
    },
  },
  methods: {
    onConfirm(this: Self) {
      const action: string = this.data.action
      if (!action || action === 'retry') {
        this.finish(action || undefined, true)
        return
      }
      // getGuidance only offers actions this client can run; the page handles `retry` itself.
      runGuidanceAction(action as GuidanceAction).then((outcome) => this.finish(action, outcome.actionResult === 'ok', outcome.error))
    },
    onOpenSetting(this: Self, event: { detail: unknown }) {
      this.finish('openSetting', true, undefined, event.detail)
    },
    onCancel(this: Self) {
      this.setData({ visible: false })
      this.triggerEvent('close', { confirmed: false })
    },
    finish(this: Self, action: string | undefined, ok: boolean, error?: unknown, result?: unknown) {
      this.setData({ visible: false })
      this.triggerEvent('action', { action, ok, error, result })
      this.triggerEvent('close', { confirmed: true })
    },
    noop() {
      // swallows taps on the panel so they do not reach the mask
    },
  },
})
