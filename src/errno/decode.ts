import { CATEGORY_NAMES } from './generated/category-names'
import { splitErrno, categoryKey } from './codes'
import type { DecodedErrno, ErrnoCategory } from './types'

export { isErrnoNumber, isKnownErrno } from './codes'

function category(code: number, key: string | undefined): ErrnoCategory {
  if (key === undefined) return { code, key: 'unknown', name: { zh_CN: '未知类目', zh_TW: '未知類目', en: 'Unknown category' }, known: false, inferred: false }
  const inferred = key[0] === '~'
  const plain = inferred ? key.slice(1) : key
  const name = CATEGORY_NAMES[plain]
  return { code, key: plain, name: { zh_CN: name[0], zh_TW: name[1], en: name[2] }, known: true, inferred }
}

/**
 * Splits an errno into its categories: the code is left-padded to 7 digits, then digits 1-2 are
 * the first category, 3-4 the second and 5-7 the specific type (600001 -> 06 / 00 / 001).
 * Never throws. Anything that is not an integer from 0 to 9,999,999 (negative, fractional, NaN,
 * Infinity, not a number) decodes to first = second = specific = -1 with unknown categories.
 */
export function decodeErrno(errno: number): DecodedErrno {
  const [first, second, specific] = splitErrno(errno)
  return {
    errno,
    first,
    second,
    specific,
    category: category(first, first < 0 ? undefined : categoryKey(first)),
    subcategory: category(second, first < 0 ? undefined : categoryKey(first, second)),
  }
}
