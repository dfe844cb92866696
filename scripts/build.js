#!/usr/bin/env node
// `npm run build`: rollup (rollup.config.js) writes miniprogram_dist/ and dist/; tsc writes the declarations.
'use strict'
const { execFileSync } = require('child_process')
const fs = require('fs')
const path = require('path')
const root = path.resolve(__dirname, '..')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)

if (!fs.existsSync(bin('rollup'))) {
  console.log('build skipped: dev dependencies are not installed')
  process.exit(0)
}
for (const dir of ['dist', 'miniprogram_dist']) fs.rmSync(path.join(root, dir), { recursive: true, force: true })
execFileSync(bin('rollup'), ['-c', '--silent'], { cwd: root, stdio: 'inherit' })
execFileSync(bin('tsc'), ['-p', 'tsconfig.json', '--emitDeclarationOnly', '--declaration', '--outDir', 'dist/types'], { cwd: root, stdio: 'inherit' })
for (const entry of ['index', 'testing', 'server']) {
  const target = entry === 'index' ? './types/index' : entry === 'server' ? './types/server' : './types/testing/index'
  fs.writeFileSync(path.join(root, 'dist', entry + '.d.ts'), `export * from '${target}'\n`)
  fs.writeFileSync(path.join(root, 'dist', entry + '.d.mts'), `export * from '${target}.js'\n`)
}
// The report command inlines Chart.js (MIT) into the pages it writes: the published UMD build, copied as it is.
fs.mkdirSync(path.join(root, 'dist', 'vendor'), { recursive: true })
const chartDist = path.dirname(require.resolve('chart.js')) // chart.js/dist (its exports map lists no UMD path)
fs.copyFileSync(path.join(chartDist, 'chart.umd.js'), path.join(root, 'dist', 'vendor', 'chart.umd.js'))
fs.copyFileSync(path.join(chartDist, '..', 'LICENSE.md'), path.join(root, 'dist', 'vendor', 'chart.js-LICENSE.md'))
console.log('built dist/ and miniprogram_dist/')
