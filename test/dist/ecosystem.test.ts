// The library inside the real Taro and uni-app runtimes (test/ecosystem: @tarojs/taro 4 with the weapp platform
// plugin, @dcloudio/uni-mp-weixin in its Vue 3 and Vue 2 promise styles), with createFakeWx as the global wx.
// The folder has its own lock; it is installed here with npm ci when missing.
import { execFileSync, spawnSync } from 'child_process'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'

const dir = path.join(__dirname, '..', 'ecosystem')
const root = path.join(__dirname, '..', '..')

beforeAll(() => {
  if (!['@tarojs/taro', 'typescript'].every((name) => fs.existsSync(path.join(dir, 'node_modules', name))))
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' })
}, 300000)

function run(framework: string): any {
  return JSON.parse(execFileSync(process.execPath, [path.join(dir, 'frameworks.mjs'), framework], { encoding: 'utf8' }))
}

describe.each(['taro', 'uni-vue3', 'uni-vue2'])('%s', (framework) => {
  let out: any
  beforeAll(() => {
    out = run(framework)
  }, 60000)

  test("the framework's own promise fails with the raw wx object; toErrnoError decodes it (uni Vue 2: the [err] pair)", () => {
    expect(out.ownPromise.raw).toMatchObject({ errMsg: 'openBluetoothAdapter:fail:not available', errCode: 10001 })
    expect(out.ownPromise.decoded).toMatchObject({ name: 'ErrnoError', errno: 1500102, isErrnoError: true })
    if (framework === 'uni-vue2') expect(out.ownPromise.resolvedWithTuple).toBe(true)
  })

  test('createWxp(framework) rejects with an ErrnoError, and guidance reads it', () => {
    expect(out.createWxp).toMatchObject({ name: 'ErrnoError', errno: 1500102, cancel: false })
    expect(out.guidance).toMatchObject({ source: 'bluetooth-off', icon: 'bluetooth' })
  })

  test('a user cancel is told apart by isCancel, raw or wrapped, and nothing is left unhandled', () => {
    expect(out.cancel.wrapped).toMatchObject({ errno: 1, cancel: true })
    expect(out.cancel.raw).toBe(true)
    expect(out.unhandled).toEqual([])
  })

  test('the cloud the framework hands out rejects with a CloudError through createWxp', () => {
    expect(out.cloud).toMatchObject({ name: 'CloudError', isCloudError: true })
  })

  test('each wrapped failure reaches onFailure once; a success is unchanged', () => {
    expect(out.heard).toEqual(['ErrnoError', 'ErrnoError', 'CloudError'])
    expect(out.success).toBe('getStorageInfo:ok')
  })
})

// TypeScript 4.9 (test/ecosystem), for apps not yet on 5: the consumer of test/consumer, strict, through the exports map.
// The package is linked into a fresh project's node_modules: TypeScript 4 does not resolve a package's own name.
test('a strict consumer on TypeScript 4.9 compiles against the built declarations (Node16 resolution)', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'miniprogram-errno-ts4-'))
  try {
    fs.mkdirSync(path.join(work, 'node_modules'))
    fs.symlinkSync(root, path.join(work, 'node_modules', 'miniprogram-errno'), 'dir')
    const typings = path.join(root, 'node_modules', 'miniprogram-api-typings')
    fs.symlinkSync(typings, path.join(work, 'node_modules', 'miniprogram-api-typings'), 'dir')
    for (const file of ['consumer.mts', 'consumer.cts']) fs.copyFileSync(path.join(root, 'test', 'consumer', file), path.join(work, file))
    fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'ts4-consumer', private: true }))
    const compilerOptions = {
      strict: true, noEmit: true, module: 'Node16', moduleResolution: 'Node16', target: 'ES2020', lib: ['ES2020'],
      skipLibCheck: false, types: ['miniprogram-api-typings'], exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true,
    }
    fs.writeFileSync(path.join(work, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.mts', 'consumer.cts'] }))
    const tsc = path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc')
    expect(execFileSync(process.execPath, [tsc, '-v'], { encoding: 'utf8' }).trim()).toBe('Version 4.9.5')
    const run = spawnSync(process.execPath, [tsc, '-p', work], { encoding: 'utf8' })
    expect({ status: run.status, output: (run.stdout + run.stderr).trim() }).toEqual({ status: 0, output: '' })
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}, 120000)
