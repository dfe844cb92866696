// isErrnoError on its own, so `import { isErrnoError }` bundles this file and nothing else.
import type { ErrnoError } from './ErrnoError'

/**
 * On ErrnoError.prototype. Shared by every copy of the library (Symbol.for is global), so isErrnoError works across
 * copies.
 */
export const BRAND = Symbol.for('miniprogram-errno.ErrnoError')

/**
 * true for an ErrnoError, also one made by another copy of this library (two subpackages), and for a
 * plain object of its shape (name 'ErrnoError', numeric errno, string errMsg). Never throws.
 */
export function isErrnoError(value: unknown): value is ErrnoError {
  if (value === null || typeof value !== 'object') return false
  try {
    const candidate = value as { [key: string]: unknown }
    return (
      (candidate as { [BRAND]?: unknown })[BRAND] === true ||
      (candidate.name === 'ErrnoError' && typeof candidate.errno === 'number' && typeof candidate.errMsg === 'string')
    )
  } catch (error) {
    return false // a proxy that throws on property access
  }
}
