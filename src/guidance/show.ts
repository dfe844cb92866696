import { getGuidance, acknowledge, isSuccess } from './guidance'
import type { Guidance, GuidanceAction, GuidanceTexts } from './guidance'
import { currentLocale, normalizeLocale } from './locale'
import { invokeAsync } from '../wx/invoke'
import { toErrnoError } from '../errno/normalize'
import { isCancel } from '../policy/policy'
import { clampDelay } from '../errno/delay'
import { globalWx } from '../wx/access'
import type { AnyObject } from '../wx/access'
import type { ErrnoError } from '../errno/ErrnoError'
import type { Locale } from '../errno/types'

export interface ShowGuidanceOptions {
  locale?: Locale
  platform?: string
  /** The wx object whose showModal and settings APIs are used. @default the global wx */
  wx?: object
  /** Runs when the user confirms a `retry` action; its failure is reported, not thrown. */
  onRetry?: () => unknown
  /** The same errno is not shown again within this many milliseconds after its modal closes. @default 3000 */
  quietMs?: number
  /** Give up waiting for the modal after this many milliseconds (a modal that never answers). @default 60000 */
  timeoutMs?: number
  /**
   * What to show when the failure has no guidance of its own (e.g. `requestPayment:fail 支付验证签名失败`):
   * texts for every locale, or per locale. Cancels still show nothing.
   */
  fallback?: GuidanceTexts | { zh_CN?: GuidanceTexts; zh_TW?: GuidanceTexts; en?: GuidanceTexts }
  /** Show this guidance template (an id of data/guidance.json) instead of the failure's own. */
  template?: string
  /**
   * When the fix is by hand (no button can open the setting on this client, e.g. Bluetooth on iOS), offer
   * "Try again" and "Cancel" instead of a lone "OK", so the user can say they fixed it or decline.
   * Needs `onRetry`. @default false
   */
  retryWhenManual?: boolean
}

export interface ShowGuidanceResult {
  /** true when a modal was shown (or was already showing for the same errno). */
  shown: boolean
  /** true when the user pressed the confirm button. */
  confirmed: boolean
  /** The action that was run on confirm. */
  action?: GuidanceAction
  /** How the action went: `ok`, `failed` (see error) or `unavailable` (retry with no onRetry). */
  actionResult?: 'ok' | 'failed' | 'unavailable'
  /** Why nothing was shown: `cancel`, `no-guidance`, `no-showModal`, `quiet`, `modal-failed`, `timeout`. */
  reason?: string
  /** The action's or the modal's failure. */
  error?: ErrnoError
  guidance?: Guidance
}

// One modal at a time, across the whole app.
let queue: Promise<unknown> = Promise.resolve()
const inFlight: { [errno: string]: Promise<ShowGuidanceResult> } = Object.create(null)
const lastClosed: { [errno: string]: number } = Object.create(null)

/** Forgets open modals and quiet periods (for tests). */
export function resetGuidanceState(): void {
  queue = Promise.resolve()
  for (const key of Object.keys(inFlight)) delete inFlight[key]
  for (const key of Object.keys(lastClosed)) delete lastClosed[key]
}

/** How running a guidance action went. */
export type GuidanceActionOutcome = Pick<ShowGuidanceResult, 'actionResult' | 'error'>

/**
 * Runs a guidance action: calls the wx API (a missing one fails with errno 100) or, for `retry`,
 * `onRetry`. Never throws: a refusal or a failure is reported. getGuidance has already dropped
 * actions this client cannot run.
 */
export async function runGuidanceAction(action: GuidanceAction, options: { wx?: object; onRetry?: () => unknown } = {}): Promise<GuidanceActionOutcome> {
  try {
    if (action === 'retry') {
      if (!options.onRetry) return { actionResult: 'unavailable' }
      await options.onRetry()
      return { actionResult: 'ok' }
    }
    const wxLike = (options.wx as AnyObject | undefined) || globalWx()
    await invokeAsync(wxLike, wxLike ? wxLike[action] : undefined, action, {})
    return { actionResult: 'ok' }
  } catch (error) {
    return { actionResult: 'failed', error: toErrnoError(error, action) }
  }
}

/**
 * An app's own dialog in place of wx.showModal: shows the guidance and resolves when the user answers.
 * `actionHandled: true` says the dialog ran the action itself (a button with open-type="openSetting"), so
 * showGuidance does not run it again. Returning undefined falls back to wx.showModal (no dialog on this page).
 */
export type GuidanceRenderer = (guidance: Guidance) => PromiseLike<GuidanceRendererAnswer> | GuidanceRendererAnswer | undefined

export interface GuidanceRendererAnswer {
  confirmed: boolean
  actionHandled?: boolean
}

let renderer: GuidanceRenderer | undefined

/**
 * Shows guidance through the app's own dialog (the guidance-dialog component, Vant's or TDesign's
 * Dialog) instead of wx.showModal; queueing, de-duplication, actions and the result stay the same.
 * `setGuidanceRenderer(undefined)` restores wx.showModal. An action that needs a tap (openSetting)
 * should come from the dialog's own button (`open-type`), as the guidance-dialog component does.
 */
