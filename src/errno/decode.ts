import { CATEGORY_NAMES } from '../texts/generated/tables'
import { splitErrno, categoryKey, isInferredCategory } from './codes'
import type { DecodedErrno, ErrnoCategory } from './types'

export { isErrnoNumber, isKnownErrno } from './codes'

function category(code: number, key: string | undefined): ErrnoCategory {
  const names = key === undefined ? undefined : CATEGORY_NAMES()[key]
  if (key === undefined || !names)
    return {
      code,
      key: 'unknown',
      name: { zh_CN: '未知类目', zh_TW: '未知類目', en: 'Unknown category' },
      known: false,
      inferred: false,
    }
  return {
    code,
    key,
    name: { zh_CN: names[0], zh_TW: names[1] || names[0], en: names[2] },
    known: true,
    inferred: isInferredCategory(key),
  }
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
