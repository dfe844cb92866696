// The `miniprogram-errno` command: explain and search codes.
import { toErrnoError, legacyTableName, legacyCodeToErrno, parseErrMsg, own } from '../errno/normalize'
import { ErrnoError } from '../errno/ErrnoError'
import { decodeErrno } from '../errno/decode'
import { lookupErrno, allErrnos, ERRNO_MEANINGS, errnoName } from '../texts/index'
import { getPolicy } from '../policy/policy'
import { getGuidance } from '../guidance/guidance'
import { WX_CLOUD_NUMERIC, SERVER_CODES, CLOUD_CODES, LEGACY_TEXTS, ERRNO_POLICY_REASONS, BEYOND_POLICY_REASONS } from '../texts/tables'
import { toWxServerError } from '../errors/WxServerError'
import { toCloudError } from '../errors/CloudError'
import type { Locale, Localized } from '../errno/types'
import type { ErrorKind } from '../errno/policy-table'

const LOCALES: Locale[] = ['zh_CN', 'zh_TW', 'en']
type Platform = 'ios' | 'android'

/** What each ErrorKind means, for `explain`. */
const BLAME: { [K in ErrorKind]: string } = {
  cancel: 'the user chose to stop',
  user: 'the user can fix it',
  developer: "the app's code or configuration is wrong",
  system: 'the phone, the OS or WeChat cannot do it',
  network: 'the connection failed',
  service: 'a server answered with an error',
  unknown: 'nothing says who',
}

export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
}

class UsageError extends Error {}

/** The package version, set by the build from package.json. */
declare const __VERSION__: string
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'

const USAGE = [
  'usage: miniprogram-errno explain <errno | errMsg | legacy errCode | server errcode | cloud code> [--lang zh_CN|zh_TW|en] [--platform ios|android] [--json]',
  '       miniprogram-errno search <words…> [--lang zh_CN|zh_TW|en] [--json]',
  '       miniprogram-errno --version',
]

/** Input as it may be printed back: control characters (ESC, BEL, CR, U+202E …) escaped, at most 200 characters. */
function echo(input: string): string {
  const escaped = input.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4))
  return escaped.length > 200 ? escaped.slice(0, 200) + '…' : escaped
}

function parseInput(input: string) {
  const text = input.trim()
  if (/^-?\d+$/.test(text)) {
    const code = Number(text)
    if (code === 0) return new ErrnoError({ errno: 0, errMsg: 'ok' }) // the catalogue's errno 0 (ok)
    if (legacyTableName(code) !== undefined || code === -1) return toErrnoError({ errCode: code, errMsg: '' })
    if (lookupErrno(code) || (code >= 0 && code <= 9999999)) return toErrnoError({ errno: code, errMsg: '' })
    throw new UsageError(`cannot read '${echo(input)}': ${code} is not an errno (0 to 9999999) or a legacy errCode`)
  }
  if (parseErrMsg(text).api !== undefined) return toErrnoError(text)
  throw new UsageError(`cannot read '${echo(input)}': give an errno (1500102), a legacy errCode (10001) or an errMsg ('openBluetoothAdapter:fail:not available')`)
}

function explain(input: string, platform: Platform) {
  const error = parseInput(input)
  const entry = lookupErrno(error.errno)
  const decoded = decodeErrno(error.errno)
  const policy = getPolicy(error)
  const legacy = error.errCode !== undefined ? LEGACY_TEXTS()[error.errCode] : undefined
  const guidance: { [L in Locale]?: ReturnType<typeof getGuidance> } = {}
  // No wx: the guidance as the platform's client would show it (every action it has), not as a bare object would.
  for (const locale of LOCALES) guidance[locale] = getGuidance(error, { locale, platform })
  return {
    input: echo(input),
    errno: error.errno,
    name: entry ? entry.name : undefined,
    known: error.known,
    errMsg: entry ? entry.errMsg : undefined,
    api: error.api,
    errCode: error.errCode,
    legacy: legacy ? { table: legacyTableName(error.errCode as number), errMsg: legacy[1], meaning: { zh_CN: legacy[2], zh_TW: legacy[3], en: legacy[4] }, errno: legacyCodeToErrno(error.errCode as number) } : undefined,
    first: decoded.first,
    second: decoded.second,
    specific: decoded.specific,
    category: decoded.category,
    subcategory: decoded.subcategory,
    meaning: entry ? entry.message : undefined,
    policy: { kind: policy.kind, delayMs: policy.delayMs, reason: ERRNO_POLICY_REASONS()[error.errno] },
    blame: error.kind,
    guidance,
  }
}

