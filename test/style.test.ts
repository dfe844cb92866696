// The house rules a formatter cannot keep: no line over 120 characters and no module over 300 lines in the
// hand-written source (generated modules are data, one row per line). `npm test` runs Biome (lint and format) first.
import * as fs from 'fs'
import * as path from 'path'

const root = path.resolve(__dirname, '..')
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(full)
    return entry.name.endsWith('.ts') ? [full] : []
  })
}
const files = sources(path.join(root, 'src')).concat(sources(path.join(root, 'components')))

test('there are sources to check', () => {
  expect(files.length).toBeGreaterThan(40)
})

test.each(files.map((f) => [path.relative(root, f), f]))('%s: lines of at most 120 characters, at most 300 lines', (_, file) => {
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  expect(lines.map((line, i) => [i + 1, line.length]).filter(([, length]) => length > 120)).toEqual([])
  expect(lines.length).toBeLessThanOrEqual(300)
})
