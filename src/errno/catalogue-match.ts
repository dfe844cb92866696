// Matching an errMsg reason against the catalogue's errMsg column (seed 004) and its aliases, among the codes the
// failing API's family can carry. Built for the first errMsg-only failure: plain string work, no regular expression
// on the common path (docs/performance.md).
import { DECODING } from '../texts/generated/tables'

/** Lower case, one space between words, no trailing full stop: how reasons and the errMsg column are compared. */
function normalizeReason(text: string): string {
  const lower = text.toLowerCase()
  return isPlain(lower)
    ? lower
    : lower
        .replace(/\s+/g, ' ')
        .replace(/[\s.\u3002]+$/, '')
        .trim()
}

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

let errMsgIndex: Map<string, Array<[string, number, string]>> | undefined

/**
 * The catalogue's errMsg column (codes an errMsg-only failure can carry) and the aliases, normalised once, as [reason,
 * errno, 7-digit code] in column order, then the aliases, grouped by the reason's first six characters: a reason and
 * any text it can match (equal, or one the prefix of the other and at least six long) share them.
 */
function catalogueErrMsgs(): Map<string, Array<[string, number, string]>> {
  if (!errMsgIndex) {
    const { errMsg: column, aliases } = DECODING()
    const index = new Map<string, Array<[string, number, string]>>()
    const add = (text: string, errno: number) => {
      const key = text.slice(0, 6)
      const list = index.get(key)
      const entry: [string, number, string] = [text, errno, ('000000' + errno).slice(-7)]
      if (list) list.push(entry)
      else index.set(key, [entry])
    }
    // Integer keys enumerate ascending: the column in errno order, as before the aliases.
    for (const key of Object.keys(column || {})) {
      const text = normalizeReason(column[Number(key)])
      if (text) add(text, Number(key))
    }
    for (const [text, errno] of aliases || []) add(text, errno)
    errMsgIndex = index
  }
  return errMsgIndex
}

/** The errno prefixes an API's failures can carry: general and basics for all, plus its family's. */
function familyPrefixes(api: string | undefined): string[] {
  const prefixes = ['00', '01']
  if (!api) return prefixes
  // Plain string tests (the generator checked them against the patterns of data/errno.json for every Wx member).
  for (const [words, names, list] of DECODING().families || []) {
    let member = names.indexOf(api) >= 0
    for (let i = 0; !member && i < words.length; i++) member = api.indexOf(words[i]) >= 0
    if (member) prefixes.push.apply(prefixes, list as string[])
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

/**
 * The errno whose errMsg (the catalogue's column, seed 004) a reason is, among the codes the API's
 * family can fail with. Exact matches win over spelling variants; undefined when nothing matches.
 */
export function errnoFromCatalogue(reason: string, api?: string): number | undefined {
  const text = normalizeReason(reason)
  if (!text) return undefined
  const bucket = catalogueErrMsgs().get(text.slice(0, 6))
  if (!bucket) return undefined
  const prefixes = familyPrefixes(api)
  const allowed = (code: string) => prefixes.some((prefix) => code.indexOf(prefix) === 0)
  let near: number | undefined
  for (const [candidate, errno, code] of bucket) {
    if (!allowed(code)) continue
    if (candidate === text) return errno
    if (near === undefined && nearMatch(text, candidate)) near = errno
  }
  return near
}
