/** The longest delay setTimeout honours: above 2^31-1 ms it fires after 1 ms. */
export const MAX_TIMER_MS = 2147483647

/**
 * A delay setTimeout can take: NaN and negatives become 0, anything longer than MAX_TIMER_MS (Infinity too) becomes it.
 */
export function clampDelay(ms: number): number {
  return ms > MAX_TIMER_MS ? MAX_TIMER_MS : Math.max(ms, 0)
}
