import { maskSecrets, isSecretKey, truncate } from '../shared/mask'
import type { Localized } from '../errno/types'
import { textOf } from '../shared/text'

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
  const budget = { nodes: 2000, chars: MAX_COPY_CHARS }
  return copyMasked(value, 0, budget, [])
}

/** The most text a masked copy holds in all its strings together: JSON.stringify of any error stays small. */
const MAX_COPY_CHARS = 8000
/** The most of one string that is masked (the rest is cut before it is read). */
const MAX_MASKED_INPUT = 200000

type Budget = { nodes: number; chars: number }

function copyMasked(value: unknown, depth: number, budget: Budget, seen: unknown[]): unknown {
  if (value === undefined || value === null || typeof value === 'number' || typeof value === 'boolean') return value
  if (typeof value === 'string') return maskString(value, depth, budget, seen)
  if (typeof value !== 'object') return '[' + typeof value + ']'
  if (depth > 8 || --budget.nodes < 0) return '[…]'
  if (seen.indexOf(value) >= 0) return '[circular]'
  try {
    seen.push(value)
    if (Array.isArray(value)) return value.slice(0, 100).map((item) => copyMasked(item, depth + 1, budget, seen))
    const out: { [key: string]: unknown } = {}
    for (const key of Object.keys(value as object).slice(0, 100)) {
      if (key === '__proto__') continue
      budget.chars -= Math.min(key.length, 200)
      out[truncate(key, 200)] = isSecretKey(key)
        ? '***'
        : copyMasked((value as { [key: string]: unknown })[key], depth + 1, budget, seen)
    }
    return out
  } catch (error) {
    return '[unreadable ' + typeof value + ']'
  } finally {
    seen.pop()
  }
}

/** Masks the whole string (JSON is parsed and masked as data), then cuts it to what is left of the budget. */
function maskString(text: string, depth: number, budget: Budget, seen: unknown[]): string {
  const input = text.length > MAX_MASKED_INPUT ? text.slice(0, MAX_MASKED_INPUT) : text
  const trimmed = input.trim()
  let masked: string | undefined
  if ((trimmed[0] === '{' || trimmed[0] === '[') && depth < 8) {
    try {
      masked = JSON.stringify(copyMasked(JSON.parse(trimmed), depth + 1, budget, seen))
    } catch (error) {
      // not JSON after all: mask it as text
    }
  }
  if (masked === undefined) masked = maskSecrets(input)
  const room = Math.max(0, budget.chars)
  budget.chars -= Math.min(masked.length, room)
  return truncate(masked, Math.max(room, 20))
}

export { read } from '../errno/normalize'

/** One input of a message, masked on its own (cut far past the message limit first, so a huge one costs little). */
export function part(text: string): string {
  return maskSecrets(text.length > 8000 ? text.slice(0, 8000) : text)
}

/** A code for a message: a number as it is, anything else (what a constructor was given) as masked text. */
export function codeText(value: unknown): string {
  return typeof value === 'number' ? String(value) : part(textOf(value))
}

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
