// <guidance-dialog error="{{error}}" locale="zh_CN" bind:action="onAction" bind:close="onClose" />
// <guidance-dialog errno="{{errno}}" … /> still works. Shows what to tell the user about a failure, with the
// button that gets them to the fix: for an error, exactly what showGuidance would show.
import { getGuidance, runGuidanceAction, errorFromJSON, normalizeLocale } from '../../src/index'
import type { Guidance, GuidanceAction } from '../../src/index'

const ICONS: { [name: string]: string } = {
  bluetooth: 'ᛒ',
  wifi: '≋',
  nfc: '◎',
  location: '⌖',
  network: '⇅',
  permission: '⚿',
  camera: '◉',
  microphone: '♪',
  storage: '▤',
  payment: '¥',
  ai: '☺',
  account: '☻',
  info: 'i',
}

interface Self {
  data: { [key: string]: any }
  setData(data: object): void
  triggerEvent(name: string, detail?: object): void
  finish(action: string | undefined, ok: boolean, error?: unknown, result?: unknown): void
  render(guidance: Guidance | undefined): void
  settle(result: { confirmed: boolean; actionHandled?: boolean }): void
}

// Answers awaited by show(), by the id kept in the dialog's data: the object a page's selectComponent hands
// out may not be the `this` of the dialog's own event handlers, but both see the same data.
const answers: { [id: string]: (result: { confirmed: boolean; actionHandled?: boolean }) => void } = {}
// The wx each shown guidance runs its action on (showGuidance's `wx` option), by the same id; the global wx otherwise.
const wxOf: { [id: string]: object | undefined } = {}
let nextAnswer = 0

Component({
  options: { addGlobalClass: false },
  properties: {
    /**
     * The failure to explain: an ErrnoError, WxServerError, CloudError or HttpApiError (or its JSON); null hides the
     * dialog.
     */
    error: { type: Object, value: null },
    /** The errno (or legacy errCode) to explain, when no `error` is given; 0 hides the dialog. */
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
    answerId: '',
  },
  observers: {
    'error, errno, locale, platform'(this: Self, error: unknown, errno: number, locale: string, platform: string) {
      // setData copied the error into plain data: made again, it keeps its guidance and its raw cause.
      const subject = error ? errorFromJSON(error) : errno
      this.render(
        subject
          ? getGuidance(subject, {
              locale: locale ? normalizeLocale(locale) : undefined,
              platform: platform || undefined,
            })
          : undefined,
      )
    },
  },
  methods: {
    /** Shows a guidance object (as setGuidanceRenderer gives it); resolves when the user answers. */
    show(
      this: Self,
      guidance: Guidance,
      context?: { wx?: object },
    ): Promise<{ confirmed: boolean; actionHandled?: boolean }> {
      this.settle({ confirmed: false }) // a dialog still open for an earlier failure is answered "no"
      return new Promise((resolve) => {
        const id = 'a' + ++nextAnswer
        answers[id] = resolve
        wxOf[id] = context && context.wx
        this.setData({ answerId: id })
        this.render(guidance)
      })
    },
    settle(this: Self, result: { confirmed: boolean; actionHandled?: boolean }) {
      const id: string = this.data.answerId
      const answer = id ? answers[id] : undefined
      if (!id) return
      delete answers[id]
      delete wxOf[id]
      this.setData({ answerId: '' })
      if (answer) answer(result)
    },
    render(this: Self, guidance: Guidance | undefined) {
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
    onConfirm(this: Self) {
      const action: string = this.data.action
      if (!action || action === 'retry') {
        this.finish(action || undefined, true)
        return
      }
      // getGuidance only offers actions this client can run; the page handles `retry` itself.
      const id: string = this.data.answerId
      const wxLike = id ? wxOf[id] : undefined
      runGuidanceAction(action as GuidanceAction, wxLike ? { wx: wxLike } : undefined).then((outcome) =>
        this.finish(action, outcome.actionResult === 'ok', outcome.error),
      )
    },
    onOpenSetting(this: Self, event: { detail: unknown }) {
      this.finish('openSetting', true, undefined, event.detail)
    },
    onCancel(this: Self) {
      this.setData({ visible: false })
      this.triggerEvent('close', { confirmed: false })
      this.settle({ confirmed: false })
    },
    finish(this: Self, action: string | undefined, ok: boolean, error?: unknown, result?: unknown) {
      this.setData({ visible: false })
      this.triggerEvent('action', { action, ok, error, result })
      this.triggerEvent('close', { confirmed: true })
      // The dialog ran the wx action itself (from the tap); showGuidance runs only `retry`.
      this.settle({ confirmed: true, actionHandled: !!action && action !== 'retry' })
    },
    noop() {
      // swallows taps on the panel so they do not reach the mask
    },
  },
})
