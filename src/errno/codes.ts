// The arithmetic of errnos, and which ones the catalogue knows: no texts, so the core stays small.
import { CATEGORY_KEYS, INFERRED_CATEGORIES } from './generated/categories'
import { KNOWN_ERRNOS } from './generated/known'
import { own } from '../shared/own'

/** true for an integer from 0 to 9,999,999: the only numbers that are errnos. */
export function isErrnoNumber(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 9999999 && value % 1 === 0
}

/** [first, second, specific]: digits 1-2, 3-4 and 5-7 of the left-padded code; -1s for non-errnos. */
export function splitErrno(errno: number): [number, number, number] {
  if (!isErrnoNumber(errno)) return [-1, -1, -1]
  return [Math.floor(errno / 100000), Math.floor(errno / 1000) % 100, errno % 1000]
}

/** The category key of a first-level code, or of a second-level one under it; undefined when unknown. */
export function categoryKey(first: number, second?: number): string | undefined {
  if (!isErrnoNumber(first) || (second !== undefined && !isErrnoNumber(second))) return undefined
  const slot = second === undefined ? first : 10000 + first * 100 + second
  return own(CATEGORY_KEYS, slot)
}

/** true when the reference does not name the category and we inferred it from its codes. */
export function isInferredCategory(key: string): boolean {
  return INFERRED_CATEGORIES.indexOf(key) >= 0
}

let knownErrnos: Set<number> | undefined

/** true when the catalogue has this errno. */
export function isKnownErrno(errno: number): boolean {
  if (!knownErrnos) knownErrnos = new Set(KNOWN_ERRNOS)
  return knownErrnos.has(errno)
}
