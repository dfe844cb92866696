// Which members of wx (and of the objects it hands out) take success/fail callbacks.
//
// The rule, checked against every member of miniprogram-api-typings' `Wx` and of the wrapped
// objects in test/api-rules.test.ts: a method is asynchronous (promisified) unless
//   - its name ends in `Sync`, or starts with `on`/`off` + a capital letter (events), or
//   - it starts with `create` (returns an object), except createBLEConnection and
//     createBLEPeripheralServer, or
//   - it is a getter of an object: `get…Manager`, getNFCAdapter and the NFC tag getters, or
//   - it is one of the other synchronous members listed below.
// New asynchronous APIs therefore work without any change here.
const SYNC_PATTERN = /Sync$|^(on|off)[A-Z]|^create(?!BLEConnection$|BLEPeripheralServer$)|^get\w*Manager$|^get(NFCAdapter|Nfc[ABFV]|IsoDep|Ndef|MifareClassic|MifareUltralight)$/
const SYNC_NAMES = ' canIUse base64ToArrayBuffer arrayBufferToBase64 nextTick requestIdleCallback cancelIdleCallback reportAnalytics reportEvent reportMonitor reportPerformance postMessageToReferrerMiniProgram postMessageToReferrerPage revokeBufferURL checkIsPictureInPictureActive isVKSupport requestAppleSubscribeSign getAppAuthorizeSetting getAppBaseInfo getDeviceInfo getMenuButtonBoundingClientRect getSystemSetting getWindowInfo getPerformance getApiCategory getXrFrameSystem '

/** Names that are never APIs: probes made by Promise resolution, JSON, test runners and inspectors. */
const NOT_API = ' then catch finally constructor toJSON valueOf toString inspect nodeType asymmetricMatch prototype __proto__ '

/** true when a wx member with this name is synchronous and passes through unwrapped. */
export function isSyncApi(name: string): boolean {
  return SYNC_PATTERN.test(name) || SYNC_NAMES.indexOf(' ' + name + ' ') >= 0
}

/** true for property names that never stand for a wx API. */
export function isNotApi(name: string): boolean {
  return NOT_API.indexOf(' ' + name + ' ') >= 0
}
