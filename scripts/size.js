#!/usr/bin/env node
// `npm run size`: minified (and gzip) bytes of what ships, bundled the same way as
// miniprogram-api-promise for comparison. test/size.test.ts fails when a budget is exceeded.
'use strict'
const path = require('path')
const fs = require('fs')
const zlib = require('zlib')
const esbuild = require('esbuild')

const root = path.resolve(__dirname, '..')

/**
 * Budgets in minified bytes, each with its reason.
 * - core: what every wx call pays (wxp + ErrnoError + toErrnoError). Its promise layer alone must
 *   be no larger than miniprogram-api-promise (checked in the same run, like for like); the rest is
 *   decoding that package has no equivalent of: the errMsg rules, the legacy errCode tables (with
 *   the APIs that send them), the list of catalogued errnos (for `known`), secret masking.
 * - coreWithDecode: the core plus decodeErrno, whose category keys and names in three locales
 *   are part of its contract.
 * - miniprogram_dist as shipped: the catalogue and the guidance in three locales (each locale its
 *   own files under texts/, loaded on first use), server/cloud/HTTP tables, the promise layer and
 *   the dialog component: under 9% of the 2 MB main package; an app that ships one locale saves
 *   about 19 KB per locale it leaves out.
 */
// Raised in 0.2 by what issue #12 (truth on real failures) added: the catalogue's errMsg column for the families whose
// errMsg-only failures decode (about 5 KB), the API families and the wx.cloud/CloudBase tables. Issue #15 (tree-shaking
// ESM, a lazy start) is where these come down again. Issue #13's hardening (the caller's fail/complete on every
// failure path, an own-key options copy, hostile thenables) costs the promise layer about 260 bytes: it may be up to
// 10% larger than miniprogram-api-promise, which does none of that.
const PROMISE_LAYER_ALLOWANCE = 1.1
const BUDGETS = {
  core: 19400,
  coreWithDecode: 22600,
  miniprogramDist: 218000,
}

/** Where a bundle's bytes come from: minified bytes per group of source modules. */
const GROUPS = [
  ['promise layer (wxp, calls, sync rule)', /^src\/(promise|wx)\//],
  ['ErrnoError and secret masking', /^src\/errno\/(ErrnoError|mask|meanings)\.ts$/],
  ['errMsg parsing and rules', /^src\/errno\/normalize\.ts$/],
  ['errMsg column and API families (errMsg-only decoding)', /^src\/errno\/generated\/(errmsg-index|api-families)\.ts$/],
  ['legacy errCode tables', /^src\/errno\/generated\/legacy\.ts$/],
  ['errno arithmetic, known set, category keys', /^src\/errno\/(codes|decode)\.ts$|^src\/errno\/generated\/categories\.ts$/],
  ['category names (3 locales)', /^src\/errno\/generated\/category-names\.ts$/],
]

async function minified(entryContents, resolveDir) {
  const result = await esbuild.build({
    stdin: { contents: entryContents, resolveDir, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true, minify: true, write: false, format: 'esm', target: 'es2017', treeShaking: true, charset: 'utf8', logLevel: 'silent', metafile: true,
    absWorkingDir: root, // metafile paths are then relative to the repository: src/promise/wxp.ts
  })
  const code = result.outputFiles[0].contents
  const inputs = Object.values(result.metafile.outputs)[0].inputs
  const groups = {}
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    if (!bytesInOutput) continue
    const group = GROUPS.find(([, pattern]) => pattern.test(file))
    const name = group ? group[0] : 'other'
    groups[name] = (groups[name] || 0) + bytesInOutput
  }
  return { bytes: code.length, gzip: zlib.gzipSync(code, { level: 9 }).length, groups }
}

async function minifiedFile(file) {
  const code = fs.readFileSync(file, 'utf8')
  const result = await esbuild.transform(code, { minify: true, target: 'es2017', format: 'cjs', charset: 'utf8', logLevel: 'silent' })
  return { raw: Buffer.byteLength(code), bytes: Buffer.byteLength(result.code), gzip: zlib.gzipSync(result.code, { level: 9 }).length }
}

async function measure() {
  const src = path.join(root, 'src')
  const rows = {}
  rows.core = await minified(`export { wxp, ErrnoError, toErrnoError } from './index'`, src)
  rows.coreWithDecode = await minified(`export { wxp, ErrnoError, toErrnoError, decodeErrno } from './index'`, src)
  rows.apiPromise = await minified(`export { promisifyAll, promisify } from 'miniprogram-api-promise'`, root)
  rows.everything = await minified(`export * from './index'`, src)
  const distDir = path.join(root, 'miniprogram_dist')
  // One locale's texts are their own files in miniprogram_dist/texts: what an app ships per locale.
  for (const locale of ['zh_CN', 'zh_TW', 'en']) {
    const suffix = '_' + locale.toUpperCase() + '.js'
    const texts = fs.readdirSync(path.join(distDir, 'texts')).filter((f) => f.endsWith(suffix)).map((f) => fs.readFileSync(path.join(distDir, 'texts', f)))
    rows['texts.' + locale] = { files: texts.length, bytes: texts.reduce((n, b) => n + b.length, 0), gzip: texts.reduce((n, b) => n + zlib.gzipSync(b, { level: 9 }).length, 0) }
  }
  const shared = fs.readdirSync(path.join(distDir, 'texts')).filter((f) => !/_(ZH_CN|ZH_TW|EN)\.js$/.test(f)).map((f) => fs.readFileSync(path.join(distDir, 'texts', f)))
  rows['texts.shared'] = { files: shared.length, bytes: shared.reduce((n, b) => n + b.length, 0), gzip: shared.reduce((n, b) => n + zlib.gzipSync(b, { level: 9 }).length, 0) }
  rows.miniprogramDistIndex = await minifiedFile(path.join(distDir, 'index.js'))
  const dist = { raw: 0, bytes: 0, gzip: 0 }
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return walk(full)
    dist.files = (dist.files || []).concat(full)
  })
  walk(distDir)
  for (const file of dist.files) {
    const content = fs.readFileSync(file)
    dist.bytes += content.length // as shipped (the build already minifies whitespace and syntax)
    dist.gzip += zlib.gzipSync(content, { level: 9 }).length
    dist.raw += file.endsWith('.js') ? (await minifiedFile(file)).bytes : content.length // fully minified, names mangled
  }
  delete dist.files
  rows.miniprogramDist = dist
  return rows
}

