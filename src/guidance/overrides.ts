import type { GuidanceOverrides, GuidanceTexts } from './guidance'

const LOCALES = ['zh_CN', 'zh_TW', 'en'] as const
const TEXT_FIELDS = ['title', 'content', 'confirmText', 'cancelText'] as const

function wrong(what: string, cause: unknown): TypeError {
  const error = new TypeError('registerGuidance(errno, overrides): ' + what)
  ;(error as { cause?: unknown }).cause = cause
  return error
}

/** One field, read once: a getter that throws is the caller's mistake, said at registration. */
function field(from: object, key: string, path: string): unknown {
  try {
    return (from as { [key: string]: unknown })[key]
  } catch (thrown) {
    throw wrong(path + ' could not be read', thrown)
  }
}

function text(value: unknown, path: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value
  throw wrong(path + ' must be a string', value)
}

/**
 * registerGuidance's overrides, checked and copied when registered, so that getGuidance reads only plain strings and
 * never an override's getter: texts are strings, `action` a string or null, `icon` a string.
 */
export function copyOverrides(overrides: object): GuidanceOverrides {
  const copy: GuidanceOverrides = {}
  for (const locale of LOCALES) {
    const given = field(overrides, locale, locale)
    if (given === undefined) continue
    if (given === null || typeof given !== 'object') throw wrong(locale + ' must be an object of texts', given)
    const texts: GuidanceTexts = {}
    for (const key of TEXT_FIELDS) {
      const value = text(field(given, key, locale + '.' + key), locale + '.' + key)
      if (value !== undefined) texts[key] = value
    }
    copy[locale] = texts
  }
  const action = field(overrides, 'action', 'action')
  if (action !== undefined && action !== null && typeof action !== 'string')
    throw wrong('action must be a string or null', action)
  if (action !== undefined) copy.action = action as GuidanceOverrides['action']
  const icon = text(field(overrides, 'icon', 'icon'), 'icon')
  if (icon !== undefined) copy.icon = icon
  return copy
}
