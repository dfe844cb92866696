// A strict CommonJS consumer of the built package (dist/*.d.ts through the exports map).
import { decodeErrno, lookupErrno } from 'miniprogram-errno'
import type { FakeWx } from 'miniprogram-errno/testing'

export const category: string = decodeErrno(1504003).subcategory.name.en
export const meaning: string | undefined = lookupErrno(1504003)?.message.zh_TW
export type Double = FakeWx
