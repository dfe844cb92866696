// What each capability needs on each platform, and how a settings answer reads. Sources: see readiness.ts.
import type { Capability, MissingKind } from './types'

export type Need = { kind: MissingKind; key: string; errno: number; template: string; scope?: string }

const SYSTEM = {
  bluetooth: { kind: 'system-switch', key: 'bluetoothEnabled', errno: 1500102, template: 'bluetooth-off' },
  location: { kind: 'system-switch', key: 'locationEnabled', errno: 1505003, template: 'gps-off' },
  wifi: { kind: 'system-switch', key: 'wifiEnabled', errno: 1505002, template: 'wifi-off' },
} as const

/** What a capability needs on a platform, in the order the user is asked. */
export function needs(capability: Capability, platform: string | undefined): Need[] {
  const ios = platform === 'ios'
  const android = platform === 'android'
  const bluetooth: Need[] = [SYSTEM.bluetooth]
  if (ios)
    bluetooth.push({
      kind: 'app-permission',
      key: 'bluetoothAuthorized',
      errno: 1500102,
      template: 'bluetooth-unauthorized',
    })
  bluetooth.push({
    kind: 'scope',
    key: 'scope.bluetooth',
    errno: 103,
    template: 'scope-denied',
    scope: 'scope.bluetooth',
  })
  switch (capability) {
    case 'bluetooth':
      return bluetooth
    case 'ble-scan':
      return android
        ? bluetooth.concat([
            SYSTEM.location,
            { kind: 'app-permission', key: 'locationAuthorized', errno: 1509008, template: 'ble-location-permission' },
          ])
        : bluetooth
    case 'wifi':
      return android
        ? [
            SYSTEM.wifi,
            SYSTEM.location,
            { kind: 'app-permission', key: 'locationAuthorized', errno: 1505004, template: 'wifi-location-permission' },
          ]
        : [SYSTEM.wifi]
    case 'location':
      return [
        SYSTEM.location,
        { kind: 'app-permission', key: 'locationAuthorized', errno: 3, template: 'system-permission' },
        { kind: 'scope', key: 'scope.userLocation', errno: 103, template: 'scope-denied', scope: 'scope.userLocation' },
      ]
    case 'nfc':
      return ios ? [{ kind: 'unsupported', key: 'platform', errno: 1504001, template: 'nfc-unsupported' }] : []
    case 'camera':
      return [
        { kind: 'app-permission', key: 'cameraAuthorized', errno: 3, template: 'camera-permission' },
        { kind: 'scope', key: 'scope.camera', errno: 103, template: 'camera-scope-denied', scope: 'scope.camera' },
      ]
    case 'record':
      return [
        { kind: 'app-permission', key: 'microphoneAuthorized', errno: 3, template: 'microphone-permission' },
        { kind: 'scope', key: 'scope.record', errno: 103, template: 'scope-denied', scope: 'scope.record' },
      ]
    case 'album':
      return (
        ios ? [{ kind: 'app-permission', key: 'albumAuthorized', errno: 3, template: 'system-permission' } as Need] : []
      ).concat([
        {
          kind: 'scope',
          key: 'scope.writePhotosAlbum',
          errno: 103,
          template: 'scope-denied',
          scope: 'scope.writePhotosAlbum',
        },
      ])
    default:
      return []
  }
}

export const CAPABILITIES: Capability[] = [
  'bluetooth',
  'ble-scan',
  'wifi',
  'location',
  'nfc',
  'camera',
  'record',
  'album',
]
