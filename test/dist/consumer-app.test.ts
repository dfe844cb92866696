// A consumer mini-program built on the packed tarball as a new user would (issue #14): npm pack → install into a
// fresh project → strict TypeScript under node10 (module: commonjs), bundler and a Node backend without
// miniprogram-api-typings → miniprogram-ci packNpmManually → a flow run on the packed copy. Every TypeScript
// sample of the README compiles there too.
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { execFileSync, spawnSync } from 'child_process'
import { createRequire } from 'module'

const root = path.resolve(__dirname, '../..')
const tsc = createRequire(__filename).resolve('typescript/bin/tsc')
let app = ''
let work = ''

jest.setTimeout(240000)

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'miniprogram-errno-consumer-'))
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0]
  app = path.join(work, 'app')
  fs.cpSync(path.join(root, 'test', 'consumer-app'), app, { recursive: true })
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'consumer-app', version: '1.0.0', private: true, dependencies: { 'miniprogram-errno': 'file:../' + packed.filename } }))
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--offline', '--no-package-lock', '--legacy-peer-deps'], { cwd: app, stdio: 'ignore' })
  // The typings a mini-program project has installed (the package's peer dependency).
  fs.symlinkSync(path.join(root, 'node_modules', 'miniprogram-api-typings'), path.join(app, 'node_modules', 'miniprogram-api-typings'), 'dir')
  // Every ```ts block of the README, as a file of its own.
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
  const samples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1])
  fs.mkdirSync(path.join(app, 'readme'))
  samples.forEach((code, i) => fs.writeFileSync(path.join(app, 'readme', `sample-${i + 1}.ts`), code + '\nexport {}\n'))
})

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true })
})

function compile(project: string) {
  const run = spawnSync(process.execPath, [tsc, '-p', path.join(app, project)], { cwd: app, encoding: 'utf8' })
  return { status: run.status, output: (run.stdout + run.stderr).trim() }
}

test('the README has TypeScript samples to check', () => {
  expect(fs.readdirSync(path.join(app, 'readme')).length).toBeGreaterThanOrEqual(6)
})

test.each([
  ['pages and README samples, module commonjs (node10 resolution, what most mini-program projects use)', 'tsconfig.node10.json'],
  ['pages, bundler resolution (Taro, uni-app, weapp-vite)', 'tsconfig.bundler.json'],
  ['a Node backend using miniprogram-errno/server without miniprogram-api-typings', 'tsconfig.server.json'],
])('%s compile against the packed tarball', (_label, project) => {
  expect(compile(project)).toEqual({ status: 0, output: '' })
})

test('Build npm (packNpmManually) ships only this package, and the iOS-safe BLE flow works on the packed copy', async () => {
  const ci = require('miniprogram-ci')
  await ci.packNpmManually({ packageJsonPath: path.join(app, 'package.json'), miniprogramNpmDistDir: app })
  expect(fs.readdirSync(path.join(app, 'miniprogram_npm'))).toEqual(['miniprogram-errno'])
  const lib = require(path.join(app, 'miniprogram_npm', 'miniprogram-errno', 'index.js'))
  const { createFakeWx } = require(path.join(app, 'node_modules', 'miniprogram-errno', 'dist', 'testing.cjs'))
  for (const platform of ['ios', 'android']) {
    const fake = createFakeWx({ platform })
    const wxp = lib.createWxp(fake)
    await wxp.openBluetoothAdapter()
    await wxp.createBLEConnection({ deviceId: 'AA' })
    const writer = lib.createBLEWriter({ deviceId: 'AA', serviceId: 'S', characteristicId: 'C', wx: fake })
    expect(await writer.negotiateMTU(185)).toBe(185)
    await writer.write(new Uint8Array(400))
    expect([platform, fake.callsOf('setBLEMTU').length]).toEqual([platform, platform === 'android' ? 1 : 0])
    expect(fake.callsOf('writeBLECharacteristicValue')).toHaveLength(3) // 182-byte payloads
  }
})
