import { spawnSync } from 'child_process'
import * as fs from 'fs'
import * as path from 'path'
import { lookupErrno, decodeErrno, Errno, allErrnos, isKnownErrno } from '../src/index'

const root = path.resolve(__dirname, '..')
const data = JSON.parse(fs.readFileSync(path.join(root, 'data/errno.json'), 'utf8'))
const codes: Array<{ errno: number; key: string; errMsg: string; en: string; zh_CN: string; zhNote?: string; policy: { class: string; reason: string } }> = data.codes
const seedsDir = path.resolve(root, '../shared/seeds')
const CJK = /[\u3400-\u9fff]/

describe('the errno catalogue (data/errno.json)', () => {
  test('has 274 codes (the English reference list, 0 ok included), each once, with unique names', () => {
    expect(codes).toHaveLength(274)
    expect(new Set(codes.map((c) => c.errno)).size).toBe(274)
    expect(new Set(codes.map((c) => c.key)).size).toBe(274)
    expect(codes.find((c) => c.errno === 0)).toMatchObject({ key: 'OK', errMsg: 'ok' })
  })

  test.each(codes.map((c) => [c.errno, c] as const))('%i has en, zh_CN, zh_TW and a policy with a reason', (errno, code) => {
    const entry = lookupErrno(errno)
    expect(entry).toBeDefined()
    expect(entry!.message.en.length).toBeGreaterThan(3)
    expect(entry!.message.zh_CN!.length).toBeGreaterThan(0)
    expect(entry!.message.zh_TW!.length).toBeGreaterThan(0)
    expect(entry!.message.en).not.toMatch(CJK)
    expect(code.policy.reason.length).toBeGreaterThan(3)
    expect(entry!.category.known).toBe(true)
    expect(entry!.subcategory.known).toBe(true)
    expect(Errno[code.key as keyof typeof Errno]).toBe(errno)
    expect(isKnownErrno(errno)).toBe(true)
  })

  test('isKnownErrno knows exactly the Errno constants, and nothing between or around them', () => {
    const values = Object.values(Errno) as number[]
    for (const n of values) for (const near of [n - 1, n + 1]) expect(isKnownErrno(near)).toBe(values.indexOf(near) >= 0)
    for (const n of [-1, 1.5, 10000000, Number.NaN]) expect(isKnownErrno(n)).toBe(false)
  })

  test('English is written, not the machine translation of the seed', () => {
    const garble = /master rice|master mi\b|meter master|rice master|vest wechat|small frame|\bequipment\b|revoke\b|illegalappid|tie settings|appleupdate/i
    for (const c of codes) expect(`${c.errno} ${c.en}`).not.toMatch(garble)
    expect(lookupErrno(701100)!.message.en).toMatch(/Midas/)
    expect(lookupErrno(700001)!.message.en).toMatch(/unofficial/)
    expect(lookupErrno(4)!.message.en).toMatch(/mini-program framework/)
  })

  test('zh_TW is Traditional Chinese generated from zh_CN (藍牙, not 蓝牙)', () => {
    const convert = require('../scripts/generate.js').toTraditional
    for (const c of codes) expect(lookupErrno(c.errno)!.message.zh_TW).toBe(convert(c.zh_CN))
    expect(lookupErrno(1500102)!.message.zh_TW).toContain('藍牙')
    expect(lookupErrno(1500102)!.message.zh_TW).not.toContain('蓝牙')
  })

  // Literal, reviewed expectations (Taiwan usage: 藍牙, 介面卡, 使用者, 逾時, 資料, 連線, 裝置), so a change of
  // converter or glossary that garbles them fails here rather than agreeing with itself.
  test.each([
    [1500102, '目前藍牙介面卡不可用'],
    [1505002, '系統WiFi開關未開啟'],
    [1504003, '系統NFC開關未開啟'],
    [103, 'JsApi使用者拒絕授權'],
    [5, '介面逾時'],
    [1300202, '儲存空間不足'],
    [101102, '使用者未同意授權隱私協議'],
    [1, '使用者取消'],
    [1007, '資料不存在'],
    [1509003, '未連線上該BLE裝置'],
    [1505024, '密碼錯誤'],
  ])('zh_TW of %i reads %s', (errno, text) => {
    expect(lookupErrno(errno)!.message.zh_TW).toBe(text)
  })

  test('errMsg values are the runtime reason texts, not the seed capitalisation', () => {
    expect(lookupErrno(5)!.errMsg).toBe('time out')
    expect(lookupErrno(1001)!.errMsg).toBe('invalid request parameter')
    expect(lookupErrno(1300002)!.errMsg).toBe('No such file or directory')
    expect(lookupErrno(1500102)!.errMsg).toBe('not available')
  })

  test('lookupErrno gives every code its errMsg as the data has it (errmsg.js or the decoder\'s table)', () => {
    for (const c of codes) expect([c.errno, lookupErrno(c.errno)!.errMsg]).toEqual([c.errno, c.errMsg || ''])
  })

  test('allErrnos lists every code ascending', () => {
    const all = allErrnos()
    expect(all).toHaveLength(274)
    expect(all).toEqual([...all].sort((a, b) => a - b))
  })

  test('lookupErrno answers undefined for codes and inputs it does not know', () => {
    for (const value of [2, 999, 1500199, -1, NaN, 1.5, '1500102', null, undefined]) expect(lookupErrno(value as number)).toBeUndefined()
  })

  test('lookupErrno entries are shared and frozen', () => {
    const entry = lookupErrno(1500102)!
    expect(lookupErrno(1500102)).toBe(entry)
    expect(Object.isFrozen(entry)).toBe(true)
    expect(Object.isFrozen(entry.message)).toBe(true)
  })
})

