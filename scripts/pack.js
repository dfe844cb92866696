// Packs a text for src/unpack.ts: raw DEFLATE (pako, level 9: the same bytes on every machine,
// unlike zlib builds with CPU-specific match finders, so `generate --check` is stable) in base91.
'use strict'
const pako = require('pako')

const BASE91 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,./:;<=>?@[]^_`{|}~"'

/** bytes -> base91 text (basE91, Joachim Henke's scheme, with the alphabet above). */
function toBase91(bytes) {
  let out = ''
  let buffer = 0
  let count = 0
  for (const byte of bytes) {
    buffer |= byte << count
    count += 8
    if (count > 13) {
      let value = buffer & 8191
      if (value > 88) {
        buffer >>= 13
        count -= 13
      } else {
        value = buffer & 16383
        buffer >>= 14
        count -= 14
      }
      out += BASE91[value % 91] + BASE91[Math.floor(value / 91)]
    }
  }
  if (count) {
    out += BASE91[buffer % 91]
    if (count > 7 || buffer > 90) out += BASE91[Math.floor(buffer / 91)]
  }
  return out
}

/** A text -> what unpack() turns back into it. */
function pack(text) {
  return toBase91(pako.deflateRaw(Buffer.from(text, 'utf8'), { level: 9, memLevel: 9 }))
}

module.exports = { pack, toBase91, BASE91 }