function report(rows) {
  const kb = (n) => (n / 1024).toFixed(1) + ' KB'
  const lines = [
    ['what', 'bytes (minified)', 'gzip', 'budget'],
    ['core: wxp + ErrnoError + toErrnoError', kb(rows.core.bytes), kb(rows.core.gzip), kb(BUDGETS.core)],
    ['core + decodeErrno (category names)', kb(rows.coreWithDecode.bytes), kb(rows.coreWithDecode.gzip), kb(BUDGETS.coreWithDecode)],
    ['  of which the promise layer alone (like for like)', kb(rows.core.groups[PROMISE_LAYER]), '', '≤ api-promise'],
    ['miniprogram-api-promise (promisifyAll + promisify)', kb(rows.apiPromise.bytes), kb(rows.apiPromise.gzip), ''],
    ['everything (ESM, tree-shaken from src/index)', kb(rows.everything.bytes), kb(rows.everything.gzip), ''],
    ['miniprogram_dist as shipped (names kept; ' + kb(rows.miniprogramDist.raw) + ' if mangled)', kb(rows.miniprogramDist.bytes), kb(rows.miniprogramDist.gzip), kb(BUDGETS.miniprogramDist)],
    ['  of which index.js, parsed at start (as shipped)', kb(rows.miniprogramDistIndex.raw), kb(rows.miniprogramDistIndex.gzip), ''],
    ['  texts/*_ZH_CN.js (one locale: catalogue + guidance)', kb(rows['texts.zh_CN'].bytes), kb(rows['texts.zh_CN'].gzip), ''],
    ['  texts/*_ZH_TW.js', kb(rows['texts.zh_TW'].bytes), kb(rows['texts.zh_TW'].gzip), ''],
    ['  texts/*_EN.js (keep: the fallback)', kb(rows['texts.en'].bytes), kb(rows['texts.en'].gzip), ''],
    ['  texts shared by all locales (errMsg, server/cloud/HTTP)', kb(rows['texts.shared'].bytes), kb(rows['texts.shared'].gzip), ''],
  ]
  const profile = [['where the bytes of core + decodeErrno go', 'bytes (minified)', 'share']]
  const groups = rows.coreWithDecode.groups
  const total = Object.values(groups).reduce((a, b) => a + b, 0)
  for (const [name] of GROUPS.concat([['other']])) if (groups[name]) profile.push(['  ' + name, String(groups[name]), Math.round((100 * groups[name]) / total) + ' %'])
  return markdown(lines) + '\n\n' + markdown(profile)
}

function markdown(lines) {
  const width = lines.map((l) => l.map((c) => c.length)).reduce((a, b) => a.map((w, i) => Math.max(w, b[i])))
  const table = lines.map((l) => '| ' + l.map((c, i) => c.padEnd(width[i])).join(' | ') + ' |')
  table.splice(1, 0, '| ' + width.map((w, i) => (i ? '-'.repeat(w - 1) + ':' : '-'.repeat(w))).join(' | ') + ' |')
  return table.join('\n')
}

const PROMISE_LAYER = GROUPS[0][0]

/** Budgets exceeded; also the like-for-like one: the promise layer alone is no larger than miniprogram-api-promise. */
function overBudget(rows) {
  const over = Object.keys(BUDGETS).filter((key) => rows[key].bytes > BUDGETS[key]).map((key) => `${key}: ${rows[key].bytes} bytes > budget ${BUDGETS[key]}`)
  const promiseLayer = rows.core.groups && rows.core.groups[PROMISE_LAYER]
  if (rows.apiPromise && !(promiseLayer <= rows.apiPromise.bytes * PROMISE_LAYER_ALLOWANCE)) over.push(`promise layer: ${promiseLayer} bytes > miniprogram-api-promise ${rows.apiPromise.bytes} × ${PROMISE_LAYER_ALLOWANCE}`)
  return over
}

module.exports = { measure, BUDGETS, overBudget, report }

if (require.main === module) {
  measure().then((rows) => {
    console.log(report(rows))
    fs.mkdirSync(path.join(root, 'bench'), { recursive: true })
    fs.writeFileSync(path.join(root, 'bench', 'size.json'), JSON.stringify({ measured: new Date().toISOString(), node: process.version, rows, budgets: BUDGETS }, null, 2) + '\n')
    const over = overBudget(rows)
    if (over.length) {
      console.error('over budget: ' + over.join('; '))
      process.exit(1)
    }
  }).catch((error) => { console.error(error); process.exit(1) })
}
