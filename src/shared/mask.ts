// Secrets that must never reach a log line through an error's message or JSON (see SECURITY.md).
import { containsAny } from './text'

// A secret-looking name: the listed ones, and any name ending in token, secret, password, pwd or key, in
// snake, kebab or camel case (client_secret, id_token, api_key, x-api-key, appKey, tmpSecretKey, privateKey),
// and the credential ids of COS/STS (secretId, tmpSecretId).
const KEY =
  '(?:[\\w.-]*(?:token|secret|password|passwd|pwd|key|secretid|secret_id|credential|credentials)' +
  '|js_code|code|ticket|sign|signature|paysign|authorization|cookie|set-cookie)'
// In JSON and plain text, `code` and `sign` are too common as names of non-secrets (errcode, "error code: -604101",
// CloudBase's {code: 'DATABASE_TIMEOUT'}): a login `code` is masked there only as a lower-case/mixed string value.
const TEXT_KEY = KEY.replace('|code|ticket|sign|', '|ticket|')
// Where a name starts: the start of the text or a character no name has. A name is read whole, however long
// (`a_very_long_…_client_secret`), and once: starting at every word boundary inside `a.b.c.…` would read it again
// from each.
const NAME_START = '(?:^|[^\\w.-])'
// Where a run of backslashes starts (escaped JSON: \\"token\\"), for the same reason: from each backslash of a long
// run, the run would be read again.
const ESCAPES = '(?:^|[^\\\\])\\\\'
const VALUE_END = '[^&#\\s"\'<>,;)}\\]]'
// `=` once or twice URL-encoded (%3D, %253D), and what ends such a value (an encoded & or #).
const ENCODED_EQ = '%(?:25)?3d'
const ENCODED_END = '%(?:25)?(?:26|23)'

// The words (lower case) a secret-looking name contains: KEY's and TEXT_KEY's alternatives, shortened to what they
// share (`passw` for password and passwd, `sign` for signature and paysign, `cookie` for set-cookie).
const TEXT_KEY_WORDS = [
  'token',
  'secret',
  'passw',
  'pwd',
  'key',
  'credential',
  'js_code',
  'ticket',
  'signature',
  'paysign',
  'authorization',
  'cookie',
]
const KEY_WORDS = TEXT_KEY_WORDS.concat(['code', 'sign'])
const ASSIGN = [':', '=']

/**
 * A secret's marker (what comes right before it: a name and its `=` or `:`, a scheme, an opening quote) and the
 * secret's own pattern, both in lower case and read on the lower-cased text unless `caseSensitive`; what a text holding
 * one must contain (lower case): one of `words`, and one of `marks` when given. A pattern is compiled and run only on a
 * text that has them: most failure texts that say `errCode` or `auth` need none, and each costs its compilation the
 * first time it runs.
 */
type MaskPattern = readonly [string, string, ReadonlyArray<string>, ReadonlyArray<string>?, boolean?]
type Compiled = readonly [RegExp, RegExp]

const pattern = (
  marker: string,
  value: string,
  words: ReadonlyArray<string>,
  marks?: ReadonlyArray<string>,
  caseSensitive = false,
): MaskPattern => [marker, value, words, marks, caseSensitive]
const QUOTED = (quote: string) => '(?:[^' + quote + '\\\\]|\\\\[\\s\\S])*'

