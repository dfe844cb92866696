import { CATEGORY_NAMES } from './generated/category-names'
import { splitErrno, categoryIndex, categoryKeyAt } from './codes'
import type { DecodedErrno, ErrnoCategory } from './types'

export { isErrnoNumber, isKnownErrno } from './codes'

let names: string[][] | undefined

function category(code: number, index: number | undefined): ErrnoCategory {
  if (index === undefined) return { code, key: 'unknown', name: { zh_CN: '未知类目', zh_TW: '未知類目', en: 'Unknown category' }, known: false, inferred: false }
  if (!names) names = CATEGORY_NAMES().split(';').map((entry) => entry.split('|'))
  const key = categoryKeyAt(index)
  const inferred = key[0] === '~'
  const [zhCN, zhTW, en] = names[index]
  return { code, key: inferred ? key.slice(1) : key, name: { zh_CN: zhCN, zh_TW: zhTW || zhCN, en }, known: true, inferred }
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
    category: category(first, first < 0 ? undefined : categoryIndex(first)),
    subcategory: category(second, first < 0 ? undefined : categoryIndex(first, second)),
  }
}
