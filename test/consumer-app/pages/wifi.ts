import { wxp, once, checkReadiness, getGuidance } from 'miniprogram-errno'
import type { Guidance } from 'miniprogram-errno'

export async function listNetworks(): Promise<string[]> {
  const { ready, missing } = await checkReadiness('wifi')
  if (!ready) {
    const first: Guidance | undefined = missing[0] && missing[0].guidance
    return first ? [first.title] : []
  }
  await wxp.startWifi()
  const found = once('GetWifiList', { timeout: 10000 })
  await wxp.getWifiList()
  const { wifiList } = await found
  return wifiList.map((network) => network.SSID)
}

export function explain(errno: number): string {
  const guidance = getGuidance(errno, { locale: 'en' })
  return guidance ? guidance.title : ''
}
