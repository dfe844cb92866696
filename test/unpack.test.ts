// The packed texts (issue #15): scripts/pack.js packs with pako, src/unpack.ts (hand-written, puff.c's
// plan with table lookups) must give back every byte, for the generator's tables and for any DEFLATE
// stream zlib writes (stored, fixed and dynamic blocks), and fail cleanly on anything else.
import fc from 'fast-check'
import * as fs from 'fs'
import * as path from 'path'
import * as zlib from 'zlib'
import { unpack, inflate, fromBase91, BASE91 } from '../src/unpack'
import { lazyJSON, packed } from '../src/lazy'

const { pack, packSmallest, toBase91, BASE91: PACKER_ALPHABET } = require('../scripts/pack.js')

test('the packer and the unpacker share one alphabet of 91 distinct characters that need no escaping', () => {
  expect(BASE91).toBe(PACKER_ALPHABET)
  expect(new Set(BASE91.split('')).size).toBe(91)
  expect(BASE91).not.toMatch(/['\\\s]/)
  expect(BASE91).toMatch(/^[!-}]+$/)
})

test('any text survives pack -> unpack (ASCII, Chinese, empty); the packer refuses what unpack cannot decode', async () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), (text) => {
    const bmp = text.replace(/[\ud800-\udfff]/g, '?')
    expect(unpack(pack(bmp))).toBe(bmp)
  }), { numRuns: 300 })
  for (const text of ['', 'a', '蓝牙适配器不可用', '藍牙轉接器無法使用「Wi-Fi」', 'x'.repeat(70000)]) expect(unpack(pack(text))).toBe(text)
  await expect(packSmallest('😀')).rejects.toThrow(/Basic Multilingual Plane/)
})

test('inflate reads every block type zlib writes: stored (level 0), fixed and dynamic Huffman, long runs', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 5000 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 4 }), (bytes, level, strategy) => {
    const deflated = zlib.deflateRawSync(Buffer.from(bytes), { level, strategy })
    expect(Buffer.from(inflate(new Uint8Array(deflated), bytes.length)).equals(Buffer.from(bytes))).toBe(true)
  }), { numRuns: 400 })
  const big = Buffer.alloc(200000, 'abc蓝牙')
  expect(Buffer.from(inflate(new Uint8Array(zlib.deflateRawSync(big, { level: 0 })), big.length)).equals(big)).toBe(true) // several stored blocks
  expect(Buffer.from(inflate(new Uint8Array(zlib.deflateRawSync(big, { level: 9 })), big.length)).equals(big)).toBe(true)
})

test('base91 round-trips any bytes', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
    const text: string = toBase91(bytes)
    expect(text).toMatch(/^[^'\\\s]*$/)
    expect(Buffer.from(fromBase91(text)).equals(Buffer.from(bytes))).toBe(true)
  }), { numRuns: 300 })
})

test('a malformed packed text throws one clear Error, never hangs; lazyJSON then reads an empty table', () => {
  fc.assert(fc.property(fc.string({ maxLength: 400 }), (junk) => {
    try {
      expect(typeof unpack(junk)).toBe('string')
    } catch (error) {
      expect(error).toBeInstanceOf(Error)
      expect((error as Error).message).toBe('unpack: malformed packed text')
    }
  }), { numRuns: 2000 })
  const good = pack(JSON.stringify({ a: 1 }))
  expect(lazyJSON(packed(good))()).toEqual({ a: 1 })
  expect(lazyJSON(packed(good.slice(0, 3)))()).toEqual({})
})

test('every packed table in src/**/generated unpacks to valid JSON (what the generator wrote)', () => {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/[\\/]generated[\\/][^\\/]+\.ts$/.test(full)) files.push(full)
    }
  }
  walk(path.join(__dirname, '..', 'src'))
  let tables = 0
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8')
    for (const match of source.matchAll(/packed\(\s*((?:'[^']*'(?:\s*\+\s*)?)+)\)/g)) {
      const text = match[1].split(/'\s*\+\s*'/).join('').replace(/^'|'$/g, '')
      expect(() => JSON.parse(unpack(text))).not.toThrow()
      tables++
    }
  }
  expect(tables).toBeGreaterThanOrEqual(10)
})

test('miniprogram_dist: each packed text file unpacks itself with texts/unpack.js, which a cold start never loads', () => {
  const dir = path.join(__dirname, '..', 'miniprogram_dist', 'texts')
  const packedFiles = fs.readdirSync(dir).filter((f) => f !== 'unpack.js' && /\.js$/.test(f) && /require\("\.\/unpack\.js"\)|require\('\.\/unpack\.js'\)/.test(fs.readFileSync(path.join(dir, f), 'utf8')))
  expect(packedFiles.length).toBeGreaterThanOrEqual(10)
  for (const file of packedFiles) expect(() => JSON.parse(require(path.join(dir, file)))).not.toThrow()
  const index = fs.readFileSync(path.join(__dirname, '..', 'miniprogram_dist', 'index.js'), 'utf8')
  expect(index).not.toMatch(/unpack/)
})
