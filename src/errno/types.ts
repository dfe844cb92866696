/** WeChat `language` values this library writes texts for (`zh_HK` reads `zh_TW`). */
export type Locale = 'zh_CN' | 'zh_TW' | 'en'

/** One text in every locale. */
export interface Localized {
  zh_CN: string
  zh_TW: string
  en: string
}

/**
 * A catalogue text whose locales are files of their own (errno meanings, server and cloud texts): English always;
 * zh_CN or zh_TW is undefined when an app left that locale's file out with packOptions.ignore (README). Readers that
 * show a text fall back to `en`.
 */
export interface LocalizedText {
  zh_CN?: string | undefined
  zh_TW?: string | undefined
  en: string
}

/** A first- or second-level errno category. */
export interface ErrnoCategory {
  /** The two-digit category code as a number (15 for "device", 4 for "NFC"). */
  code: number
  /** A stable dotted key: `device`, `device.nfc`; `unknown` when no category has the code. */
  key: string
  name: Localized
  /** true when the category is in the official lists or inferred by us; false for unknown codes. */
  known: boolean
  /** true when neither official list names the category and the name is ours. */
  inferred: boolean
}

/** The arithmetic decode of an errno: digits 1-2, 3-4 and 5-7 of the 7-digit, left-padded code. */
export interface DecodedErrno {
  errno: number
  /** First-level category code (digits 1-2), or -1 when the input is not an errno. */
  first: number
  /** Second-level category code (digits 3-4), or -1. */
  second: number
  /** The specific error type (digits 5-7), or -1. */
  specific: number
  category: ErrnoCategory
  subcategory: ErrnoCategory
}

/** A catalogue entry, as {@link lookupErrno} returns it. */
export interface ErrnoEntry extends DecodedErrno {
  /** The constant name, e.g. `BLUETOOTH_ADAPTER_UNAVAILABLE`. */
  name: string
  /** The reason text the runtime sends after `api:fail` (may be empty where the reference lists none). */
  errMsg: string
  /** The developer meaning in every locale (zh_CN / zh_TW undefined when that locale's file was left out). */
  message: LocalizedText
}
