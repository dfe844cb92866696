/**
 * Texts shipped compressed: the generator (scripts/generate.js, scripts/pack.js) deflates each large
 * text table with zopfli (raw DEFLATE, RFC 1951) and writes the bytes in base91, 91 printable ASCII
 * characters that need no escaping in a single-quoted string (1 byte each in UTF-8, 23% over the
 * bytes, where base64 costs 33%), after the table's UTF-8 length. This module turns them back into
 * the JSON text, on first use. The texts ship in 38.5% of their bytes.
 *
 * The inflater is hand-written on the plan of Mark Adler's puff.c, with a lookup table per Huffman
 * code, because the size of the decoder counts: with the base91 and UTF-8 steps it is 2.3 KB
 * minified, where tiny-inflate alone is 3.6 KB and fflate's inflateSync 3.8 KB, and it ships in
 * every bundle that reads a text (`import { wxp }` among them: its 20 KB budget leaves no room).
 * test/unpack.test.ts checks it against zlib on random data and on every table the generator packs.
 * Typed arrays for bytes (a plain array's push measured many times slower); no eval, no TextDecoder
 * (not in every base library).
 *
 * The cost is on first use: the first failure unpacks the decoding table (20 KB of JSON), measured
 * at 11–21 ms here in a fresh Node process (8.5 ms with V8's JIT off; `npm run bench`, "first failure").
 */

/**
 * The base91 alphabet: the printable ASCII characters from ! (33) to } (125) but ' and \, so a digit
 * is its character code less 33, less one past ' and one more past \. (The order is not basE91's.)
 */
export const BASE91 = '!"#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}'

/** base91 text -> bytes. */
export function fromBase91(text: string): Uint8Array {
  const out = new Uint8Array(text.length)
  let size = 0
  let buffer = 0
  let count = 0
  let value = -1
  for (let i = 0; i < text.length; i++) {
    let digit = text.charCodeAt(i)
    digit -= 33 + (digit > 39 ? 1 : 0) + (digit > 92 ? 1 : 0)
    if (value < 0) {
      value = digit
      continue
    }
    value += digit * 91
    buffer |= value << count
    count += (value & 8191) > 88 ? 13 : 14
    do {
      out[size++] = buffer & 255
      buffer >>= 8
      count -= 8
    } while (count > 7)
    value = -1
  }
  if (value >= 0) out[size++] = (buffer | (value << count)) & 255
  return out.subarray(0, size)
}

function fail(): never {
  throw new Error('unpack: malformed packed text')
}

/**
 * A canonical Huffman code as a lookup table: indexed by the next `bits` input bits (least
 * significant first, as DEFLATE sends them), each entry is symbol * 16 + code length.
 */
type Huffman = [Int16Array, number]

function huffman(lengths: number[]): Huffman {
  let bits = 0
  const counts: number[] = []
  for (let length = 0; length < 16; length++) counts[length] = 0
  for (let i = 0; i < lengths.length; i++) {
    counts[lengths[i]]++
    if (lengths[i] > bits) bits = lengths[i]
  }
  const next: number[] = []
  for (let length = 1, code = 0; length < 16; length++) {
    code = (code + (length > 1 ? counts[length - 1] : 0)) << 1
    next[length] = code
  }
  const table = new Int16Array(1 << bits).fill(-1)
  for (let symbol = 0; symbol < lengths.length; symbol++) {
    const length = lengths[symbol]
    if (!length) continue
    // The code, its bits reversed: the table is indexed by bits in the order they arrive.
    let code = next[length]++
    let reversed = 0
    for (let i = 0; i < length; i++, code >>= 1) reversed = (reversed << 1) | (code & 1)
    for (let i = reversed; i < 1 << bits; i += 1 << length) table[i] = symbol * 16 + length
  }
  return [table, bits]
}

let fixed: [Huffman, Huffman] | undefined

