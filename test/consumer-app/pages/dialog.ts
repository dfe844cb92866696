import { setGuidanceRenderer, createDialogRenderer } from 'miniprogram-errno'
import type { GuidanceDialogActionDetail, GuidanceDialogCloseDetail } from 'miniprogram-errno'

setGuidanceRenderer(createDialogRenderer('#guidance-dialog'))

export function onAction(event: { detail: GuidanceDialogActionDetail }): boolean {
  return event.detail.ok
}

export function onClose(event: { detail: GuidanceDialogCloseDetail }): boolean {
  return event.detail.confirmed
}
