// The built bin and the built declarations, as an installed package has them.
import * as path from 'path'
import { spawnSync, execFileSync } from 'child_process'
import { createRequire } from 'module'

const root = path.resolve(__dirname, '../..')
const tsc = createRequire(__filename).resolve('typescript/bin/tsc')

jest.setTimeout(120000)

describe('the bin', () => {
  test('the installed bin runs the built CLI (exit codes reach the shell)', () => {
    const bin = path.join(root, 'bin/miniprogram-errno.js')
    const ok = spawnSync(process.execPath, [bin, 'explain', '1505002', '--lang', 'en'], { encoding: 'utf8' })
    expect(ok.status).toBe(0)
    expect(ok.stdout).toContain('Wi-Fi is turned off')
    const bad = spawnSync(process.execPath, [bin, 'explain', 'banana'], { encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
  })

  test('--version prints the package version (the build puts it in dist/cli.cjs)', () => {
    const printed = execFileSync(process.execPath, [path.join(root, 'bin/miniprogram-errno.js'), '--version'], { encoding: 'utf8' }).trim()
    expect(printed).toBe(require('../../package.json').version)
  })
})

test.each([
  ['a strict consumer with Node16 resolution (ESM and CommonJS files, built .d.ts/.d.mts)', 'test/consumer/tsconfig.node16.json'],
  ['a strict consumer with Bundler resolution', 'test/consumer/tsconfig.bundler.json'],
])('%s compiles', (_, project) => {
  const run = spawnSync(process.execPath, [tsc, '-p', path.join(root, project)], { cwd: root, encoding: 'utf8' })
  expect({ status: run.status, output: (run.stdout + run.stderr).trim() }).toEqual({ status: 0, output: '' })
})