export function setGuidanceRenderer(next: GuidanceRenderer | undefined): void {
  renderer = typeof next === 'function' ? next : undefined
}

type Answer = { confirm: boolean; outcome?: Promise<GuidanceActionOutcome> } | 'timeout'

/**
 * Shows one modal. On confirm the action starts inside the modal's own success callback, with no
 * promise hop between the tap and the wx call: openSetting and openSystemBluetoothSetting work only
 * from a tap (WeChat docs), and a confirm callback counts as one.
 */
function showModal(wxLike: AnyObject, guidance: Guidance, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let settled = false
    const timer = timeoutMs === Infinity ? undefined : setTimeout(() => finish('timeout'), clampDelay(timeoutMs))
    function finish(answer: Answer | Error, failed?: boolean) {
      if (settled) return
      settled = true
      if (timer !== undefined) clearTimeout(timer)
      if (failed) reject(answer)
      else resolve(answer as Answer)
    }
    const confirmed = (yes: boolean, handled?: boolean) => {
      if (settled) return
      if (yes && handled) return finish({ confirm: true, outcome: Promise.resolve({ actionResult: 'ok' as const }) })
      // runGuidanceAction calls the wx API synchronously, before its first await. A retry is the app's own code:
      // it runs after the modal is closed and forgotten, so a failure it causes can show its modal again.
      const tapAction = yes && guidance.action && guidance.action !== 'retry' ? guidance.action : undefined
      finish({ confirm: yes, outcome: tapAction ? runGuidanceAction(tapAction, { wx: wxLike }) : undefined })
    }
    if (renderer) {
      let rendered: ReturnType<GuidanceRenderer>
      try {
        rendered = renderer(guidance)
      } catch (error) {
        return finish(toErrnoError(error, 'showGuidance'), true)
      }
      if (rendered !== undefined) {
        // Whatever the renderer answers (garbage, getters that throw, a thenable whose then throws) ends this
        // modal, so the next one is never blocked and no rejection goes unhandled.
        const onAnswer = (answer: unknown) => {
          let yes = false
          let handled = false
          try {
            yes = !!(answer && (answer as GuidanceRendererAnswer).confirmed === true)
            handled = !!(answer && (answer as GuidanceRendererAnswer).actionHandled === true)
          } catch (error) {
            return finish(toErrnoError(error, 'showGuidance'), true)
          }
          confirmed(yes, handled)
        }
        try {
          Promise.resolve(rendered).then(onAnswer, (error) => finish(toErrnoError(error, 'showGuidance'), true))
        } catch (error) {
          finish(toErrnoError(error, 'showGuidance'), true)
        }
        return
      }
    }
    if (!wxLike || typeof wxLike.showModal !== 'function') return finish(toErrnoError({ errno: 100, errMsg: 'showModal:fail jsapi not supported' }, 'showModal'), true)
    const modal: AnyObject = {
      title: guidance.title,
      content: guidance.content,
      confirmText: guidance.confirmText,
      showCancel: guidance.showCancel,
      success: (result: AnyObject | undefined) => confirmed(!!(result && result.confirm)),
      fail: (error: unknown) => finish(toErrnoError(error, 'showModal'), true),
    }
    if (guidance.showCancel) modal.cancelText = guidance.cancelText
    try {
      const returned = wxLike.showModal(modal)
      // A double (or a future base library) that answers with a promise instead of the callbacks.
      if (returned && typeof returned.then === 'function') returned.then((result: AnyObject) => confirmed(!!(result && result.confirm)), (error: unknown) => finish(toErrnoError(error, 'showModal'), true))
    } catch (error) {
      finish(toErrnoError(error, 'showModal'), true)
    }
  })
}

// The buttons of a "fix it by hand, then try again" modal (WeChat's own wording: 重试 / 取消).
const RETRY_TEXT: { [L in Locale]: string } = { zh_CN: '重试', zh_TW: '重試', en: 'Try again' }
const CANCEL_TEXT: { [L in Locale]: string } = { zh_CN: '取消', zh_TW: '取消', en: 'Cancel' }

/** The guidance to show for a failure, as showGuidance shows it (fallback texts, no retry button without onRetry). */
function prepareGuidance(error: unknown, options: ShowGuidanceOptions, wxLike: AnyObject | undefined, locale?: Locale): Guidance | undefined {
  let guidance = getGuidance(error, { locale: locale || options.locale, platform: options.platform, wx: wxLike, template: options.template })
  if (!guidance && options.fallback) guidance = fallbackGuidance(error, locale ? Object.assign({}, options, { locale }) : options, wxLike)
  if (guidance && !guidance.action && options.retryWhenManual && options.onRetry) {
    guidance = Object.assign({}, guidance, { action: 'retry' as GuidanceAction, showCancel: true, confirmText: RETRY_TEXT[guidance.locale], cancelText: CANCEL_TEXT[guidance.locale] })
  }
  if (guidance && guidance.action === 'retry' && !options.onRetry) {
    // Nothing to run on confirm: the button only closes the modal.
    guidance = Object.assign({}, guidance, { action: undefined, showCancel: false, confirmText: acknowledge(guidance.locale) })
  }
  return guidance
}