/** The fixed codes of block type 1 (RFC 1951, 3.2.6), built the first time a block uses them. */
function fixedCodes(): [Huffman, Huffman] {
  if (!fixed) {
    const lengths: number[] = []
    for (let i = 0; i < 320; i++) lengths[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : i < 288 ? 8 : 5
    fixed = [huffman(lengths.slice(0, 288)), huffman(lengths.slice(288))]
  }
  return fixed
}

// The order in which a dynamic block sends the code lengths of its code-length code.
const ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

/**
 * Raw DEFLATE bytes -> the `length` bytes they hold (the packer records the length). Throws on a
 * malformed stream; bytes past `length` are dropped.
 */
export function inflate(data: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length)
  let size = 0
  let at = 0
  let buffer = 0
  let count = 0
  // At least `need` bits in the buffer; past the end it reads zeros, and fails a few bytes on.
  const fill = (need: number) => {
    while (count < need) {
      if (at > data.length + 3) fail()
      buffer |= (at < data.length ? data[at] : 0) << count
      at++
      count += 8
    }
  }
  const bits = (need: number): number => {
    fill(need)
    const value = buffer & ((1 << need) - 1)
    buffer >>>= need
    count -= need
    return value
  }
  const decode = (code: Huffman): number => {
    fill(code[1])
    const entry = code[0][buffer & ((1 << code[1]) - 1)]
    if (entry < 0) fail()
    buffer >>>= entry & 15
    count -= entry & 15
    return entry >> 4
  }
  let last = 0
  while (!last) {
    last = bits(1)
    const type = bits(2)
    if (type === 0) {
      // Stored: drop the rest of the current byte (the buffer holds under 8 bits after bits()), then LEN, NLEN and LEN bytes.
      at -= count >> 3
      buffer = count = 0
      // (A stream cut short leaves zeros here, and fails at its next read.)
      const stored = data[at] | (data[at + 1] << 8)
      for (let i = 0; i < stored; i++) out[size++] = data[at + 4 + i]
      at += 4 + stored
      continue
    }
    if (type === 3) fail()
    let lengthCode: Huffman
    let distanceCode: Huffman
    if (type === 1) [lengthCode, distanceCode] = fixedCodes()
    else {
      const literals = bits(5) + 257
      const distances = bits(5) + 1
      const codeLengths = bits(4) + 4
      const lengths = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
      for (let i = 0; i < codeLengths; i++) lengths[ORDER[i]] = bits(3)
      const codeLengthCode = huffman(lengths)
      const all: number[] = []
      while (all.length < literals + distances) {
        const symbol = decode(codeLengthCode)
        if (symbol < 16) all.push(symbol)
        else {
          if (symbol === 16 && !all.length) fail()
          const repeat = symbol === 16 ? 3 + bits(2) : symbol === 17 ? 3 + bits(3) : 11 + bits(7)
          const value = symbol === 16 ? all[all.length - 1] : 0
          for (let i = 0; i < repeat; i++) all.push(value)
        }
      }
      lengthCode = huffman(all.slice(0, literals))
      distanceCode = huffman(all.slice(literals, literals + distances))
    }
    for (;;) {
      let symbol = decode(lengthCode)
      if (symbol < 256) out[size++] = symbol
      else if (symbol === 256) break
      else {
        // Lengths and distances by the formulas behind RFC 1951's tables (3.2.5): length symbols 257-264
        // are 3-10 and 285 is 258; the others, and distance codes from 4, carry extra bits that grow by one every 4 (every 2).
        symbol -= 257
        if (symbol > 28) fail()
        let extra = (symbol >> 2) - 1
        const copy = symbol < 8 ? symbol + 3 : symbol > 27 ? 258 : ((4 + (symbol & 3)) << extra) + 3 + bits(extra)
        const distance = decode(distanceCode)
        if (distance > 29) fail()
        extra = (distance >> 1) - 1
        const from = size - (distance < 4 ? distance + 1 : ((2 + (distance & 1)) << extra) + 1 + bits(extra))
        if (from < 0) fail()
        for (let i = 0; i < copy; i++) out[size++] = out[from + i]
      }
    }
  }
  return out
}

/**
 * UTF-8 bytes -> text. The packer takes no character outside the Basic Multilingual Plane, so none is
 * longer than 3 bytes. Code units become a string 4,096 at a time, from a plain array: one by one, or
 * from a typed array, measured 4 to 20 times slower on a first call (which is the call that counts).
 */
function utf8(bytes: Uint8Array): string {
  const units: number[] = new Array(4096)
  let size = 0
  let text = ''
  for (let i = 0; i < bytes.length; ) {
    let c = bytes[i++]
    if (c > 223) c = ((c & 15) << 12) | ((bytes[i++] & 63) << 6) | (bytes[i++] & 63)
    else if (c > 127) c = ((c & 31) << 6) | (bytes[i++] & 63)
    units[size++] = c
    if (size === 4096) {
      text += String.fromCharCode.apply(null, units)
      size = 0
    }
  }
  units.length = size
  return text + String.fromCharCode.apply(null, units)
}

/** A text the generator packed (its UTF-8 length in base 36, `~`, then base91 of raw DEFLATE) -> the text. */
export function unpack(packed: string): string {
  const cut = packed.indexOf('~')
  const length = parseInt(packed.slice(0, cut), 36)
  // No table is near 16 MB: a larger (or missing) length is not the packer's.
  if (!(length >= 0 && length < 1 << 24)) fail()
  return utf8(inflate(fromBase91(packed.slice(cut + 1)), length))
}
