import type { Locale } from '../errno/types'

type AnyObject = { [key: string]: any }
let forcedLocale: Locale | undefined

/** Maps a WeChat `language` value (or a BCP 47 tag) to a locale we have texts for; zh_HK reads zh_TW. */
export function normalizeLocale(language: unknown): Locale {
  if (typeof language !== 'string') return 'en'
  const value = language.replace('-', '_').toLowerCase()
  if (value === 'zh_tw' || value === 'zh_hk' || value === 'zh_mo' || value === 'zh_hant') return 'zh_TW'
  if (value === 'zh_cn' || value === 'zh' || value === 'zh_sg' || value === 'zh_hans') return 'zh_CN'
  return 'en'
}

/** Fixes the locale of guidance texts; `undefined` goes back to the device's language. */
export function setLocale(locale: Locale | string | undefined): void {
  forcedLocale = locale === undefined ? undefined : normalizeLocale(locale)
}

function read(wxLike: AnyObject | undefined, sync: string): AnyObject | undefined {
  try {
    return wxLike && typeof wxLike[sync] === 'function' ? wxLike[sync]() : undefined
  } catch (error) {
    return undefined
  }
}

/** The locale in force: setLocale's, else wx.getAppBaseInfo().language, else wx.getSystemInfoSync().language, else en. */
export function currentLocale(wxLike?: AnyObject): Locale {
  if (forcedLocale) return forcedLocale
  const info = read(wxLike, 'getAppBaseInfo') || read(wxLike, 'getSystemInfoSync')
  return normalizeLocale(info && info.language)
}

/** ios, android, devtools, windows, mac, ohos ... from wx.getDeviceInfo(), else getSystemInfoSync(). */
export function currentPlatform(wxLike?: AnyObject): string | undefined {
  const info = read(wxLike, 'getDeviceInfo') || read(wxLike, 'getSystemInfoSync')
  return info && typeof info.platform === 'string' ? info.platform : undefined
}

/** The running base library version (getAppBaseInfo().SDKVersion, else getSystemInfoSync()). */
export function baseLibraryVersion(wxLike?: AnyObject): string | undefined {
  const info = read(wxLike, 'getAppBaseInfo') || read(wxLike, 'getSystemInfoSync')
  return info && typeof info.SDKVersion === 'string' ? info.SDKVersion : undefined
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
