// The English meaning every ErrnoError's message carries: part of the core in both builds. The table is
// part of DECODING, unpacked and parsed on first use; in miniprogram_dist it is its own file
// (texts/DECODING.js), loaded with the first error, so a cold start parses none of it.
import { ERRNO_MEANINGS_EN } from '../texts/generated/errno.en'

export function englishMeaning(errno: number): string | undefined {
  return ERRNO_MEANINGS_EN()[errno]
}
