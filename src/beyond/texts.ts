// The texts of the server and cloud catalogues, read when asked for (an error's `meaning`, the CLI), never when an
// error is made: the codes tables hold the policy, and each locale's texts are a table of their own whose rows follow
// the codes table's keys.
import {
  CLOUD_CODES,
  CLOUD_MEANINGS_EN,
  CLOUD_MEANINGS_ZH_CN,
  CLOUD_MEANINGS_ZH_TW,
  SERVER_CODES,
  SERVER_TEXTS_EN,
  SERVER_TEXTS_ZH_CN,
  SERVER_TEXTS_ZH_TW,
} from '../texts/generated/tables'
import type { LocalizedText } from '../errno/types'
import { own } from '../shared/own'

type Rows<T> = () => ArrayLike<T>

/** The row of each key of a codes table: its position among the table's keys. */
function rowIndex(codes: () => object): (key: string) => number {
  let index: { [key: string]: number } | undefined
  return (key) => {
    if (!index) {
      const built: { [key: string]: number } = Object.create(null)
      Object.keys(codes()).forEach((k, i) => (built[k] = i))
      index = built
    }
    const row = own(index, key)
    return row === undefined ? -1 : row
  }
}

/** One row in each locale: undefined without an English row; zh_CN / zh_TW undefined where their file is left out. */
function textAt<T>(
  row: number,
  en: Rows<T>,
  zhCN: Rows<T>,
  zhTW: Rows<T>,
  pick: (cell: T) => string,
): LocalizedText | undefined {
  const english = row >= 0 ? en()[row] : undefined
  if (english === undefined) return undefined
  const cn = zhCN()[row]
  const tw = zhTW()[row]
  return {
    zh_CN: cn === undefined ? undefined : pick(cn),
    zh_TW: tw === undefined ? undefined : pick(tw),
    en: pick(english),
  }
}

const cloudRow = /*#__PURE__*/ rowIndex(CLOUD_CODES)
const serverRow = /*#__PURE__*/ rowIndex(SERVER_CODES)

/** The meaning of a cloud code (a key of the cloud catalogue), or undefined when the catalogue lacks it. */
export function cloudMeaning(code: string): LocalizedText | undefined {
  return textAt(cloudRow(code), CLOUD_MEANINGS_EN, CLOUD_MEANINGS_ZH_CN, CLOUD_MEANINGS_ZH_TW, (cell) => cell)
}

/**
 * Text `i` of a WeChat server errcode (0 what it means, 1 why it happens, 2 how to fix it); undefined when the
 * catalogue lacks the errcode.
 */
export function serverText(errcode: number | string, i: number): LocalizedText | undefined {
  return textAt(serverRow(String(errcode)), SERVER_TEXTS_EN, SERVER_TEXTS_ZH_CN, SERVER_TEXTS_ZH_TW, (cell) => cell[i])
}
