export { getGuidance, registerGuidance, canRunAction } from './guidance'
export type { Guidance, GuidanceAction, GuidanceOptions, GuidanceOverrides, GuidanceTexts } from './guidance'
export { showGuidance, runGuidanceAction, resetGuidanceState, setGuidanceRenderer } from './show'
export type {
  ShowGuidanceOptions,
  ShowGuidanceResult,
  GuidanceActionOutcome,
  GuidanceRenderer,
  GuidanceRendererAnswer,
  GuidanceRendererContext,
} from './show'
export { createDialogRenderer } from './dialog-renderer'
export type { DialogRendererOptions } from './dialog-renderer'

/** The `action` event of the guidance-dialog component: which action ran and how it went. */
export interface GuidanceDialogActionDetail {
  action?: string
  ok: boolean
  error?: unknown
  result?: unknown
}

/** The `close` event of the guidance-dialog component. */
export interface GuidanceDialogCloseDetail {
  confirmed: boolean
}
export { setLocale, currentLocale, normalizeLocale, isKnownLocale } from './locale'
