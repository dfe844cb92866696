#!/usr/bin/env node
// `npm run demo`: build, pack the library into demo-miniprogram/ with miniprogram-ci's
// packNpmManually, then run every demo page headless and print what the user would see.
'use strict'
const path = require('path')
const { execFileSync } = require('child_process')
const root = path.resolve(__dirname, '..')

async function main() {
  // Always from the source as it is now: a build left from an older checkout would show old behaviour.
  execFileSync(process.execPath, [path.join(__dirname, 'build.js')], { stdio: 'inherit' })
  // miniprogram-simulate needs a DOM: the same jsdom jest uses.
  const { JSDOM } = require('jsdom')
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true })
  for (const key of Object.getOwnPropertyNames(dom.window)) {
    if (!(key in global)) {
      try { global[key] = dom.window[key] } catch (error) { /* read-only */ }
    }
  }
  global.window = dom.window
  global.document = dom.window.document

  const { packDemo, runScenarios } = require('./demo-runner')
  const quiet = console.log
  console.log = () => undefined // the packer is chatty
  try {
    await packDemo()
  } finally {
    console.log = quiet
  }
  console.log('packed: demo-miniprogram/miniprogram_npm/miniprogram-errno (with guidance-dialog) by miniprogram-ci packNpmManually')
  const { lines, failures, scenarios } = await runScenarios()
  console.log('')
  for (const line of lines) console.log(line)
  console.log('')
  if (failures.length) {
    for (const failure of failures) console.error('FAILED ' + failure)
    console.error(`${failures.length} problem(s) in ${scenarios} scenarios`)
    process.exit(1)
  }
  console.log(`${scenarios} scenarios, all as expected. Open the repository in WeChat DevTools to try them on a device.`)
  process.exit(0)
}

main().catch((error) => {
  console.error('demo failed: ' + (error && error.stack ? error.stack : error))
  process.exit(1)
})
