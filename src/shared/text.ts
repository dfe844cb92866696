// Plain string tests shared by the decoders and the masking: no regular expression to compile at the first failure.

/**
 * A value as text, never throwing: a string as it is, anything else through String() (`[unprintable object]` when
 * that throws).
 */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value
  try {
    return String(value)
  } catch (error) {
    return '[unprintable ' + typeof value + ']'
  }
}

/** true when `text` contains one of `words` at least. */
export function containsAny(text: string, words: ReadonlyArray<string>): boolean {
  for (const word of words) if (text.indexOf(word) >= 0) return true
  return false
}
