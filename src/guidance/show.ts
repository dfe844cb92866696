import { getGuidance, acknowledge, isSuccess } from './guidance'
import type { Guidance, GuidanceAction, GuidanceTexts } from './guidance'
import { currentLocale, normalizeLocale } from './locale'
import { toErrnoError } from '../errno/normalize'
import { getPolicy } from '../policy/policy'
import { globalWx } from '../wx/access'
import { showModal, runGuidanceAction, hasRenderer } from './modal'
import type { GuidanceActionOutcome } from './modal'

export { runGuidanceAction, setGuidanceRenderer } from './modal'
export type { GuidanceActionOutcome, GuidanceRenderer, GuidanceRendererAnswer, GuidanceRendererContext } from './modal'
import type { AnyObject } from '../wx/access'
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

export interface ShowGuidanceResult extends GuidanceActionOutcome {
  /** true when a modal was shown (or was already showing for the same errno). */
  shown: boolean
  /** true when the user pressed the confirm button. */
  confirmed: boolean
  /** The action that was run on confirm. */
  action?: GuidanceAction
  /** Why nothing was shown: `cancel`, `no-guidance`, `no-showModal`, `quiet`, `modal-failed`, `timeout`. */
  reason?: string
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

// The buttons of a "fix it by hand, then try again" modal (WeChat's own wording: 重试 / 取消).
const RETRY_TEXT: { [L in Locale]: string } = { zh_CN: '重试', zh_TW: '重試', en: 'Try again' }
const CANCEL_TEXT: { [L in Locale]: string } = { zh_CN: '取消', zh_TW: '取消', en: 'Cancel' }

/** The guidance to show for a failure, as showGuidance shows it (fallback texts, no retry button without onRetry). */
function prepareGuidance(
  error: unknown,
  options: ShowGuidanceOptions,
  wxLike: AnyObject | undefined,
  locale?: Locale,
): Guidance | undefined {
  let guidance = getGuidance(error, {
    locale: locale || options.locale,
    platform: options.platform,
    wx: wxLike,
    template: options.template,
  })
  if (!guidance && options.fallback)
    guidance = fallbackGuidance(error, locale ? Object.assign({}, options, { locale }) : options, wxLike)
  if (guidance && !guidance.action && options.retryWhenManual && options.onRetry) {
    guidance = Object.assign({}, guidance, {
      action: 'retry' as GuidanceAction,
      showCancel: true,
      confirmText: RETRY_TEXT[guidance.locale],
      cancelText: CANCEL_TEXT[guidance.locale],
    })
  }
  if (guidance && guidance.action === 'retry' && !options.onRetry) {
    // Nothing to run on confirm: the button only closes the modal.
    guidance = Object.assign({}, guidance, {
      action: undefined,
      showCancel: false,
      confirmText: acknowledge(guidance.locale),
    })
  }
  return guidance
}

/** Guidance from the caller's fallback texts, for a failure with none of its own (never for a cancel). */
function fallbackGuidance(
  error: unknown,
  options: ShowGuidanceOptions,
  wxLike: AnyObject | undefined,
): Guidance | undefined {
  const fallback = options.fallback as { [key: string]: unknown }
  const locale = options.locale ? normalizeLocale(options.locale) : currentLocale(wxLike)
  const perLocale = (fallback.zh_CN || fallback.zh_TW || fallback.en) as GuidanceTexts | undefined
  const texts = (perLocale ? fallback[locale] || fallback.en || perLocale : fallback) as GuidanceTexts
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
      console.warn(
        '[miniprogram-errno] ' +
          toErrnoError(error).message +
          ' — a mistake in the calling code, not something the user can fix (`miniprogram-errno explain` says more).',
      )
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
  if (options === null) options = {}
  try {
    // Its policy, read once: a cancel shows nothing; a mistake in the calling code is the developer's to hear of.
    const kind = getPolicy(error).kind
    if (kind === 'cancel') return Promise.resolve({ shown: false, confirmed: false, reason: 'cancel' })
    // A success (`{errMsg: 'x:ok'}`, errno 0, no failure at all) has nothing to show.
    if (isSuccess(error)) return Promise.resolve({ shown: false, confirmed: false, reason: 'no-guidance' })
    const wxLike = (options.wx as AnyObject | undefined) || globalWx()
    const guidance = prepareGuidance(error, options, wxLike)
    // A mistake in the calling code: the developer hears of it in the console (the user, a neutral text or nothing).
    if (guidance ? guidance.source === 'developer-error' : kind === 'fix') developerHint(error)
    if (!guidance) return Promise.resolve({ shown: false, confirmed: false, reason: 'no-guidance' })
    if (!hasRenderer() && (!wxLike || typeof wxLike.showModal !== 'function'))
      return Promise.resolve({ shown: false, confirmed: false, reason: 'no-showModal', guidance })
    const key = String(guidance.errno) + ':' + guidance.source
    const quietMs = typeof options.quietMs === 'number' ? options.quietMs : 3000
    const closedAt = lastClosed[key]
    if (closedAt !== undefined && Date.now() - closedAt < quietMs)
      return Promise.resolve({ shown: false, confirmed: false, reason: 'quiet', guidance })
    const running = inFlight[key]
    if (running) return running

    const timeoutMs = typeof options.timeoutMs === 'number' ? options.timeoutMs : 60000
    let shown = guidance
    // The next modal waits for this one to close, not for its action (a retry may show guidance itself).
    const answered = queue.then(() => {
      // A queued modal speaks the language in force when it is shown, not when it was queued.
      if (!options.locale && shown.locale !== currentLocale(wxLike))
        shown = prepareGuidance(error, options, wxLike, currentLocale(wxLike)) || shown
      return showModal(wxLike as AnyObject, shown, timeoutMs)
    })
    queue = answered.then(
      () => undefined,
      () => undefined,
    )
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
        const outcome = await (answer.outcome ||
          runGuidanceAction(shown.action, { wx: wxLike, onRetry: options.onRetry }))
        return Object.assign({ shown: true, confirmed: true, action: shown.action, guidance: shown }, outcome)
      },
      (modalError): ShowGuidanceResult => {
        closed()
        return {
          shown: false,
          confirmed: false,
          reason: 'modal-failed',
          error: toErrnoError(modalError, 'showModal'),
          guidance: shown,
        }
      },
    )
    inFlight[key] = run
    return run
  } catch (unexpected) {
    return Promise.resolve({
      shown: false,
      confirmed: false,
      reason: 'error',
      error: toErrnoError(unexpected, 'showGuidance'),
    })
  }
}
