// Type tests and strict consumers, compiled by the real tsc.
import * as path from 'path'
import { createRequire } from 'module'
import { spawnSync } from 'child_process'

const root = path.resolve(__dirname, '..')
const tsc = createRequire(__filename).resolve('typescript/bin/tsc')

function compile(project: string) {
  const run = spawnSync(process.execPath, [tsc, '-p', path.join(root, project)], { cwd: root, encoding: 'utf8' })
  return { status: run.status, output: (run.stdout + run.stderr).trim() }
}

jest.setTimeout(120000)

test.each([
  ['promise, error and event types derived from miniprogram-api-typings', 'test/types/tsconfig.json'],
  ['the library and the tests', 'test/tsconfig.json'],
])('%s compile', (_, project) => {
  expect(compile(project)).toEqual({ status: 0, output: '' })
})
