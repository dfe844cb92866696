// Secrets that must never reach a log line through an error's message or JSON (see SECURITY.md).
import { containsAny } from './text'

// A secret-looking name: the listed ones, and any name ending in token, secret, password, pwd or key, in
// snake, kebab or camel case (client_secret, id_token, api_key, x-api-key, appKey, tmpSecretKey, privateKey),
// and the credential ids of COS/STS (secretId, tmpSecretId).
const KEY =
  '(?:[\\w.-]{0,40}?(?:token|secret|password|passwd|pwd|key|secretid|secret_id|credential|credentials)' +
  '|js_code|code|ticket|sign|signature|paysign|authorization|cookie|set-cookie)'
// In JSON and plain text, `code` and `sign` are too common as names of non-secrets (errcode, "error code: -604101",
// CloudBase's {code: 'DATABASE_TIMEOUT'}): a login `code` is masked there only as a lower-case/mixed string value.
const TEXT_KEY = KEY.replace('|code|ticket|sign|', '|ticket|')
const VALUE_END = '[^&#\\s"\'<>,;)}\\]]'
// One character of a value (`chars`, a character class) that is not a `:` or `=` before a space: a value stops where
// another assignment starts, so that in "key: password = hunter2" the key's value is `password`, not the name and
// the secret both (see ORPHAN).
const valueChar = (chars: string): string => '(?:(?![:=]\\s)' + chars + ')'
// `=` once or twice URL-encoded (%3D, %253D), and what ends such a value (an encoded & or #).
const ENCODED_EQ = '%(?:25)?3D'
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
const QUOTES = ['"', "'"]
const ASSIGN = [':', '=']

/**
 * A pattern, its replacement, and what a text it can match must contain (lower case): one of `words`, and one of
 * `marks` when given. A pattern is run only on a text that has them: most failure texts that say `errCode` or `auth`
 * need none of the patterns, and each costs its compilation the first time it runs.
 */
type MaskPattern = readonly [RegExp, string, ReadonlyArray<string>, ReadonlyArray<string>?]

