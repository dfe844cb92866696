import type { Locale } from '../errno/types'
import { callSync as read } from '../wx/access'
import type { AnyObject } from '../wx/access'
export { currentPlatform, baseLibraryVersion, compareVersion } from '../wx/access'

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


/** The locale in force: setLocale's, else wx.getAppBaseInfo().language, else wx.getSystemInfoSync().language, else en. */
export function currentLocale(wxLike?: AnyObject): Locale {
  if (forcedLocale) return forcedLocale
  const info = read(wxLike, 'getAppBaseInfo') || read(wxLike, 'getSystemInfoSync')
  return normalizeLocale(info && info.language)
}

