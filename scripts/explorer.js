#!/usr/bin/env node
// `npm run explorer`: builds the errno explorer, a static page (explorer/index.html, style.css and app.ts bundled by
// esbuild with the library's own source) into site/explorer/. Open site/explorer/index.html or serve the folder.
'use strict'
const path = require('path')
const fs = require('fs')
const esbuild = require('esbuild')

const root = path.resolve(__dirname, '..')

async function buildExplorer(outDir = path.join(root, 'site', 'explorer')) {
  fs.mkdirSync(outDir, { recursive: true })
  const version = require('../package.json').version
  await esbuild.build({
    entryPoints: [path.join(root, 'explorer', 'app.ts')],
    outfile: path.join(outDir, 'app.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2017',
    charset: 'utf8',
    legalComments: 'eof',
    define: { __VERSION__: JSON.stringify(version) },
    logLevel: 'warning',
  })
  for (const file of ['index.html', 'style.css']) fs.copyFileSync(path.join(root, 'explorer', file), path.join(outDir, file))
  return outDir
}

module.exports = { buildExplorer }

if (require.main === module) {
  buildExplorer(process.argv[2] ? path.resolve(process.argv[2]) : undefined).then(
    (dir) => {
      const bytes = fs.readdirSync(dir).reduce((sum, file) => sum + fs.statSync(path.join(dir, file)).size, 0)
      console.log(`errno explorer: ${path.relative(process.cwd(), dir) || '.'}/index.html (${bytes.toLocaleString('en')} bytes, static)`)
    },
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
}