// Built on the first text that may hold a secret, not at load: the core is parsed at every cold start.
let patterns: ReadonlyArray<MaskPattern> | undefined
const buildPatterns = (): ReadonlyArray<MaskPattern> => [
  // user:password@host in URLs
  [/(\/\/[^/\s:@"']+):[^@/\s"']+@/g, '$1:***@', ['//'], ['@']],
  // JSON strings, with escaped quotes inside the value ("password":"ab\"c"), and cut short at the end of the text
  [new RegExp('("' + TEXT_KEY + '"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*(?:"|\\\\?$)', 'gi'), '$1"***"', TEXT_KEY_WORDS, ['"']],
  // JSON escaped inside a JSON string: \"token\":\"…\" (the value ends at the next escaped quote)
  [
    new RegExp('(\\\\+"' + TEXT_KEY + '\\\\+"\\s*:\\s*)\\\\+"(?:(?!\\\\+")[\\s\\S])*(?:\\\\+"|$)', 'gi'),
    '$1\\"***\\"',
    TEXT_KEY_WORDS,
    ['"'],
  ],
  // numbers in JSON: "session_key": 123456
  [new RegExp('(\\\\*"' + TEXT_KEY + '\\\\*"\\s*:\\s*)-?\\d[\\d.eE+-]*', 'gi'), '$1"***"', TEXT_KEY_WORDS, ['"']],
  // single-quoted, as Python dicts and JS sources print them: {'password': '…'}, token='…', access_token="…"
  [new RegExp("('" + TEXT_KEY + "'\\s*:\\s*)'(?:[^'\\\\]|\\\\.)*(?:'|$)", 'gi'), "$1'***'", TEXT_KEY_WORDS, ["'"]],
  [
    new RegExp('(\\b' + TEXT_KEY + '\\s*[:=]\\s*)(["\'])(?:(?!\\2)[^\\\\]|\\\\.)*(?:\\2|$)', 'gi'),
    '$1$2***$2',
    TEXT_KEY_WORDS,
    QUOTES,
  ],
  [/(\\*"(?:js_)?code\\*"\s*:\s*)\\*"(?![A-Z0-9_]*\\*")(?:[^"\\]|\\(?!"))*\\*"/g, '$1"***"', ['"code', '"js_code']],
  // query strings, URL fragments, form bodies: ?access_token=…, #id_token=…, &client_secret=…
  [
    new RegExp('([?&#;\\s,{(]|^)(' + KEY + ')=(?!\\*\\*\\*)' + valueChar(VALUE_END) + '+', 'gi'),
    '$1$2=***',
    KEY_WORDS,
    ['='],
  ],
  // the same inside a URL-encoded parameter, once or twice encoded:
  // redirect_uri=https%3A%2F%2Fx%2Fcb%3Faccess_token%3DSECRET%26x%3D1
  [
    new RegExp(
      '(^|[^\\w.-])(' + KEY + ')(' + ENCODED_EQ + ')' + valueChar('(?!' + ENCODED_END + ')[^&#\\s"\']') + '+',
      'gi',
    ),
    '$1$2$3***',
    KEY_WORDS,
    ['%3d', '%253d'],
  ],
  // Cookies: a quoted value up to its closing quote ("cookie": "…"), else everything up to the end of the line
  // (Cookie: a="…"; b=…)
  [/\b((?:set-)?cookie"?\s*[:=]\s*)(?:(")(?:[^"\\\r\n]|\\.)*|[^\r\n]+)/gi, '$1$2***', ['cookie'], ASSIGN],
  // Authorization headers and bare schemes: "Authorization: Bearer abc", "Basic dXNlcjpwYXNz". These two take any
  // value and come after the patterns of named values (a cookie or a scheme's token could be one: "Basic token='…'"),
  // and before key: value ("Authorization: Bearer …").
  [
    new RegExp('\\b(Bearer|Basic|Digest|Token)\\s+' + valueChar('[A-Za-z0-9._~+/=-]') + '{6,}', 'gi'),
    '$1 ***',
    ['bearer', 'basic', 'digest', 'token'],
  ],
  // key = value and key: value in plain text ("password: hunter2", "client_secret = abc")
  [
    new RegExp('(\\b' + TEXT_KEY + '\\s*[:=]\\s*)(?![\\s"\'\\\\]|\\*\\*\\*)' + valueChar(VALUE_END) + '+', 'gi'),
    '$1***',
    TEXT_KEY_WORDS,
    ASSIGN,
  ],
]

/**
 * A value a pattern masked that was itself a secret's name, followed by that name's assignment ("key: password =
 * hunter2" became "key: *** = hunter2", "Bearer token: hunter2" "Bearer ***: hunter2"): what the assignment, and any
 * chained after it, assign. Run last, and only on a text a pattern changed.
 */
const ORPHAN = (): RegExp => {
  const value = valueChar(VALUE_END) + '+'
  return new RegExp('(\\*\\*\\*\\s*[:=]\\s*)(?![\\s"\'\\\\]|\\*\\*\\*)' + value + '(?:\\s*[:=]\\s*' + value + ')*', 'g')
}
let orphan: RegExp | undefined

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
]
SECRET_WORDS.push('bearer', 'basic', 'digest', '@')

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
  let lower = text.toLowerCase()
  if (!every && !containsAny(lower, SECRET_WORDS)) return text // the common case: nothing to mask
  if (!patterns) patterns = buildPatterns()
  let out = text
  for (const [pattern, replacement, words, marks] of patterns) {
    if (!every && (!containsAny(lower, words) || (marks && !containsAny(lower, marks)))) continue
    pattern.lastIndex = 0
    const next = out.replace(pattern, replacement)
    if (next !== out) {
      out = next
      lower = out.toLowerCase()
    }
  }
  if (out === text) return out
  if (!orphan) orphan = ORPHAN()
  orphan.lastIndex = 0
  return out.replace(orphan, '$1***')
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
