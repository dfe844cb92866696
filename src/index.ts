// miniprogram-errno: typed, decoded errors for WeChat mini-programs.
export * from './errno/index'
export { Errno } from './errno/generated/codes'
export type { KnownErrno, ErrnoName } from './errno/generated/codes'
export { lookupErrno, errnoMeaning, allErrnos } from './texts/index'
export * from './policy/index'
export * from './promise/index'
export * from './guidance/index'
export * from './errors/index'
