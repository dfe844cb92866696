// The public types of checkReadiness and ensure.
import type { Guidance } from '../guidance/guidance'
import type { Locale } from '../errno/types'

export type Capability = 'bluetooth' | 'ble-scan' | 'wifi' | 'location' | 'nfc' | 'camera' | 'record' | 'album'

export type MissingKind = 'system-switch' | 'app-permission' | 'scope' | 'privacy' | 'unsupported'

export interface MissingItem {
  kind: MissingKind
  /** What is missing: `bluetoothEnabled`, `locationAuthorized`, `scope.camera`, `privacy`, `platform` … */
  key: string
  /** The errno a call would fail with. */
  errno: number
  /** What to tell the user, with the action that fixes it. */
  guidance: Guidance | undefined
}

export interface Readiness {
  ready: boolean
  missing: MissingItem[]
  /**
   * Where the settings were read from: getSystemSetting/getAppAuthorizeSetting, or getSystemInfoSync on old base
   * libraries.
   */
  source: 'settings' | 'getSystemInfoSync' | 'none'
}

export interface ReadinessOptions {
  /** @default the global wx */
  wx?: object
  /** @default the device's */
  platform?: string
  locale?: Locale
  /**
   * The longest wait for one settings read (getSetting, getPrivacySetting, the NFC and Bluetooth probes); one that
   * never answers counts as unknown. @default 5000
   */
  settingsTimeoutMs?: number
}

export interface EnsureOptions extends ReadinessOptions {
  /** How long to wait for the user to come back from a system settings page. @default 60000 */
  returnTimeoutMs?: number
}
