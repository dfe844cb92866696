// The errno explorer and the failure report in a real headless Chromium (Debian's chromium, which .ci/run installs;
// or CHROMIUM_PATH), driven by playwright-core. The explorer is served over HTTP as any static host would serve it;
// the report is opened from the file it was written to. Screenshots go to site/screenshots/.
import { execFileSync } from 'child_process'
import * as fs from 'fs'
import * as http from 'http'
import * as path from 'path'
import type { AddressInfo } from 'net'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'

const root = path.join(__dirname, '..', '..')
const site = path.join(root, 'site', 'test')
const shots = path.join(root, 'site', 'screenshots')
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (file) => file && fs.existsSync(file),
)
const TYPES: { [ext: string]: string } = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' }

let browser: Browser
let server: http.Server
let base: string

beforeAll(async () => {
  if (!executablePath) throw new Error('no Chromium: install Debian chromium (apt-get install chromium), as .ci/run does, or set CHROMIUM_PATH')
  fs.rmSync(site, { recursive: true, force: true })
  fs.mkdirSync(shots, { recursive: true })
  execFileSync(process.execPath, [path.join(root, 'scripts', 'explorer.js'), path.join(site, 'explorer')])
  // A static server: files of the folder, nothing else.
  server = http.createServer((request, response) => {
    const file = path.join(site, 'explorer', decodeURIComponent((request.url || '/').split(/[?#]/)[0]).replace(/\/$/, '/index.html'))
    if (!file.startsWith(path.join(site, 'explorer')) || !fs.existsSync(file)) return void response.writeHead(404).end()
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' }).end(fs.readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = 'http://127.0.0.1:' + (server.address() as AddressInfo).port
  browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}, 120000)

afterAll(async () => {
  if (browser) await browser.close()
  if (server) server.close()
})

/** A page that records its errors and every request it makes. */
async function open(url: string, height = 900): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height } })
  const errors: string[] = []
  const requests: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('request', (request) => requests.push(request.url()))
  await page.goto(url)
  return { page, errors, requests }
}

describe('the errno explorer (npm run explorer)', () => {
  test('lists the whole catalogue, searches, decodes a pasted errMsg and switches locale', async () => {
    const { page, errors, requests } = await open(base + '/#lang=en')
    await page.waitForSelector('body[data-ready]')
    expect(Number(await page.getAttribute('body', 'data-ready'))).toBeGreaterThan(500)
    for (const type of ['errno', 'errCode', 'server', 'cloud', 'http']) {
      await page.selectOption('#type', type)
      const types = await page.$$eval('#rows tbody tr', (rows) => rows.map((row) => (row as HTMLElement).dataset.type))
      expect([type, types.length > 0 && types.every((t) => t === type)]).toEqual([type, true])
    }
    await page.selectOption('#type', '')

    // The errMsg the runtime sends is searchable and shown with its code.
    await page.fill('#q', 'no connection')
    expect(await page.textContent('#rows tbody')).toContain('1509003')

    await page.fill('#q', 'BLE')
    const codes = await page.$$eval('#rows tbody tr', (rows) => rows.map((row) => (row as HTMLElement).dataset.code))
    expect(codes).toContain('1509003')
    expect(codes).not.toContain('1500102') // "available" is not the word BLE

    await page.fill('#q', 'openBluetoothAdapter:fail:not available')
    const decoded = await page.textContent('#decoded')
    expect(decoded).toContain('1500102')
    expect(decoded).toContain('Bluetooth is off')
    expect(decoded).toContain('openSystemBluetoothSetting') // Android offers the setting; iOS says where it is

    await page.selectOption('#locale', 'zh_TW')
    expect(await page.textContent('#decoded')).toContain('藍牙')
    expect(await page.getAttribute('html', 'lang')).toBe('zh-TW')

    await page.fill('#q', 'DATABASE_COLLECTION_NOT_EXIST')
    await page.click('#rows tbody tr:first-child')
    expect(await page.textContent('#details')).toContain('DATABASE_COLLECTION_NOT_EXIST')
    await page.selectOption('#locale', 'zh_CN')
    expect(await page.textContent('#details')).toContain('集合')
    await page.screenshot({ path: path.join(shots, 'explorer.png') })
    expect(fs.statSync(path.join(shots, 'explorer.png')).size).toBeGreaterThan(10000)
    // The address keeps the search and the language: opening it again shows the same.
    expect(page.url()).toContain('#lang=zh_CN&q=DATABASE_COLLECTION_NOT_EXIST')
    const again = await open(page.url())
    await again.page.waitForSelector('body[data-ready]')
    expect(await again.page.inputValue('#q')).toBe('DATABASE_COLLECTION_NOT_EXIST')
    expect(await again.page.$$eval('#rows tbody tr', (rows) => rows.length)).toBe(1)
    expect(errors).toEqual([])
    expect(requests.every((url) => url.startsWith(base))).toBe(true)
  }, 60000)
})

describe('the failure report (miniprogram-errno report)', () => {
  const log = path.join(site, 'realtime-log.json')
  const html = path.join(site, 'report.html')

  test('a generated realtime log of 100,000 failures becomes one HTML file, with progress on stderr', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'sample-log.js'), '100000', log])
    const started = Date.now()
    const stderr = execFileSync(
      'bash',
      ['-c', `node "${path.join(root, 'bin', 'miniprogram-errno.js')}" report "${log}" --out "${html}" 2>&1 >/dev/null`],
      { encoding: 'utf8' },
    )
    console.log(`report of 100,000 failures: ${Date.now() - started} ms`)
    expect(stderr).toContain('50,000 of 100,000 failures decoded (50%)')
    expect(fs.readFileSync(html, 'utf8')).toContain('Chart.js v4')
  }, 120000)

  test('the page renders its six charts and the top errors with no network', async () => {
    const { page, errors, requests } = await open('file://' + html, 1800)
    await page.waitForSelector('body[data-charts]')
    expect(await page.getAttribute('body', 'data-charts')).toBe('6')
    expect(await page.textContent('#total')).toContain('100,000')
    const top = await page.$$eval('#top tbody tr', (rows) => rows.map((row) => row.textContent || ''))
    expect(top[0]).toContain('errno 1500102')
    expect(top[0]).toContain('Bluetooth is off')
    // Each chart drew something: a canvas with pixels that are not all blank.
    const drawn = await page.$$eval('canvas', (canvases) =>
      canvases.map((canvas) => {
        const c = canvas as HTMLCanvasElement
        const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]) return true
        return false
      }),
    )
    expect(drawn).toEqual([true, true, true, true, true, true])
    await page.screenshot({ path: path.join(shots, 'report.png'), fullPage: true })
    expect(errors).toEqual([])
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true)
  }, 60000)
})
