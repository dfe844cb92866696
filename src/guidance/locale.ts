import type { Locale } from '../errno/types'
import { callSync as read, stringField } from '../wx/access'
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

/** true for a WeChat language value (or BCP 47 tag) that has texts of its own, not the English fallback. */
export function isKnownLocale(language: unknown): boolean {
  return typeof language === 'string' && /^(en([_-].*)?|zh([_-](cn|sg|hans|tw|hk|mo|hant))?)$/i.test(language)
}

/**
 * Fixes the locale of guidance texts; `undefined` goes back to the device's language. A runtime string
 * (from storage, a picker) goes through `normalizeLocale(value)` first. An unknown locale is reported on
 * the console and English is used; the locale in force is returned.
 */
export function setLocale(locale: Locale | undefined): Locale | undefined {
  if (locale !== undefined && !isKnownLocale(locale)) {
    try {
      if (typeof console !== 'undefined')
        console.warn(
          '[miniprogram-errno] setLocale: unknown locale ' +
            JSON.stringify(String(locale)).slice(0, 40) +
            '; using en (pass zh_CN, zh_TW or en, or normalizeLocale(value))',
        )
    } catch (ignored) {
      // no console
    }
  }
  forcedLocale = locale === undefined ? undefined : normalizeLocale(locale)
  return forcedLocale
}

/**
 * The locale in force: setLocale's, else wx.getAppBaseInfo().language, else wx.getSystemInfoSync().language, else en.
 */
export function currentLocale(wxLike?: AnyObject): Locale {
  if (forcedLocale) return forcedLocale
  return normalizeLocale(stringField(read(wxLike, 'getAppBaseInfo') || read(wxLike, 'getSystemInfoSync'), 'language'))
}
