#!/usr/bin/env node
'use strict'
let cli
try {
  cli = require('../dist/cli.cjs')
} catch (error) {
  console.error('miniprogram-errno: the package is not built (run `npm run build`)')
  process.exit(2)
}
process.exitCode = cli.runCli(process.argv.slice(2))
