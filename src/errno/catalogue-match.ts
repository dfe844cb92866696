// Matching an errMsg reason against the catalogue's errMsg column (seed 004) and its aliases, among the codes the
// failing API's family can carry. Built for the first errMsg-only failure: plain string work, no regular expression
// on the common path (docs/performance.md).
import { DECODING } from '../texts/generated/tables'
import { containsAny } from '../shared/text'
import { own } from '../shared/own'

/** Lower case, one space between words, no trailing full stop: how reasons and the errMsg column are compared. */
export function normalizeReason(text: string): string {
  const lower = text.toLowerCase()
  return isPlain(lower) ? lower : withoutTrailingStops(lower.replace(/\s+/g, ' ')).trim()
}

/**
 * A text without the spaces and full stops (. and 。) it ends with. A loop from the end: the regular expression
 * /[\s.\u3002]+$/ tried every start in a long run of them, quadratic in its length (docs/performance.md).
 */
function withoutTrailingStops(text: string): string {
  let end = text.length
  while (end > 0 && isStop(text.charAt(end - 1))) end--
  return text.slice(0, end)
}

const isStop = (char: string) => char === '.' || char === '\u3002' || char.trim() === ''

/**
 * true for printable ASCII with single inner spaces and no trailing full stop: what normalizeReason leaves as it is,
 * found with no regular expression (each one costs its compilation at the first failure).
 */
function isPlain(text: string): boolean {
  const n = text.length
  if (!n || text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32 || text.charCodeAt(n - 1) === 46) return false
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c > 126 || c < 32 || (c === 32 && text.charCodeAt(i + 1) === 32)) return false
  }
  return true
}

/** The errno prefixes an API's failures can carry: general and basics for all, plus its family's. */
function familyPrefixes(api: string | undefined): string[] {
  const prefixes = ['00', '01']
  if (!api) return prefixes
  // Plain string tests (the generator checked them against the patterns of data/errno.json for every Wx member).
  for (const [words, names, list] of DECODING().families || []) {
    if (names.indexOf(api) >= 0 || containsAny(api, words)) prefixes.push.apply(prefixes, list as string[])
  }
  return prefixes
}

/**
 * true when a reason is the catalogue text with a spelling variant (a letter or two short or long) or details after a
 * separator.
 */
function nearMatch(reason: string, text: string): boolean {
  const [shorter, longer] = reason.length <= text.length ? [reason, text] : [text, reason]
  if (shorter.length < 6 || longer.indexOf(shorter) !== 0) return false
  const rest = longer.slice(shorter.length)
  return (
    /^[a-z]{1,2}$/.test(rest) ||
    (longer === reason && /^[,;:(\s]/.test(rest) && /[a-z]/.test(shorter.slice(-1)) && shorter.indexOf(' ') > 0)
  )
}

/** The first of a text's errnos that the API's family can carry, or undefined. */
function firstAllowed(errnos: number | ReadonlyArray<number>, prefixes: string[]): number | undefined {
  const list = typeof errnos === 'number' ? [errnos] : errnos
  for (const errno of list) {
    const code = ('000000' + errno).slice(-7)
    for (const prefix of prefixes) if (code.indexOf(prefix) === 0) return errno
  }
  return undefined
}

/**
 * The errno whose errMsg (the catalogue's column, seed 004, and its other spellings) a reason is, among the codes the
 * API's family can fail with. Exact matches win over spelling variants (in column order); undefined when nothing
 * matches. The texts are normalised when generated (DECODING.reasons), so an exact match is one property read.
 */
export function errnoFromCatalogue(reason: string, api?: string): number | undefined {
  const text = normalizeReason(reason)
  if (!text) return undefined
  const reasons = DECODING().reasons
  let prefixes: string[] | undefined
  const errnos = own(reasons, text)
  if (errnos !== undefined) {
    prefixes = familyPrefixes(api)
    const exact = firstAllowed(errnos, prefixes)
    if (exact !== undefined) return exact
  }
  // A spelling variant shares the first six characters of the text it varies (nearMatch): most reasons share them with
  // no text at all, and need no comparison.
  const head = text.slice(0, 6)
  if (text.length < 6 || DECODING().heads.indexOf('|' + head + '|') < 0) return undefined
  for (const candidate of Object.keys(reasons)) {
    if (candidate.slice(0, 6) !== head || candidate === text || !nearMatch(text, candidate)) continue
    const near = firstAllowed(reasons[candidate], prefixes || (prefixes = familyPrefixes(api)))
    if (near !== undefined) return near
  }
  return undefined
}