/** Guidance from the caller's fallback texts, for a failure with none of its own (never for a cancel). */
function fallbackGuidance(error: unknown, options: ShowGuidanceOptions, wxLike: AnyObject | undefined): Guidance | undefined {
  const fallback = options.fallback as { [key: string]: unknown }
  const locale = options.locale ? normalizeLocale(options.locale) : currentLocale(wxLike)
  const perLocale = (fallback.zh_CN || fallback.zh_TW || fallback.en) as GuidanceTexts | undefined
  const texts = (perLocale ? (fallback[locale] || fallback.en || perLocale) : fallback) as GuidanceTexts
  if (!texts || (!texts.title && !texts.content)) return undefined
  return {
    errno: toErrnoError(error).errno,
    title: texts.title || '',
    content: texts.content || '',
    confirmText: texts.confirmText || acknowledge(locale),
    cancelText: '',
    showCancel: false,
    source: 'fallback',
    icon: 'info',
    locale,
  }
}

/** A developer error is shown to the user in neutral words; the developer gets the real meaning in the console. */
function developerHint(error: unknown): void {
  try {
    if (typeof console !== 'undefined' && typeof console.warn === 'function') {
      console.warn('[miniprogram-errno] ' + toErrnoError(error).message + ' — a mistake in the calling code (call order or arguments), not something the user can fix.')
    }
  } catch (ignored) {
    // a console that throws changes nothing
  }
}

/**
 * Shows the guidance for a failure as a modal and, on confirm, runs its action.
 * Never throws and never stacks modals: calls for the errno already showing share its modal,
 * others wait their turn, and an errno is not shown again within `quietMs` of its modal closing.
 */
export function showGuidance(error: unknown, options: ShowGuidanceOptions = {}): Promise<ShowGuidanceResult> {
  try {
    if (isCancel(error)) return Promise.resolve({ shown: false, confirmed: false, reason: 'cancel' })
    // A success (`{errMsg: 'x:ok'}`, errno 0, no failure at all) has nothing to show.
    if (isSuccess(error)) return Promise.resolve({ shown: false, confirmed: false, reason: 'no-guidance' })
    const wxLike = (options.wx as AnyObject | undefined) || globalWx()
    const guidance = prepareGuidance(error, options, wxLike)
    if (!guidance) return Promise.resolve({ shown: false, confirmed: false, reason: 'no-guidance' })
    if (guidance.source === 'developer-error') developerHint(error)
    if (!renderer && (!wxLike || typeof wxLike.showModal !== 'function')) return Promise.resolve({ shown: false, confirmed: false, reason: 'no-showModal', guidance })
    const key = String(guidance.errno) + ':' + guidance.source
    const quietMs = typeof options.quietMs === 'number' ? options.quietMs : 3000
    const closedAt = lastClosed[key]
    if (closedAt !== undefined && Date.now() - closedAt < quietMs) return Promise.resolve({ shown: false, confirmed: false, reason: 'quiet', guidance })
    const running = inFlight[key]
    if (running) return running

    const timeoutMs = typeof options.timeoutMs === 'number' ? options.timeoutMs : 60000
    let shown = guidance
    // The next modal waits for this one to close, not for its action (a retry may show guidance itself).
    const answered = queue.then(() => {
      // A queued modal speaks the language in force when it is shown, not when it was queued.
      if (!options.locale && shown.locale !== currentLocale(wxLike)) shown = prepareGuidance(error, options, wxLike, currentLocale(wxLike)) || shown
      return showModal(wxLike as AnyObject, shown, timeoutMs)
    })
    queue = answered.then(() => undefined, () => undefined)
    const closed = () => {
      delete inFlight[key]
      lastClosed[key] = Date.now()
    }
    const run = answered.then(
      async (answer): Promise<ShowGuidanceResult> => {
        closed()
        if (answer === 'timeout') return { shown: true, confirmed: false, reason: 'timeout', guidance: shown }
        if (!answer.confirm || !shown.action) return { shown: true, confirmed: answer.confirm, guidance: shown }
        // The user asked to retry: if it fails again, that failure is shown, not swallowed by the quiet period.
        if (shown.action === 'retry') delete lastClosed[key]
        const outcome = await (answer.outcome || runGuidanceAction(shown.action, { wx: wxLike, onRetry: options.onRetry }))
        return Object.assign({ shown: true, confirmed: true, action: shown.action, guidance: shown }, outcome)
      },
      (modalError): ShowGuidanceResult => {
        closed()
        return { shown: false, confirmed: false, reason: 'modal-failed', error: toErrnoError(modalError, 'showModal'), guidance: shown }
      },
    )
    inFlight[key] = run
    return run
  } catch (unexpected) {
    return Promise.resolve({ shown: false, confirmed: false, reason: 'error', error: toErrnoError(unexpected, 'showGuidance') })
  }
}
