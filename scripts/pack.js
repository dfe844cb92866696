// Packs a text for src/unpack.ts: raw DEFLATE in base91. The DEFLATE is zopfli's (@gfx/zopfli, WebAssembly:
// about 5% smaller than zlib level 9, and the same bytes on every machine, unlike zlib builds with
// CPU-specific match finders, so `generate --check` is stable); `pack` (pako, level 9) is the quick
// synchronous form for tests.
'use strict'
const pako = require('pako')

// src/unpack.ts's alphabet: ASCII 33 (!) to 125 (}) without ' and \ (so a digit is its code less 33, 34 or 35).
let BASE91 = ''
for (let code = 33; code <= 125; code++) if (code !== 39 && code !== 92) BASE91 += String.fromCharCode(code)

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

/** A text's UTF-8 bytes; unpack decodes no character outside the Basic Multilingual Plane, so none may be there. */
function utf8Bytes(text) {
  if (/[\ud800-\udfff]/.test(text)) throw new Error('pack: a text holds a character outside the Basic Multilingual Plane, which unpack does not decode')
  return Buffer.from(text, 'utf8')
}

/** What unpack() reads: the UTF-8 length in base 36, `~`, then base91 of the raw DEFLATE. */
function frame(bytes, deflated) {
  return bytes.length.toString(36) + '~' + toBase91(deflated)
}

/** A text -> what unpack() turns back into it (pako, level 9: quick and synchronous, for tests). */
function pack(text) {
  const bytes = utf8Bytes(text)
  return frame(bytes, pako.deflateRaw(bytes, { level: 9, memLevel: 9 }))
}

/** The same, smaller: zopfli, 15 iterations (what the generator ships). */
async function packSmallest(text) {
  const bytes = utf8Bytes(text)
  // Loaded only here: its Emscripten glue adds process-wide handlers, which no test process should get.
  const zopfli = require('@gfx/zopfli')
  return frame(bytes, await zopfli.deflateAsync(bytes, { numiterations: 15 }))
}

module.exports = { pack, packSmallest, toBase91, BASE91 }
