// The `miniprogram-errno` command: explain and search codes.
import { explain, explainBeyond, jsonInput, search, echo, UsageError, LOCALES } from './explain'
import { runReport } from './report-command'
import { parseCommandLine } from './args'
import type { Platform } from './explain'
import type { Locale, LocalizedText } from '../errno/types'
import type { ErrorKind } from '../errno/policy-table'

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

/** The package version, set by the build from package.json. */
declare const __VERSION__: string
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'

const USAGE = [
  'usage: miniprogram-errno explain <errno | errMsg | legacy errCode | server errcode | cloud code | failure as JSON>',
  '                                 [--lang zh_CN|zh_TW|en] [--platform ios|android] [--json]',
  '       miniprogram-errno search <words…> [--lang zh_CN|zh_TW|en] [--json]',
  '       miniprogram-errno report <realtime-log.json> [--out report.html] [--lang zh_CN|zh_TW|en]',
  '       miniprogram-errno --version',
]

function printBeyond(result: NonNullable<ReturnType<typeof explainBeyond>>, locales: Locale[], io: CliIo) {
  io.out(`${result.kind} ${result.code}${result.name ? ' ' + result.name : ''}`)
  const lines: Array<[string, LocalizedText | undefined]> = [
    ['', result.meaning],
    ['cause ', result.cause],
    ['fix ', result.fix],
  ]
  for (const [label, text] of lines)
    if (text) for (const locale of locales) io.out(`  ${(label + locale).padEnd(10)} ${text[locale] || text.en}`)
  io.out(`  policy     ${policyLine(result.policy)}`)
  io.out(`  kind       ${result.blame} (${BLAME[result.blame]})`)
  for (const locale of locales) {
    const g = result.guidance[locale]
    if (g)
      io.out(`  guidance   [${locale}] ${g.title}: ${g.content}${g.action ? `  [${g.confirmText} → ${g.action}]` : ''}`)
  }
}

function policyLine(policy: { kind: string; delayMs?: number; reason?: string }): string {
  return (
    policy.kind +
    (policy.delayMs ? ` (retry after ${policy.delayMs} ms)` : '') +
    (policy.reason ? ' — ' + policy.reason : '')
  )
}

function specific(code: number): string {
  return code < 0 ? '-' : String(code).padStart(3, '0')
}

function pad(code: number) {
  return code < 0 ? '-' : String(code).padStart(2, '0')
}

function printExplain(result: ReturnType<typeof explain>, locales: Locale[], io: CliIo) {
  io.out(`errno ${result.errno}${result.name ? ' ' + result.name : ''}${result.known ? '' : ' (not in the catalogue)'}`)
  if (result.errMsg !== undefined) io.out(`  errMsg     ${result.errMsg || '(none listed)'}`)
  if (result.api) io.out(`  api        ${result.api}`)
  io.out(
    `  decode     ${pad(result.first)} / ${pad(result.second)} / ${specific(result.specific)}  ` +
      `${result.category.name.en} › ${result.subcategory.name.en}${result.subcategory.inferred ? ' (inferred)' : ''}`,
  )
  if (result.legacy)
    io.out(
      `  errCode    ${result.errCode} (${result.legacy.table}): ${result.legacy.meaning.en}` +
        (result.legacy.errno === undefined ? ' — no errno equivalent' : ''),
    )
  else if (result.errCode !== undefined) io.out(`  errCode    ${result.errCode}`)
  if (result.meaning)
    for (const locale of locales) io.out(`  ${locale.padEnd(10)} ${result.meaning[locale] || result.meaning.en}`)
  if (result.reason) io.out(`  reason     ${result.reason}`)
  io.out(`  policy     ${policyLine(result.policy)}`)
  io.out(`  kind       ${result.blame} (${BLAME[result.blame]})`)
  for (const locale of locales) {
    const g = result.guidance[locale]
    if (!g) continue
    io.out(`  guidance   [${locale}] ${g.title}: ${g.content}${g.action ? `  [${g.confirmText} → ${g.action}]` : ''}`)
  }
}

/** Runs the CLI; returns the exit code (0 ok, 1 nothing found, 2 bad input). */
export function runCli(
  argv: string[],
  io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) },
): number {
  let locales = LOCALES
  let platform: Platform = 'android'
  try {
    const { values, rest } = parseCommandLine(argv)
    const json = values.json === true
    if (values.platform !== undefined) {
      const value = values.platform
      if (value !== 'ios' && value !== 'android')
        throw new UsageError(`--platform takes ios or android, got '${echo(value)}'`)
      platform = value
    }
    if (values.lang !== undefined) {
      if (LOCALES.indexOf(values.lang as Locale) < 0)
        throw new UsageError(`--lang takes zh_CN, zh_TW or en, got '${echo(values.lang)}'`)
      locales = [values.lang as Locale]
    }
    const out = values.out
    if (out === '') throw new UsageError('--out takes a file name')
    const command = rest.shift()
    if (command === 'report') return runReport(rest[0], out, values.lang !== undefined ? locales[0] : 'en', io)
    if (command === 'explain') {
      if (rest.length === 0) throw new UsageError('explain needs an errno, an errMsg or a legacy errCode')
      const input = rest.join(' ')
      const pasted = jsonInput(input) // a failure pasted as JSON, read once for both
      const beyond = explainBeyond(input, pasted, platform)
      const result = beyond || explain(input, pasted, platform)
      if (json) io.out(JSON.stringify(result, null, 2))
      else if (beyond) printBeyond(beyond, locales, io)
      else printExplain(result as ReturnType<typeof explain>, locales, io)
      return 0
    }
    if (command === 'search') {
      if (rest.length === 0) throw new UsageError('search needs words')
      const hits = search(rest, locales)
      if (json) io.out(JSON.stringify(hits, null, 2))
      else if (!hits.length)
        io.err(
          `miniprogram-errno: no errno matches '${echo(rest.join(' '))}' ` +
            '(search looks in codes, names, errMsg and meanings in every locale)',
        )
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
