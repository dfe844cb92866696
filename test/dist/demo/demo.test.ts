import * as fs from 'fs'
import * as path from 'path'

// The same scenarios `npm run demo` prints, against the package packed by miniprogram-ci.
const runner = require('../../../scripts/demo-runner')
const root = path.resolve(__dirname, '../../..')

jest.setTimeout(60000)

describe('demo mini-program', () => {
  // `npm run demo` as the user runs it, in a child process (the real Node module system): it packs
  // the library with packNpmManually and runs every scenario; the tests below read what it left.
  let run: { status: number | null; stdout: string; stderr: string }
  beforeAll(() => {
    const { spawnSync } = require('child_process')
    run = spawnSync(process.execPath, [path.join(root, 'scripts/demo.js')], { cwd: root, encoding: 'utf8', timeout: 120000 })
  })

  test('packNpmManually put the library and its component into miniprogram_npm', () => {
    const packed = path.join(root, 'demo-miniprogram/miniprogram_npm/miniprogram-errno')
    for (const file of ['index.js', 'guidance.js', 'texts/decoding.js', 'texts/guidance.zh_CN.js', 'guidance-dialog/index.js', 'guidance-dialog/index.wxml', 'guidance-dialog/index.json', 'guidance-dialog/index.wxss']) {
      expect(fs.existsSync(path.join(packed, file))).toBe(true)
    }
  })

  test('every page in app.json exists with its four files, and usingComponents resolve after the pack', () => {
    const pages: string[] = runner.pages()
    expect(pages.length).toBe(10)
    for (const page of pages) {
      for (const ext of ['js', 'json', 'wxml', 'wxss']) expect(fs.existsSync(path.join(root, 'demo-miniprogram', `${page}.${ext}`))).toBe(true)
      const json = JSON.parse(fs.readFileSync(path.join(root, 'demo-miniprogram', `${page}.json`), 'utf8'))
      for (const target of Object.values(json.usingComponents || {}) as string[]) {
        expect(fs.existsSync(path.join(root, 'demo-miniprogram/miniprogram_npm', `${target}.json`))).toBe(true)
      }
    }
  })

  test('project.config.json opens the demo and builds npm into it', () => {
    const config = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8'))
    expect(config).toMatchObject({ miniprogramRoot: 'demo-miniprogram/', appid: 'touristappid' })
    expect(config.setting.packNpmManually).toBe(true)
    expect(config.setting.packNpmRelationList[0].miniprogramNpmDistDir).toBe('./demo-miniprogram/')
  })

  test('npm run demo: every page loads and every scenario behaves', () => {
    expect(run.stderr.split('\n').filter((l: string) => l.startsWith('FAILED'))).toEqual([])
    expect(run.status).toBe(0)
    expect(run.stdout.match(/^loaded /gm)).toHaveLength(10)
    expect(run.stdout).toContain('蓝牙未开启')
    expect(run.stdout).toContain('openSystemBluetoothSetting: ok')
    expect(run.stdout).toContain('explorer · "10001" → errno 1500102 BLUETOOTH_ADAPTER_UNAVAILABLE')
    expect(run.stdout).toMatch(/\d+ scenarios, all as expected/)
    // wx.cloud through wxp: a CloudError; offline it is a network failure with a retry.
    expect(run.stdout).toMatch(/cloud · callFunction · offline .* CloudError -1 .* "Network problem"/)
    // The demo ends with the explorer and a report of a generated realtime log.
    expect(run.stdout).toContain('errno explorer: site/explorer/index.html')
    expect(run.stdout).toContain('failure report of 100,000 generated realtime-log failures: site/report.html')
  })
})

describe('WXML compiles with wcc (miniprogram-compiler)', () => {
  const compiler = require('miniprogram-compiler')
  const pages: string[] = runner.pages()
  test.each(pages)('demo %s', (page) => {
    expect(() => compiler.wxmlToJs(path.join(root, 'demo-miniprogram'), { wxmlList: [`${page}.wxml`] })).not.toThrow()
  })
  test('guidance-dialog', () => {
    expect(() => compiler.wxmlToJs(path.join(root, 'components/guidance-dialog'), { wxmlList: ['index.wxml'] })).not.toThrow()
  })
  test('a broken template is caught (the check can fail)', () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'wxml-'))
    fs.writeFileSync(path.join(dir, 'bad.wxml'), '<view><text>{{a}}</text>')
    expect(() => compiler.wxmlToJs(dir, { wxmlList: ['bad.wxml'] })).toThrow(/end tag missing/)
  })
})
