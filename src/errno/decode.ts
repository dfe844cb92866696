import { FIRST_CATEGORIES, SECOND_CATEGORIES, KNOWN_ERRNO_DELTAS } from './generated/categories'
import type { DecodedErrno, ErrnoCategory } from './types'

const UNKNOWN_NAME = { zh_CN: '未知类目', zh_TW: '未知類目', en: 'Unknown category' }

function category(code: number, row: readonly [string, string, string, string, number] | undefined): ErrnoCategory {
  if (!row) return { code, key: 'unknown', name: { zh_CN: UNKNOWN_NAME.zh_CN, zh_TW: UNKNOWN_NAME.zh_TW, en: UNKNOWN_NAME.en }, known: false, inferred: false }
  return { code, key: row[0], name: { zh_CN: row[1], zh_TW: row[2], en: row[3] }, known: true, inferred: row[4] === 1 }
}

/** true for an integer from 0 to 9,999,999: the only numbers that are errnos. */
export function isErrnoNumber(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 9999999 && value % 1 === 0
}

/**
 * Splits an errno into its categories: the code is left-padded to 7 digits, then digits 1-2 are
 * the first category, 3-4 the second and 5-7 the specific type (600001 -> 06 / 00 / 001).
 * Never throws. Anything that is not an integer from 0 to 9,999,999 (negative, fractional, NaN,
 * Infinity, not a number) decodes to first = second = specific = -1 with unknown categories.
 */
export function decodeErrno(errno: number): DecodedErrno {
  if (!isErrnoNumber(errno)) {
    return { errno, first: -1, second: -1, specific: -1, category: category(-1, undefined), subcategory: category(-1, undefined) }
  }
  const first = Math.floor(errno / 100000)
  const second = Math.floor(errno / 1000) % 100
  const specific = errno % 1000
  return {
    errno,
    first,
    second,
    specific,
    category: category(first, FIRST_CATEGORIES[first]),
    subcategory: category(second, SECOND_CATEGORIES[first * 100 + second]),
  }
}

let knownErrnos: Set<number> | undefined

/** true when the catalogue has this errno. */
export function isKnownErrno(errno: number): boolean {
  if (!knownErrnos) {
    knownErrnos = new Set()
    let value = 0
    for (const delta of KNOWN_ERRNO_DELTAS.split(',')) knownErrnos.add((value += parseInt(delta, 36)))
  }
  return knownErrnos.has(errno)
}
