// Reading texts: every locale of the catalogue.
import { ERRNO_MEANINGS_EN, ERRNO_MEANINGS_ZH_CN, ERRNO_MEANINGS_ZH_TW, ERRMSG, DECODING } from './generated/tables'
import { Errno } from '../errno/generated/codes'
import { KNOWN_ERRNOS } from '../errno/generated/known'
import { decodeErrno } from '../errno/decode'
import type { ErrnoEntry, Locale, LocalizedText } from '../errno/types'

/** The meanings of one locale, read on first use. */
export const ERRNO_MEANINGS: { [L in Locale]: () => Record<number, string> } = {
  en: ERRNO_MEANINGS_EN,
  zh_CN: ERRNO_MEANINGS_ZH_CN,
  zh_TW: ERRNO_MEANINGS_ZH_TW,
}

let names: Record<number, string> | undefined

/** The constant name of a catalogued errno (`BLUETOOTH_ADAPTER_UNAVAILABLE`), from the Errno constants. */
export function errnoName(errno: number): string | undefined {
  if (!names) {
    names = Object.create(null) as Record<number, string>
    for (const key of Object.keys(Errno) as Array<keyof typeof Errno>) names[Errno[key]] = key
  }
  return names[errno]
}

let decodedErrMsgs: Record<number, string> | undefined

/**
 * The catalogue's errMsg of an errno, as the runtime sends it; '' when it has none. errmsg.js holds the codes the
 * decoder's table does not hold as sent; for the rest the text is the first in DECODING.reasons that names the code
 * (the column comes before the other spellings there).
 */
function errMsgOf(errno: number): string {
  const own = ERRMSG()[errno]
  if (own) return own
  if (!decodedErrMsgs) {
    const reasons = DECODING().reasons
    decodedErrMsgs = Object.create(null) as Record<number, string>
    for (const text of Object.keys(reasons)) {
      const value = reasons[text]
      for (const code of typeof value === 'number' ? [value] : value) {
        if (!(code in decodedErrMsgs)) decodedErrMsgs[code] = text
      }
    }
  }
  return decodedErrMsgs[errno] || ''
}

/**
 * The meaning of an errno in every locale, or undefined when the catalogue lacks it. zh_CN / zh_TW are undefined when
 * that locale's file was left out.
 */
export function errnoMeaning(errno: number): LocalizedText | undefined {
  const en = typeof errno === 'number' ? ERRNO_MEANINGS_EN()[errno] : undefined
  return en === undefined
    ? undefined
    : { zh_CN: ERRNO_MEANINGS_ZH_CN()[errno], zh_TW: ERRNO_MEANINGS_ZH_TW()[errno], en }
}

/**
 * The catalogue entry of an errno: its errMsg, the meaning in zh_CN / zh_TW / en and the decode.
 * undefined when the catalogue does not have the code (or the input is not a number). The entry is
 * shared and frozen.
 */
export function lookupErrno(errno: number): ErrnoEntry | undefined {
  if (typeof errno !== 'number') return undefined
  const cached = entries[errno]
  if (cached !== undefined) return cached
  const message = errnoMeaning(errno)
  if (!message) return undefined
  const entry: ErrnoEntry = Object.assign(
    { name: errnoName(errno) as string, errMsg: errMsgOf(errno), message },
    decodeErrno(errno),
  )
  return (entries[errno] = deepFreeze(entry))
}

// Entries are built once and shared, frozen so no caller can change another's copy.
const entries: Record<number, ErrnoEntry> = Object.create(null)

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const key of Object.keys(value)) deepFreeze((value as { [key: string]: unknown })[key])
  }
  return value
}

/** Every catalogued errno, ascending. */
export function allErrnos(): number[] {
  return KNOWN_ERRNOS.slice()
}
