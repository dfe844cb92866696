#!/usr/bin/env node
// Builds miniprogram_dist/ and dist/ (rollup), then the declarations (tsc) and their entry files.
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
// miniprogram_dist is what a phone parses at cold start: whitespace and syntax minified (names kept,
// so stack traces stay readable), ES2017, UTF-8.
const esbuild = require('esbuild')
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
for (const file of walk(path.join(root, 'miniprogram_dist')).filter((f) => f.endsWith('.js'))) {
  const result = esbuild.transformSync(fs.readFileSync(file, 'utf8'), { minifyWhitespace: true, minifySyntax: true, charset: 'utf8', target: 'es2017', format: 'cjs', legalComments: 'inline' })
  fs.writeFileSync(file, result.code)
}
execFileSync(bin('tsc'), ['-p', 'tsconfig.json', '--emitDeclarationOnly', '--declaration', '--outDir', 'dist/types'], { cwd: root, stdio: 'inherit' })
for (const entry of ['index', 'testing']) {
  const target = entry === 'index' ? './types/index' : './types/testing/index'
  fs.writeFileSync(path.join(root, 'dist', entry + '.d.ts'), `export * from '${target}'\n`)
  fs.writeFileSync(path.join(root, 'dist', entry + '.d.mts'), `export * from '${target}.js'\n`)
}
console.log('built dist/ and miniprogram_dist/')
