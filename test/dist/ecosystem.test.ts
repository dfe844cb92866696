// The library inside the real Taro and uni-app runtimes (test/ecosystem: @tarojs/taro 4 with the weapp platform
// plugin, @dcloudio/uni-mp-weixin in its Vue 3 and Vue 2 promise styles), with createFakeWx as the global wx.
// The folder has its own lock; it is installed here with npm ci when missing.
import { execFileSync } from 'child_process'
import * as fs from 'fs'
import * as path from 'path'

const dir = path.join(__dirname, '..', 'ecosystem')

beforeAll(() => {
  if (!fs.existsSync(path.join(dir, 'node_modules', '@tarojs', 'taro')))
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
