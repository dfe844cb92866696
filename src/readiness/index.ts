export { checkReadiness, ensure } from './readiness'
export type { Capability, MissingKind, MissingItem, Readiness, ReadinessOptions, EnsureOptions } from './readiness'
