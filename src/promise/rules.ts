// Which members of wx (and of the objects it hands out) take success/fail callbacks.
//
// The rule, checked against every member of miniprogram-api-typings' `Wx` and of the wrapped
// objects in test/api-rules.test.ts: a method is asynchronous (promisified) unless
//   - its name ends in `Sync`, or starts with `on`/`off` + a capital letter (events), or
//   - it starts with `create` (returns an object), except createBLEConnection and
//     createBLEPeripheralServer, or
//   - it is a getter of an object: `get…Manager`, getNFCAdapter and the NFC tag getters, or
//   - it is one of the other synchronous members listed in the pattern.
// New asynchronous APIs therefore work without any change here.
/**
 * Getters of objects whose methods are themselves promisified: the file system manager, the NFC adapter and its tags.
 */
export const WRAPPED_GETTER = /^get(FileSystemManager|NFCAdapter|Nfc[ABFV]|IsoDep|Ndef|MifareClassic|MifareUltralight)$/
const SYNC_PATTERN = new RegExp(
  'Sync$|^(on|off)[A-Z]|^create(?!BLEConnection$|BLEPeripheralServer$)|^get\\w*Manager$|' +
    WRAPPED_GETTER.source +
    '|^(canIUse|base64ToArrayBuffer|arrayBufferToBase64|nextTick|(request|cancel)IdleCallback' +
    '|report(Analytics|Event|Monitor|Performance)|postMessageToReferrer(MiniProgram|Page)' +
    '|revokeBufferURL|checkIsPictureInPictureActive|isVKSupport|requestAppleSubscribeSign' +
    '|get(AppAuthorizeSetting|AppBaseInfo|DeviceInfo|MenuButtonBoundingClientRect|SystemSetting|WindowInfo' +
    '|Performance|ApiCategory|XrFrameSystem))$',
)

/** Names that are never APIs: probes made by Promise resolution, JSON, test runners and inspectors. */
const NOT_API =
  ' then catch finally constructor toJSON valueOf toString inspect nodeType asymmetricMatch prototype __proto__ '

/** true when a wx member with this name is synchronous and passes through unwrapped. */
export function isSyncApi(name: string): boolean {
  return typeof name === 'string' && SYNC_PATTERN.test(name)
}

/** true for property names that never stand for a wx API. */
export function isNotApi(name: string): boolean {
  return NOT_API.indexOf(' ' + name + ' ') >= 0
}
