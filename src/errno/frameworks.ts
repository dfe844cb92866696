// What the frameworks around wx hand back: uni-app's promise pairs.

/**
 * The `err` of uni-app's `[err, res]`, when `value` is such a pair with a failure in it (its promises resolve with
 * `[err]` on failure and `[null, res]` on success in Vue 2 projects: @dcloudio/uni-mp-weixin's handlePromise).
 */
export function uniPairFailure(value: unknown): object | undefined {
  try {
    if (!Array.isArray(value) || value.length < 1 || value.length > 2) return undefined
    const first = value[0]
    if (first === null || typeof first !== 'object' || Array.isArray(first)) return undefined
    return typeof (first as { errMsg?: unknown }).errMsg === 'string' ? first : undefined
  } catch (error) {
    return undefined // a revoked proxy
  }
}

/** Array.isArray that answers false for a revoked proxy (which makes it throw). */
export function isArrayValue(value: unknown): boolean {
  try {
    return Array.isArray(value)
  } catch (error) {
    return false
  }
}

/** true for uni-app's `[null, res]`: the pair of a success. */
export function isUniSuccessPair(value: unknown): boolean {
  try {
    return Array.isArray(value) && value.length === 2 && value[0] === null
  } catch (error) {
    return false // a revoked proxy
  }
}
