import { maskSecrets, isSecretKey } from '../errno/mask'
import type { Localized } from '../errno/types'

/** [zh_CN, zh_TW, en] from the generated tables -> Localized. */
export function localized(row: readonly string[] | undefined): Localized | undefined {
  return row ? { zh_CN: row[0], zh_TW: row[1], en: row[2] } : undefined
}

/**
 * A copy of a value with secrets masked, fit for logs and JSON: secret-named properties become `***`
 * at any depth, strings are masked as text, and a string holding JSON is parsed and masked as data.
 * Own enumerable properties only; cycles, depth and size are bounded; what cannot be read is described.
 */
export function maskedCopy(value: unknown): unknown {
  const budget = { nodes: 5000 }
  return copyMasked(value, 0, budget, [])
}

function copyMasked(value: unknown, depth: number, budget: { nodes: number }, seen: unknown[]): unknown {
  if (value === undefined || value === null || typeof value === 'number' || typeof value === 'boolean') return value
  if (typeof value === 'string') return maskString(value, depth, budget, seen)
  if (typeof value !== 'object') return '[' + typeof value + ']'
  if (depth > 8 || --budget.nodes < 0) return '[…]'
  if (seen.indexOf(value) >= 0) return '[circular]'
  try {
    seen.push(value)
    if (Array.isArray(value)) return value.slice(0, 200).map((item) => copyMasked(item, depth + 1, budget, seen))
    const out: { [key: string]: unknown } = {}
    for (const key of Object.keys(value as object).slice(0, 200)) {
      if (key === '__proto__') continue
      out[key] = isSecretKey(key) ? '***' : copyMasked((value as { [key: string]: unknown })[key], depth + 1, budget, seen)
    }
    return out
  } catch (error) {
    return '[unreadable ' + typeof value + ']'
  } finally {
    seen.pop()
  }
}

function maskString(text: string, depth: number, budget: { nodes: number }, seen: unknown[]): string {
  const cut = text.length > 20000 ? text.slice(0, 20000) : text
  const trimmed = cut.trim()
  if ((trimmed[0] === '{' || trimmed[0] === '[') && depth < 8) {
    try {
      return JSON.stringify(copyMasked(JSON.parse(trimmed), depth + 1, budget, seen))
    } catch (error) {
      // not JSON after all: mask it as text
    }
  }
  return maskSecrets(cut)
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