// Built on the first text that may hold a secret, not at load: the core is parsed at every cold start. Each pattern's
// regular expressions are made the first time a text has its words.
let patterns: ReadonlyArray<MaskPattern> | undefined
const compiled: Compiled[] = []
const buildPatterns = (): ReadonlyArray<MaskPattern> => [
  // user:password@host in URLs
  pattern('\\/\\/[^/\\s:@"\']+:', '[^@/\\s"\']+(?=@)', ['//'], ['@']),
  // JSON strings, with escaped quotes inside the value ("password":"ab\"c"), and cut short at the end of the text
  pattern('"' + TEXT_KEY + '"\\s*:\\s*"', QUOTED('"') + '\\\\?', TEXT_KEY_WORDS, ['"']),
  // JSON escaped inside a JSON string: \"token\":\"…\" (the value ends at the next escaped quote)
  pattern(ESCAPES + '+"' + TEXT_KEY + '\\\\+"\\s*:\\s*\\\\+"', '(?:[^\\\\]|\\\\+(?=[^\\\\"]))*', TEXT_KEY_WORDS, ['"']),
  // numbers in JSON: "session_key": 123456
  pattern(ESCAPES + '*"' + TEXT_KEY + '\\\\*"\\s*:\\s*', '-?\\d[\\d.eE+-]*', TEXT_KEY_WORDS, ['"']),
  // single-quoted, as Python dicts and JS sources print them: {'password': '…'}, token='…', access_token="…"
  pattern("'" + TEXT_KEY + "'\\s*:\\s*'", QUOTED("'"), TEXT_KEY_WORDS, ["'"]),
  pattern(NAME_START + TEXT_KEY + '\\s*[:=]\\s*"', QUOTED('"'), TEXT_KEY_WORDS, ['"']),
  pattern(NAME_START + TEXT_KEY + "\\s*[:=]\\s*'", QUOTED("'"), TEXT_KEY_WORDS, ["'"]),
  // a login code as a JSON string: "code":"0a3…", \"js_code\":\"…\" (case-sensitive: not an upper-case code name
  // such as CloudBase's DATABASE_TIMEOUT)
  pattern(
    ESCAPES + '*"(?:js_)?code\\\\*"\\s*:\\s*\\\\*"(?![A-Z0-9_]*\\\\*")',
    '(?:[^"\\\\]|\\\\+(?=[^\\\\"]))*',
    ['"code', '"js_code'],
    undefined,
    true,
  ),
  // query strings, URL fragments, form bodies: ?access_token=…, #id_token=…, &client_secret=…
  pattern('(?:[?&#;\\s,{(]|^)' + KEY + '=', VALUE_END + '+', KEY_WORDS, ['=']),
  // the same inside a URL-encoded parameter, once or twice encoded:
  // redirect_uri=https%3A%2F%2Fx%2Fcb%3Faccess_token%3DSECRET%26x%3D1
  pattern(NAME_START + KEY + ENCODED_EQ, '(?:(?!' + ENCODED_END + ')[^&#\\s"\'])+', KEY_WORDS, ['%3d', '%253d']),
  // Cookies: a quoted value up to its closing quote ("cookie": "…"), else everything up to the end of the line
  pattern('\\b(?:set-)?cookie"?\\s*[:=]\\s*"', '(?:[^"\\\\\\r\\n]|\\\\.)*', ['cookie'], ASSIGN),
  pattern('\\b(?:set-)?cookie"?\\s*[:=]\\s*(?![\\s"])', '[^\\r\\n]+', ['cookie'], ASSIGN),
  // Authorization headers and bare schemes: "Authorization: Bearer abc", "Basic dXNlcjpwYXNz"
  pattern('\\b(?:bearer|basic|digest|token)\\s+', '[a-z0-9._~+/=-]{6,}', ['bearer', 'basic', 'digest', 'token']),
  // key = value and key: value in plain text ("password: hunter2", "client_secret = abc")
  pattern(NAME_START + TEXT_KEY + '\\s*[:=]\\s*(?![\\s"\'\\\\])', VALUE_END + '+', TEXT_KEY_WORDS, ASSIGN),
]

// What a text must contain (lower case) for any pattern to run: each pattern's words or marks hold one, in its
// shortest form (`sign` for paysign, `auth` for authorization). Every failure's errMsg is searched for them: plain
// string search, as V8 compiles a regular expression on its first run and again, to machine code, on its second
// (docs/performance.md). test/adversarial.test.ts holds maskSecrets to running every pattern.
const SECRET_WORDS = [
  'token',
  'secret',
  'passw',
  'pwd',
  'key',
  'code',
  'ticket',
  'sign',
  'auth',
  'cookie',
  'credential',
  'bearer',
  'basic',
  'digest',
  '@',
]

/** true when a text contains a word a secret's name or scheme has, in any case. */
function mayHoldSecret(text: string): boolean {
  return containsAny(text.toLowerCase(), SECRET_WORDS)
}

/** Replaces the values of secret-looking parameters, headers, JSON fields and URL credentials with `***`. */
export function maskSecrets(text: string): string {
  return mask(text, false)
}

