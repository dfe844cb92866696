#!/usr/bin/env node
// A generated realtime log for the report: `node scripts/sample-log.js [count] [file]` writes `count` failures
// (default 100,000) as pages of the realtime-log search API's answer (userlog_search), each message holding what
// createRealtimeLogReporter writes ('[miniprogram-errno]' and the error's toJSON()), plus raw errMsg lines as older
// code logs them. Deterministic (a fixed seed), spread over three days. Used by the report test and the demo.
'use strict'
const fs = require('fs')
const path = require('path')
const lib = require('../dist/index.cjs')

function sampleLog(count = 100000, seed = 20261205) {
  let state = seed >>> 0
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296)
  const pick = (weighted) => {
    let r = random() * weighted.reduce((sum, [w]) => sum + w, 0)
    for (const [w, value] of weighted) if ((r -= w) < 0) return value
    return weighted[0][1]
  }
  const failures = [
    [30, () => lib.toErrnoError({ errMsg: 'openBluetoothAdapter:fail:not available', errCode: 10001, errno: 1500102 })],
    [12, () => lib.toErrnoError({ errMsg: 'request:fail timeout', errno: 5 })],
    [10, () => lib.toErrnoError({ errMsg: 'getLocation:fail auth deny', errno: 103 })],
    [8, () => lib.toErrnoError({ errMsg: 'chooseImage:fail cancel' })],
    [6, () => lib.toErrnoError({ errMsg: 'writeBLECharacteristicValue:fail:no connection', errCode: 10006 })],
    [5, () => lib.toErrnoError({ errMsg: 'startWifi:fail:wifi is disabled', errCode: 12005 })],
    [4, () => lib.toErrnoError({ errMsg: 'getNFCAdapter:fail:NFC switch off', errno: 1504003 })],
    [4, () => lib.toWxServerError({ errcode: 40029, errmsg: 'invalid code' })],
    [3, () => lib.toCloudError({ errCode: -502005, errMsg: 'database collection not exists' })],
    [3, () => lib.toHttpApiError(503, { error: 'service_unavailable' })],
    [2, () => lib.toErrnoError({ errMsg: 'requestPayment:fail cancel' })],
  ].map(([w, make]) => [w, JSON.stringify(make().toJSON())])
  const raw = ['connectWifi:fail:password error', 'request:fail ssl hand shake error', 'uploadFile:fail url not in domain list']
  const versions = [[5, '3.7.12'], [4, '3.6.6'], [2, '3.5.8'], [1, '2.32.3']]
  const platforms = [[6, 2], [5, 1], [1, 3]] // the search API's platform numbers, as sent
  const start = Date.UTC(2026, 11, 1, 0, 0, 0) / 1000
  const pages = []
  let list = []
  for (let i = 0; i < count; i++) {
    const time = Math.floor(start + random() * 3 * 86400)
    const line = random() < 0.05 ? [raw[Math.floor(random() * raw.length)]] : ['[miniprogram-errno]', pick(failures)]
    list.push({
      level: 8,
      platform: pick(platforms),
      libraryVersion: pick(versions),
      clientVersion: '8.0.50',
      id: 'o' + (i % 997),
      traceid: 't' + i,
      url: 'pages/index/index',
      filterMsg: 'miniprogram-errno',
      timestamp: time,
      msg: [{ time, level: 8, msg: line }],
    })
    if (list.length === 1000) {
      pages.push({ errcode: 0, errmsg: 'ok', data: { list, total: count } })
      list = []
    }
  }
  if (list.length) pages.push({ errcode: 0, errmsg: 'ok', data: { list, total: count } })
  return pages
}

module.exports = { sampleLog }

if (require.main === module) {
  const count = Number(process.argv[2] || 100000)
  const file = path.resolve(process.argv[3] || 'site/sample-realtime-log.json')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(sampleLog(count)))
  console.log(`${path.relative(process.cwd(), file)}: ${count.toLocaleString('en')} failures`)
}
