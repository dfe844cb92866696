import type { GuidanceRenderer } from './show'

export interface DialogRendererOptions {
  /** Lists the page stack (tests). @default the global getCurrentPages */
  getCurrentPages?: () => ReadonlyArray<{ selectComponent?: (selector: string) => unknown }>
}

/**
 * A renderer for setGuidanceRenderer that shows guidance in the `guidance-dialog` component of the
 * current page (found by selector). The dialog runs tap-only actions from its own button
 * (`open-type="openSetting"`). Where the page has no such dialog, wx.showModal is used.
 *
 * @example
 * // app.ts
 * setGuidanceRenderer(createDialogRenderer('#guidance-dialog'))
 * // page.wxml
 * // <guidance-dialog id="guidance-dialog" />
 */
export function createDialogRenderer(
  selector = '#guidance-dialog',
  options: DialogRendererOptions = {},
): GuidanceRenderer {
  return (guidance, context) => {
    let pages: ReadonlyArray<{ selectComponent?: (selector: string) => unknown }> = []
    try {
      const list =
        options.getCurrentPages ||
        (typeof getCurrentPages === 'function'
          ? (getCurrentPages as unknown as DialogRendererOptions['getCurrentPages'])
          : undefined)
      pages = list ? list() : []
    } catch (error) {
      pages = []
    }
    const page = pages[pages.length - 1]
    const dialog =
      page && typeof page.selectComponent === 'function'
        ? (page.selectComponent(selector) as { show?: (g: unknown) => unknown } | null)
        : undefined
    if (!dialog || typeof dialog.show !== 'function') return undefined
    // The dialog runs its action on the wx showGuidance was given (a test's fake), not always the global one.
    const shown = (dialog.show as (g: unknown, c: unknown) => unknown)(guidance, { wx: context && context.wx }) as
      | { then?: unknown }
      | undefined
    // The page's dialog took the guidance: a show() that answers nothing (an older or custom dialog) must not
    // also open wx.showModal. It counts as closed without a confirm.
    return shown && typeof shown.then === 'function' ? (shown as ReturnType<GuidanceRenderer>) : { confirmed: false }
  }
}
