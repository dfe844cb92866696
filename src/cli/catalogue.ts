// The whole catalogue as rows (errno, legacy errCode, server errcode, cloud code, HTTP status), and the details of
// one row: its policy, who it blames and the guidance a user sees on iOS and Android in each locale. Read by the
// errno explorer page (explorer/) and the failure report (report.ts); every figure comes from the library itself.
import { ErrnoError } from '../errno/ErrnoError'
import { toErrnoError, parseErrMsg, legacyTableName } from '../errno/normalize'
import { lookupErrno, allErrnos } from '../texts/index'
import { getPolicy } from '../policy/policy'
import type { Guidance } from '../guidance/guidance'
import { SERVER_CODES, CLOUD_CODES, CLOUD_GROUPS, LEGACY_TEXTS, HTTP_STATUSES } from '../texts/generated/tables'
import { toWxServerError } from '../beyond/WxServerError'
import { toCloudError } from '../beyond/CloudError'
import { toHttpApiError } from '../beyond/HttpApiError'
import { localized } from '../beyond/shared'
import type { Locale, Localized, LocalizedText } from '../errno/types'
import { cloudMeaning, serverText } from '../beyond/texts'
import { guidanceInLocales } from './explain'

export type EntryType = 'errno' | 'errCode' | 'server' | 'cloud' | 'http'

/** One code of the catalogue, as a row of the explorer. */
export interface CatalogueRow {
  type: EntryType
  /** The code as typed: `1500102`, `10001`, `40001`, `DATABASE_TIMEOUT`, `404`. */
  code: string
  /** The constant name (BLUETOOTH_NOT_AVAILABLE, INVALID_CREDENTIAL) or the cloud group. */
  name?: string
  /** The errMsg reason the runtime sends (errno, legacy errCode) or the server's errmsg. */
  errMsg?: string
  meaning?: LocalizedText
  /** The category › subcategory (errno), the legacy table, the cloud group, "WeChat server" or "HTTP". */
  group: Localized
  /** Who or what the failure comes from (ErrorKind). */
  kind: string
  /** retry, fix, config, user, reauth, token, cancel, none … */
  policy: string
}

const fixed = (en: string, zh_CN: string, zh_TW: string): Localized => ({ zh_CN, zh_TW, en })

/** The error a row stands for, made by the library's own decoders. */
export function errorOf(type: EntryType, code: string): Error | undefined {
  const number = Number(code)
  if (type === 'errno') return new ErrnoError({ errno: number, errMsg: '' })
  if (type === 'errCode') return toErrnoError({ errCode: number, errMsg: '' })
  if (type === 'server') return toWxServerError({ errcode: number, errmsg: '' })
  if (type === 'cloud') return toCloudError({ code })
  return toHttpApiError(number)
}

function row(type: EntryType, code: string, group: Localized, extra: Partial<CatalogueRow>): CatalogueRow {
  const error = errorOf(type, code) as Error & { kind: string }
  return Object.assign({ type, code, group, kind: error.kind, policy: getPolicy(error).kind }, extra)
}

/** Every row of every catalogue, in catalogue order. */
export function catalogueRows(): CatalogueRow[] {
  const rows: CatalogueRow[] = []
  for (const errno of allErrnos()) {
    const entry = lookupErrno(errno)
    if (!entry) continue
    const group = entry.category.name
    const sub = entry.subcategory.name
    const both =
      entry.second > 0
        ? fixed(group.en + ' › ' + sub.en, group.zh_CN + ' › ' + sub.zh_CN, group.zh_TW + ' › ' + sub.zh_TW)
        : group
    rows.push(row('errno', String(errno), both, { name: entry.name, errMsg: entry.errMsg, meaning: entry.message }))
  }
  const legacy = LEGACY_TEXTS()
  for (const code of Object.keys(legacy)) {
    const text = legacy[code as unknown as number]
    const table = legacyTableName(Number(code)) || text[0]
    const label = fixed('Legacy errCode (' + table + ')', '旧 errCode（' + table + '）', '舊 errCode（' + table + '）')
    rows.push(row('errCode', code, label, { errMsg: text[1], meaning: localized([text[2], text[3], text[4]]) }))
  }
  const server = SERVER_CODES()
  for (const code of Object.keys(server)) {
    const r = server[code]
    rows.push(
      row('server', code, fixed('WeChat server', '微信服务端', '微信服務端'), {
        name: r[0],
        errMsg: r[3],
        meaning: serverText(code, 0),
      }),
    )
  }
  const cloud = CLOUD_CODES()
  const groups = CLOUD_GROUPS()
  for (const code of Object.keys(cloud)) {
    const r = cloud[code]
    const group = localized(groups[r[0]]) || fixed(r[0], r[0], r[0])
    rows.push(
      row('cloud', code, fixed('Cloud › ' + group.en, '云开发 › ' + group.zh_CN, '雲開發 › ' + group.zh_TW), {
        name: r[0],
        meaning: cloudMeaning(code),
      }),
    )
  }
  const http = HTTP_STATUSES()
  for (const code of Object.keys(http))
    rows.push(
      row('http', code, fixed('HTTP status', 'HTTP 状态码', 'HTTP 狀態碼'), {
        meaning: localized(http[code as unknown as number][2]),
      }),
    )
  return rows
}

export type GuidanceByPlatform = { [P in 'ios' | 'android']: { [L in Locale]?: Guidance } }

/** The details of one failure: decoded fields, policy, blame and guidance on both platforms in every locale. */
export interface FailureDetails {
  name: string
  errno?: number
  api?: string
  code?: string
  known: boolean
  meaning?: LocalizedText
  kind: string
  policy: { kind: string; delayMs?: number }
  guidance: GuidanceByPlatform
}

/** Details of anything the library can read: an error it made, a raw wx failure, an errMsg. */
export function detailsOf(error: unknown): FailureDetails {
  const decoded = (
    error instanceof Error && (error as { kind?: unknown }).kind !== undefined ? error : toErrnoError(error)
  ) as Error & {
    kind: string
    known: boolean
    errno?: number
    api?: string
    code?: unknown
    meaning?: LocalizedText
  }
  const policy = getPolicy(decoded)
  const guidance: GuidanceByPlatform = {
    ios: guidanceInLocales(decoded, 'ios'),
    android: guidanceInLocales(decoded, 'android'),
  }
  const entry = typeof decoded.errno === 'number' ? lookupErrno(decoded.errno) : undefined
  return {
    name: decoded.name,
    errno: decoded.errno,
    api: decoded.api,
    code: typeof decoded.code === 'string' ? decoded.code : undefined,
    known: decoded.known,
    meaning: decoded.meaning || (entry ? entry.message : undefined),
    kind: decoded.kind,
    policy: { kind: policy.kind, delayMs: policy.delayMs },
    guidance,
  }
}

/** Details of a catalogue row. */
export function rowDetails(type: EntryType, code: string): FailureDetails {
  return detailsOf(errorOf(type, code))
}

/** true when the text reads as a wx errMsg (`api:fail reason`), which the explorer decodes. */
export function isErrMsg(text: string): boolean {
  return parseErrMsg(text.trim()).api !== undefined
}
