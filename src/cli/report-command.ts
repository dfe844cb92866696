// `miniprogram-errno report <file> [--out report.html] [--lang zh_CN|zh_TW|en]` (Node only).
import { collect, buildReport } from './report'
import type { FailureRecord } from './report'
import { renderReport } from './report-html'
import { UsageError, echo } from './explain'
import type { Locale } from '../errno/types'

// Node's fs and path, typed here: the library's own tsconfig has no Node types (it targets the mini-program runtime).
declare const require: { (id: string): any; resolve(id: string): string }
declare const __dirname: string
const fs: {
  readFileSync(file: string, encoding: 'utf8'): string
  writeFileSync(file: string, data: string): void
  existsSync(file: string): boolean
} = require('fs')
const path: { join(...parts: string[]): string; basename(file: string): string; dirname(file: string): string } =
  require('path')

const n = (value: number) => value.toLocaleString('en')

interface Io {
  out: (line: string) => void
  err: (line: string) => void
}

/** Chart.js's UMD build: the copy the package ships (dist/vendor), else the one installed beside it. */
function chartJsSource(): string {
  const shipped = path.join(__dirname, 'vendor', 'chart.umd.js')
  if (fs.existsSync(shipped)) return fs.readFileSync(shipped, 'utf8')
  // chart.js's exports map lists no UMD path: find its dist folder from its main file.
  return fs.readFileSync(path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.js'), 'utf8')
}

/** Every value of a JSON file, or of a JSON-lines file (one value per line; lines that are not JSON are skipped). */
export function readRecords(text: string, io: Io): FailureRecord[] {
  const records: FailureRecord[] = []
  const add = (record: FailureRecord) => {
    records.push(record)
  }
  try {
    collect(JSON.parse(text), add)
    return records
  } catch (error) {
    // not one JSON value: JSON lines
  }
  let skipped = 0
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue
    try {
      collect(JSON.parse(line), add)
    } catch (error) {
      skipped++
    }
  }
  if (skipped) io.err(`report: ${n(skipped)} lines were not JSON and were skipped`)
  return records
}

export function runReport(file: string | undefined, out: string | undefined, locale: Locale, io: Io): number {
  if (!file) throw new UsageError('report needs a file: the realtime-log search JSON or the reporter entries')
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read '${echo(file)}': ${(error as Error).message}`)
  }
  const started = Date.now()
  io.err(`report: reading ${echo(file)} (${n(text.length)} characters)`)
  const records = readRecords(text, io)
  if (!records.length) {
    io.err(`report: no failures found in '${echo(file)}'`)
    return 1
  }
  const report = buildReport(records, path.basename(file), (done, total) => {
    io.err(`report: ${n(done)} of ${n(total)} failures decoded (${Math.round((done / total) * 100)}%)`)
  })
  const target = out || file.replace(/\.(json|jsonl|ndjson|txt|log)$/i, '') + '.report.html'
  fs.writeFileSync(target, renderReport(report, locale, chartJsSource()))
  io.out(`${target}: ${n(records.length)} failures, ${report.byCode.length} top codes (${Date.now() - started} ms)`)
  return 0
}
