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

let knownList: number[] | undefined
let knownErrnos: Set<number> | undefined

/** Every catalogued errno, ascending (KNOWN_ERRNO_RUNS expanded once). Shared: do not change it. */
export function knownErrnoList(): number[] {
  if (!knownList) {
    knownList = []
    let value = 0
    for (const run of KNOWN_ERRNO_RUNS.split(',')) {
      const [delta, extra] = run.split('+')
      value += parseInt(delta, 36)
      knownList.push(value)
      for (let n = extra ? parseInt(extra, 36) : 0; n > 0; n--) knownList.push(++value)
    }
  }
  return knownList
}

/** true when the catalogue has this errno. */
export function isKnownErrno(errno: number): boolean {
  if (!knownErrnos) knownErrnos = new Set(knownErrnoList())
  return knownErrnos.has(errno)
}

/** The Errno constants: the names (comma-separated, in errno order) zipped with the catalogued errnos. */
export function errnoConstants(names: string): Record<string, number> {
  const errnos = knownErrnoList()
  const constants: Record<string, number> = {}
  names.split(',').forEach((name, i) => { constants[name] = errnos[i] })
  return constants
}

/** A table of texts in errno order (an array, parsed on first use) as errno -> text, built once. */
export function byErrno(list: () => string[]): () => Record<number, string> {
  let table: Record<number, string> | undefined
  return () => {
    if (!table) {
      table = Object.create(null) as Record<number, string>
      const errnos = knownErrnoList()
      const texts = list()
      // A missing file (a locale left out with packOptions.ignore) reads as an empty table.
      if (Array.isArray(texts)) for (let i = 0; i < texts.length && i < errnos.length; i++) table[errnos[i]] = texts[i]
    }
    return table
  }
}
