import { unpack } from './unpack'

/**
 * A table shipped as JSON text, parsed on first use: most apps read few texts, and a cold start
 * should not pay for all of them. The text is packed (see packed() below). In miniprogram_dist it
 * lives in its own file (texts/NAME.js, which unpacks itself when `require`d on first use), so an app
 * can leave out the locales it does not ship; a table whose file is missing or malformed reads as
 * empty, and readers fall back to English.
 */
export function lazyJSON<T>(source: () => string): () => T {
  let value: T | undefined
  return () => {
    if (value === undefined) {
      try {
        value = JSON.parse(source()) as T
        // Lookups by caller-given keys ('constructor', '__proto__', 'toString') must find only the table's own rows.
        if (value && typeof value === 'object' && !Array.isArray(value)) Object.setPrototypeOf(value, null)
      } catch (error) {
        value = {} as T
      }
    }
    return value
  }
}

/** A packed text (scripts/pack.js) as the source lazyJSON takes: unpacked on first use. */
export function packed(text: string): () => string {
  return () => unpack(text)
}
