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
  // The errno explorer and a failure report of a generated realtime log: static pages to open in a browser.
  const explorer = await require('./explorer').buildExplorer()
  const log = path.join(root, 'site', 'sample-realtime-log.json')
  execFileSync(process.execPath, [path.join(__dirname, 'sample-log.js'), '100000', log], { stdio: 'ignore' })
  const report = path.join(root, 'site', 'report.html')
  execFileSync(process.execPath, [path.join(root, 'bin', 'miniprogram-errno.js'), 'report', log, '--out', report], {
    stdio: ['ignore', 'ignore', 'ignore'],
  })
  console.log(`errno explorer: ${path.relative(root, explorer)}/index.html`)
  console.log(`failure report of 100,000 generated realtime-log failures: ${path.relative(root, report)}`)
  process.exit(0)
}

main().catch((error) => {
  console.error('demo failed: ' + (error && error.stack ? error.stack : error))
  process.exit(1)
})