/** maskSecrets running every pattern whatever the text contains: what tests compare maskSecrets with. */
export function maskWithEveryPattern(text: string): string {
  return mask(text, true)
}

function mask(text: string, every: boolean): string {
  if (typeof text !== 'string') return text
  const lower = text.toLowerCase()
  if (!every && !containsAny(lower, SECRET_WORDS)) return text // the common case: nothing to mask
  if (!patterns) patterns = buildPatterns()
  // Every secret is found in the text as given, each marker where it stands: a secret's value may hold the marker of
  // another ("key: password = hunter2", "Basic token='…'"), and a marker taken as part of a value must still count.
  const spans: Array<[number, number]> = []
  // Values may overlap without end ("token=token=token=…"): past this much reading, the rest of the text is masked.
  let budget = 8 * text.length + 1000
  // The patterns read the lower-cased text: with the `i` flag instead, V8 takes longer to compile them
  // (docs/performance.md). Where lower-casing changed the length (`İ` becomes two characters), the positions would
  // not line up, and they read the text with the flag.
  const aligned = lower.length === text.length
  for (let i = 0; i < patterns.length; i++) {
    const [markerSource, valueSource, words, marks, caseSensitive] = patterns[i]
    if (!every && (!containsAny(lower, words) || (marks && !containsAny(lower, marks)))) continue
    const ignoreCase = !caseSensitive && !aligned
    const subject = caseSensitive || ignoreCase ? text : lower
    const slot = ignoreCase ? i + patterns.length : i
    const flags = ignoreCase ? 'i' : ''
    const [marker, value] =
      compiled[slot] || (compiled[slot] = [new RegExp(markerSource, 'g' + flags), new RegExp(valueSource, 'y' + flags)])
    marker.lastIndex = 0
    for (let found = marker.exec(subject); found; found = marker.exec(subject)) {
      const start = found.index + found[0].length
      value.lastIndex = start
      const secret = value.exec(subject)
      const end = secret ? start + secret[0].length : start
      budget -= end - start
      if (budget < 0) {
        spans.push([start, text.length])
        break
      }
      if (end > start) spans.push([start, end])
      // A marker ends with `=`, `:`, a space or a quote, which may also start the next one (NAME_START).
      marker.lastIndex = Math.max(start - 1, found.index + 1)
    }
  }
  if (!spans.length) return text
  // In order, each run of overlapping or touching spans one `***` (a value starts after its marker: never at 0).
  spans.sort((a, b) => a[0] - b[0])
  let out = ''
  let at = 0
  for (const [start, end] of spans) {
    if (start > at) out += text.slice(at, start) + '***'
    if (end > at) at = end
  }
  return out + text.slice(at)
}

/** true for a property name whose value is a secret (`client_secret`, `id_token`, `password`, `sign`). */
export function isSecretKey(name: string): boolean {
  if (!secretName) secretName = new RegExp('^' + KEY + '$', 'i')
  return secretName.test(name)
}
let secretName: RegExp | undefined

/** Cuts a text to at most `max` characters (the marker included) so a huge input never becomes a huge message. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  const marker = '… (' + text.length + ' chars)'
  return text.slice(0, Math.max(0, max - marker.length)) + marker
}

/** The longest message an error of this library carries. */
export const MAX_MESSAGE = 2000

/** Masks, then bounds: a secret cut at the limit can never escape the mask. */
export function safeMessage(text: string, max: number = MAX_MESSAGE): string {
  // Cut far past the limit first so a megabyte of input costs little; what straddles that cut is still masked.
  return truncate(maskSecrets(text.length > max * 4 ? text.slice(0, max * 4) : text), max)
}

/**
 * The longest own text field (errMsg, errmsg, description) masked in full; a longer one that may hold a secret is cut
 * first.
 */
const MAX_MASKED_FIELD = 100000

/**
 * An own text field as an error keeps it (errMsg, errmsg, description): masked, as console.log prints own
 * properties; `cause` keeps the original. Masking reads every character, so a huge text that may hold a
 * secret is cut to 100,000 characters first (a huge text with nothing to mask is kept whole).
 */
export function maskedField(text: string): string {
  if (text.length <= MAX_MASKED_FIELD || !mayHoldSecret(text)) return maskSecrets(text)
  return maskSecrets(truncate(text, MAX_MASKED_FIELD))
}