describe('cross-check with ../shared/seeds (skipped where the seeds are absent)', () => {
  const present = fs.existsSync(seedsDir)
  const maybe = present ? test : test.skip
  if (!present) test('seeds are not beside this clone: cross-check skipped', () => expect(present).toBe(false))

  maybe('every code of the English list (004) is in the catalogue', () => {
    const text = fs.readFileSync(path.join(seedsDir, '004_97e1090677352907.txt'), 'utf8')
    const list = text.slice(text.indexOf('# Error Code List')).split('\n').map((l) => /^(\d+) /.exec(l)).filter(Boolean).map((m) => Number(m![1]))
    expect(list).toHaveLength(274)
    expect(new Set(codes.map((c) => c.errno))).toEqual(new Set(list))
  })

  maybe('zh_CN is the Chinese list (001) text wherever 001 has the code', () => {
    const text = fs.readFileSync(path.join(seedsDir, '001_ea79aa4bb15ae80f.txt'), 'utf8')
    const rows = text.slice(text.indexOf('# 错误码列表')).split('\n').map((l) => /^(\d+) (.*)$/.exec(l)).filter(Boolean) as RegExpExecArray[]
    expect(rows.length).toBe(77)
    // Where the data departs from the seed it says why (zhNote): errno 1 is 取消, WeChat's word for a cancel, not 撤销.
    const departs = new Set(codes.filter((c) => c.zhNote).map((c) => c.errno))
    expect(departs.has(1)).toBe(true)
    for (const row of rows) {
      const entry = lookupErrno(Number(row[1]))!
      if (departs.has(entry.errno)) expect(row[2].endsWith(entry.message.zh_CN!)).toBe(false)
      else expect(row[2].endsWith(entry.message.zh_CN!)).toBe(true)
    }
  })
})

describe('decodeErrno', () => {
  test.each([
    [1504003, 15, 4, 3, 'device', 'device.nfc'],
    [600001, 6, 0, 1, 'network', 'network.common'],
    [1000, 0, 1, 0, 'general', 'general.server'],
    [1500102, 15, 0, 102, 'device', 'device.common'],
    [2004012, 20, 4, 12, 'ai', 'ai.inference'],
    [5, 0, 0, 5, 'general', 'general.common'],
  ])('%i -> %i / %i / %i (%s, %s)', (errno, first, second, specific, category, subcategory) => {
    const decoded = decodeErrno(errno)
    expect(decoded).toMatchObject({ errno, first, second, specific })
    expect(decoded.category.key).toBe(category)
    expect(decoded.subcategory.key).toBe(subcategory)
    expect(decoded.category.name.zh_CN.length).toBeGreaterThan(0)
  })

  test('codes outside the known categories still decode, with known: false', () => {
    const decoded = decodeErrno(9912345)
    expect(decoded).toMatchObject({ first: 99, second: 12, specific: 345 })
    expect(decoded.category).toMatchObject({ known: false, key: 'unknown' })
  })

  test('inferred categories say so', () => {
    expect(decodeErrno(1517001).subcategory).toMatchObject({ key: 'device.sms', inferred: true, known: true })
    expect(decodeErrno(1509001).subcategory).toMatchObject({ key: 'device.ble', inferred: false })
  })

  test.each([-1, 10000000, 1.5, NaN, Infinity, -Infinity, '1500102', null, undefined])('%p is not an errno: -1 / -1 / -1, never a throw', (value) => {
    const decoded = decodeErrno(value as number)
    expect(decoded).toMatchObject({ first: -1, second: -1, specific: -1 })
    expect(decoded.category.known).toBe(false)
  })
})

describe('generated code', () => {
  // The generator runs as users run it: its own process, the committed files compared with what it writes.
  const generate = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'scripts', 'generate.js'), ...args], { cwd: root, encoding: 'utf8' })

  test('is up to date with the data (run npm run generate)', () => {
    const result = generate('--check')
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' })
  })

  test('says it is generated in its header', () => {
    const files = generate('--list').stdout.trim().split('\n')
    expect(files.length).toBeGreaterThan(10)
    for (const rel of files) expect(fs.readFileSync(path.join(root, rel), 'utf8')).toMatch(/^\/\/ Generated by scripts\/generate\.js .* Do not edit/)
  })
})