/** WeChat server errcodes (40029) and cloud codes (DATABASE_TIMEOUT), when the input is one and not an errno. */
function explainBeyond(input: string, platform: Platform) {
  const text = input.trim()
  const error = /^-?\d+$/.test(text) && SERVER_CODES()[text] && !lookupErrno(Number(text)) && legacyTableName(Number(text)) === undefined
    ? toWxServerError({ errcode: Number(text), errmsg: '' })
    : own(CLOUD_CODES(), text) ? toCloudError({ code: text })
      : /^-\d+$/.test(text) && text !== '-1' && own(WX_CLOUD_NUMERIC(), text) ? toCloudError({ errCode: Number(text), errMsg: '' }) : undefined
  if (!error) return undefined
  const cloudRow = error.name === 'CloudError' ? own(CLOUD_CODES(), error.code) : undefined
  const policy = getPolicy(error)
  const row = error.name === 'WxServerError' ? SERVER_CODES()[text] : undefined
  const guidance: { [L in Locale]?: ReturnType<typeof getGuidance> } = {}
  // No wx: the guidance as the platform's client would show it (every action it has), not as a bare object would.
  for (const locale of LOCALES) guidance[locale] = getGuidance(error, { locale, platform })
  return {
    input: echo(input),
    kind: error.name === 'WxServerError' ? 'WeChat server errcode' : 'cloud development code',
    code: error.name === 'CloudError' && error.code !== text ? text + ' (' + error.code + ')' : text,
    name: error.name === 'WxServerError' ? error.code : error.group,
    meaning: error.meaning,
    cause: error.name === 'WxServerError' ? error.reason : undefined,
    fix: error.name === 'WxServerError' ? error.fix : undefined,
    policy: { kind: policy.kind, delayMs: policy.delayMs, reason: row ? BEYOND_POLICY_REASONS()['errcode ' + text] : cloudRow && error.name === 'CloudError' ? BEYOND_POLICY_REASONS()[error.code] : undefined },
    blame: error.kind,
    guidance,
  }
}

function printBeyond(result: NonNullable<ReturnType<typeof explainBeyond>>, locales: Locale[], io: CliIo) {
  io.out(`${result.kind} ${result.code}${result.name ? ' ' + result.name : ''}`)
  const lines: Array<[string, Localized | undefined]> = [['', result.meaning], ['cause ', result.cause], ['fix ', result.fix]]
  for (const [label, text] of lines) if (text) for (const locale of locales) io.out(`  ${(label + locale).padEnd(10)} ${text[locale]}`)
  io.out(`  policy     ${result.policy.kind}${result.policy.delayMs ? ` (retry after ${result.policy.delayMs} ms)` : ''}${result.policy.reason ? ' — ' + result.policy.reason : ''}`)
  io.out(`  kind       ${result.blame} (${BLAME[result.blame]})`)
  for (const locale of locales) {
    const g = result.guidance[locale]
    if (g) io.out(`  guidance   [${locale}] ${g.title}: ${g.content}${g.action ? `  [${g.confirmText} → ${g.action}]` : ''}`)
  }
}

function pad(code: number) {
  return code < 0 ? '-' : String(code).padStart(2, '0')
}

