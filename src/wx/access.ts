// One place that reaches wx: resolving the global, reading sync getters safely, platform and base-library
// checks. The promise layer, guidance, the server/cloud/HTTP errors and readiness all import it; it imports
// nothing of ours, so the dependency direction reads errno <- wx access <- promise / guidance / errors / readiness.
/** Any wx-shaped object: members are looked up by name. */
export type AnyObject = { [key: string]: any }

/** The global `wx`, read at each call so the library can be imported where none exists (Node, tests). */
export function globalWx(): AnyObject | undefined {
  return typeof wx !== 'undefined' ? (wx as unknown as AnyObject) : undefined
}

/**
 * Calls a synchronous getter (getDeviceInfo, getAppBaseInfo, getSystemInfoSync …); undefined when missing or throwing.
 */
export function callSync(wxLike: AnyObject | undefined, name: string): AnyObject | undefined {
  try {
    return wxLike && typeof wxLike[name] === 'function' ? wxLike[name]() : undefined
  } catch (error) {
    return undefined
  }
}

/** Whether wx has a method of that name; false when reading it throws (a Proxy, a broken double). */
export function hasMethod(wxLike: AnyObject | undefined, name: string): boolean {
  try {
    return !!wxLike && typeof wxLike[name] === 'function'
  } catch (error) {
    return false
  }
}

/** A string field of what a getter answered; undefined for anything else, or when reading it throws. */
export function stringField(info: AnyObject | undefined, key: string): string | undefined {
  try {
    const value = info ? info[key] : undefined
    return typeof value === 'string' ? value : undefined
  } catch (error) {
    return undefined
  }
}

/** ios, android, devtools, windows, mac, ohos ... from wx.getDeviceInfo(), else getSystemInfoSync(). */
export function currentPlatform(wxLike?: AnyObject): string | undefined {
  return stringField(callSync(wxLike, 'getDeviceInfo') || callSync(wxLike, 'getSystemInfoSync'), 'platform')
}

/** The running base library version (getAppBaseInfo().SDKVersion, else getSystemInfoSync()). */
export function baseLibraryVersion(wxLike?: AnyObject): string | undefined {
  return stringField(callSync(wxLike, 'getAppBaseInfo') || callSync(wxLike, 'getSystemInfoSync'), 'SDKVersion')
}

/** Compares dotted versions: negative when a < b. */
export function compareVersion(a: string, b: string): number {
  const left = a.split('.')
  const right = b.split('.')
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (parseInt(left[i], 10) || 0) - (parseInt(right[i], 10) || 0)
    if (diff) return diff
  }
  return 0
}

/** true when the wx object has the method and canIUse (when present) does not deny it. */
export function hasApi(wxLike: AnyObject | undefined, name: string): boolean {
  if (!wxLike || typeof wxLike[name] !== 'function') return false
  try {
    return !(typeof wxLike.canIUse === 'function' && wxLike.canIUse(name) === false)
  } catch (error) {
    return true // canIUse itself failing says nothing either way
  }
}
