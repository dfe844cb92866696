// The arithmetic of errnos, and which ones the catalogue knows: no texts, so the core stays small.
import { CATEGORY_KEYS, KNOWN_ERRNO_RUNS } from './generated/categories'

/** true for an integer from 0 to 9,999,999: the only numbers that are errnos. */
export function isErrnoNumber(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 9999999 && value % 1 === 0
}

/** [first, second, specific]: digits 1-2, 3-4 and 5-7 of the left-padded code; -1s for non-errnos. */
export function splitErrno(errno: number): [number, number, number] {
  if (!isErrnoNumber(errno)) return [-1, -1, -1]
  return [Math.floor(errno / 100000), Math.floor(errno / 1000) % 100, errno % 1000]
}

let categories: { slots: Record<number, number>; keys: string[] } | undefined

/** CATEGORY_KEYS expanded once: slot -> position, and the keys in that order. */
function categoryTable(): { slots: Record<number, number>; keys: string[] } {
  if (!categories) {
    const slots = Object.create(null) as Record<number, number>
    const keys: string[] = []
    for (const entry of CATEGORY_KEYS.split(',')) {
      const colon = entry.indexOf(':')
      slots[parseInt(entry.slice(0, colon), 36)] = keys.push(entry.slice(colon + 1)) - 1
    }
    categories = { slots, keys }
  }
  return categories
}

/** The position of a category in the generated tables (names are in the same order), or undefined. */
export function categoryIndex(first: number, second?: number): number | undefined {
  return categoryTable().slots[second === undefined ? first : 10000 + first * 100 + second]
}

/** The key of the category at an index from {@link categoryIndex}. */
export function categoryKeyAt(index: number): string {
  return categoryTable().keys[index]
}

/** The category key of a first-level code, or of a second-level one under it; undefined when unknown. '~' marks inferred. */
export function categoryKey(first: number, second?: number): string | undefined {
  const index = categoryIndex(first, second)
  return index === undefined ? undefined : categoryKeyAt(index)
}

let knownErrnos: Set<number> | undefined

/** true when the catalogue has this errno. */
export function isKnownErrno(errno: number): boolean {
  if (!knownErrnos) {
    knownErrnos = new Set()
    let value = 0
    for (const run of KNOWN_ERRNO_RUNS.split(',')) {
      const [delta, extra] = run.split('+')
      value += parseInt(delta, 36)
      knownErrnos.add(value)
      for (let n = extra ? parseInt(extra, 36) : 0; n > 0; n--) knownErrnos.add(++value)
    }
  }
  return knownErrnos.has(errno)
}