function printExplain(result: ReturnType<typeof explain>, locales: Locale[], io: CliIo) {
  io.out(`errno ${result.errno}${result.name ? ' ' + result.name : ''}${result.known ? '' : ' (not in the catalogue)'}`)
  if (result.errMsg !== undefined) io.out(`  errMsg     ${result.errMsg || '(none listed)'}`)
  if (result.api) io.out(`  api        ${result.api}`)
  io.out(`  decode     ${pad(result.first)} / ${pad(result.second)} / ${result.specific < 0 ? '-' : String(result.specific).padStart(3, '0')}  ${result.category.name.en} › ${result.subcategory.name.en}${result.subcategory.inferred ? ' (inferred)' : ''}`)
  if (result.legacy) io.out(`  errCode    ${result.errCode} (${result.legacy.table}): ${result.legacy.meaning.en}${result.legacy.errno === undefined ? ' — no errno equivalent' : ''}`)
  else if (result.errCode !== undefined) io.out(`  errCode    ${result.errCode}`)
  if (result.meaning) for (const locale of locales) io.out(`  ${locale.padEnd(10)} ${result.meaning[locale]}`)
  io.out(`  policy     ${result.policy.kind}${result.policy.delayMs ? ` (retry after ${result.policy.delayMs} ms)` : ''}${result.policy.reason ? ' — ' + result.policy.reason : ''}`)
  io.out(`  kind       ${result.blame} (${BLAME[result.blame]})`)
  for (const locale of locales) {
    const g = result.guidance[locale]
    if (!g) continue
    io.out(`  guidance   [${locale}] ${g.title}: ${g.content}${g.action ? `  [${g.confirmText} → ${g.action}]` : ''}`)
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Codes whose number, name, errMsg, meanings or category names (every locale) hold every word: a Latin word
 * matches whole words (BLE is not the "ble" of "available"), Chinese matches anywhere (蓝牙 finds 低功耗蓝牙).
 */
function search(words: string[], locales: Locale[]) {
  const needles = words.map((w) => (/^[\x00-\x7f]+$/.test(w) ? new RegExp('(^|[^a-z0-9])' + escapeRegExp(w.toLowerCase()) + '($|[^a-z0-9])') : w.toLowerCase()))
  const hits: Array<{ errno: number; name: string; meaning: string }> = []
  for (const errno of allErrnos()) {
    const entry = lookupErrno(errno)
    if (!entry) continue
    const names = [entry.category.name, entry.subcategory.name].map((n) => [n.en, n.zh_CN, n.zh_TW].join(' '))
    const haystack = [String(errno), entry.name.replace(/_/g, ' '), entry.errMsg, entry.message.en, entry.message.zh_CN, entry.message.zh_TW].concat(names).join(' ').toLowerCase()
    if (needles.every((n) => (typeof n === 'string' ? haystack.indexOf(n) >= 0 : n.test(haystack)))) hits.push({ errno, name: errnoName(errno) as string, meaning: ERRNO_MEANINGS[locales[0]]()[errno] })
  }
  return hits
}

/** Runs the CLI; returns the exit code (0 ok, 1 nothing found, 2 bad input). */
export function runCli(argv: string[], io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) }): number {
  const args = argv.slice()
  const json = args.indexOf('--json') >= 0
  let locales = LOCALES
  let platform: Platform = 'android'
  const langAt = args.indexOf('--lang')
  try {
    const platformAt = args.indexOf('--platform')
    if (platformAt >= 0) {
      const value = args[platformAt + 1]
      if (value !== 'ios' && value !== 'android') throw new UsageError(`--platform takes ios or android, got '${value === undefined ? '' : echo(value)}'`)
      platform = value
      args.splice(platformAt, 2)
    }
    if (langAt >= 0) {
      const lang = args[langAt + 1]
      if (LOCALES.indexOf(lang as Locale) < 0) throw new UsageError(`--lang takes zh_CN, zh_TW or en, got '${lang === undefined ? '' : echo(lang)}'`)
      locales = [lang as Locale]
      args.splice(langAt, 2)
    }
    const rest = args.filter((a) => a !== '--json')
    const command = rest.shift()
    if (command === 'explain') {
      if (rest.length === 0) throw new UsageError('explain needs an errno, an errMsg or a legacy errCode')
      const input = rest.join(' ')
      const beyond = explainBeyond(input, platform)
      const result = beyond || explain(input, platform)
      if (json) io.out(JSON.stringify(result, null, 2))
      else if (beyond) printBeyond(beyond, locales, io)
      else printExplain(result as ReturnType<typeof explain>, locales, io)
      return 0
    }
    if (command === 'search') {
      if (rest.length === 0) throw new UsageError('search needs words')
      const hits = search(rest, locales)
      if (json) io.out(JSON.stringify(hits, null, 2))
      else if (!hits.length) io.err(`miniprogram-errno: no errno matches '${echo(rest.join(' '))}' (search looks in codes, names, errMsg and meanings in every locale)`)
      else for (const hit of hits) io.out(`${String(hit.errno).padStart(7)}  ${hit.name.padEnd(40)} ${hit.meaning}`)
      return hits.length ? 0 : 1
    }
    if (command === '--version' || command === '-v' || command === 'version') {
      io.out(VERSION)
      return 0
    }
    if (command === undefined) {
      // No command: the usage, on stderr, and exit 2 (a mistake in the call).
      USAGE.forEach((line) => io.err(line))
      return 2
    }
    if (command === '--help' || command === 'help') {
      USAGE.forEach((line) => io.out(line))
      return 0
    }
    throw new UsageError(`unknown command '${echo(String(command))}'`)
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`miniprogram-errno: ${error.message}`)
      return 2
    }
    throw error
  }
}
