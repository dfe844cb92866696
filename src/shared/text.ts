// Plain string tests shared by the decoders and the masking: no regular expression to compile at the first failure.

/** true when `text` contains one of `words` at least. */
export function containsAny(text: string, words: ReadonlyArray<string>): boolean {
  for (const word of words) if (text.indexOf(word) >= 0) return true
  return false
}
