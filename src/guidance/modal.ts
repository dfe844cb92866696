// One modal and its action: wx.showModal or the app's renderer (setGuidanceRenderer), and the wx API an action
// runs. showGuidance (show.ts) queues these and decides what to show.
import type { Guidance, GuidanceAction } from './guidance'
import { invokeAsync, methodOf, notSupported } from '../wx/invoke'
import { toErrnoError } from '../errno/normalize'
import { clampDelay } from '../shared/delay'
import { globalWx } from '../wx/access'
import type { AnyObject } from '../wx/access'
import type { ErrnoError } from '../errno/ErrnoError'

/** How running a guidance action went. */
export interface GuidanceActionOutcome {
  /** How the action went: `ok`, `failed` (see error) or `unavailable` (retry with no onRetry). */
  actionResult?: 'ok' | 'failed' | 'unavailable'
  /** Why the action or the modal failed. */
  error?: ErrnoError
}

/**
 * Runs a guidance action: calls the wx API (a missing one fails with errno 100) or, for `retry`,
 * `onRetry`. Never throws: a refusal or a failure is reported. getGuidance has already dropped
 * actions this client cannot run.
 */
export async function runGuidanceAction(
  action: GuidanceAction,
  options: { wx?: object; onRetry?: () => unknown } = {},
): Promise<GuidanceActionOutcome> {
  try {
    if (action === 'retry') {
      if (!options.onRetry) return { actionResult: 'unavailable' }
      await options.onRetry()
      return { actionResult: 'ok' }
    }
    const wxLike = (options.wx as AnyObject | undefined) || globalWx()
    await invokeAsync(wxLike, methodOf(wxLike, action), action, {})
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
export type GuidanceRenderer = (
  guidance: Guidance,
  context?: GuidanceRendererContext,
) => PromiseLike<GuidanceRendererAnswer> | GuidanceRendererAnswer | undefined

/** What showGuidance was given: the wx object its actions run on (its `wx` option, else the global wx). */
export interface GuidanceRendererContext {
  wx?: object
}

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

/** true while an app renderer replaces wx.showModal. */
export function hasRenderer(): boolean {
  return renderer !== undefined
}

export type Answer = { confirm: boolean; outcome?: Promise<GuidanceActionOutcome> } | 'timeout'

/**
 * Shows one modal. On confirm the action starts inside the modal's own success callback, with no
 * promise hop between the tap and the wx call: openSetting and openSystemBluetoothSetting work only
 * from a tap (WeChat docs), and a confirm callback counts as one.
 */
export function showModal(wxLike: AnyObject, guidance: Guidance, timeoutMs: number): Promise<Answer> {
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
        rendered = renderer(guidance, { wx: wxLike })
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
    if (!wxLike || typeof wxLike.showModal !== 'function') return finish(notSupported('showModal', wxLike), true)
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
      if (returned && typeof returned.then === 'function')
        returned.then(
          (result: AnyObject) => confirmed(!!(result && result.confirm)),
          (error: unknown) => finish(toErrnoError(error, 'showModal'), true),
        )
    } catch (error) {
      finish(toErrnoError(error, 'showModal'), true)
    }
  })
}
