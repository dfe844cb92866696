import { maskSecrets } from '../errno/mask'
import type { Localized } from '../errno/types'

/** [zh_CN, zh_TW, en] from the generated tables -> Localized. */
export function localized(row: readonly string[] | undefined): Localized | undefined {
  return row ? { zh_CN: row[0], zh_TW: row[1], en: row[2] } : undefined
}

/** A copy of a value with secrets masked, fit for logs and JSON (what cannot be serialised is described). */
export function maskedCopy(value: unknown): unknown {
  if (value === undefined || value === null || typeof value === 'number' || typeof value === 'boolean') return value
  try {
    const text = typeof value === 'string' ? value : JSON.stringify(value)
    if (text === undefined) return String(value)
    const masked = maskSecrets(text.length > 20000 ? text.slice(0, 20000) : text)
    if (typeof value === 'string') return masked
    try {
      return JSON.parse(masked)
    } catch (error) {
      return masked // cut short: keep the text
    }
  } catch (error) {
    return '[unserialisable ' + typeof value + ']'
  }
}

export { read } from '../errno/normalize'

/** `instanceof` that answers false for a proxy whose getPrototypeOf throws. */
export function isInstance<T>(value: unknown, type: new (...args: any[]) => T): value is T {
  try {
    return value instanceof type
  } catch (error) {
    return false
  }
}

/** Parses a JSON text body; anything else comes back as it was. */
export function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body
  try {
    return JSON.parse(body)
  } catch (error) {
    return body
  }
}
