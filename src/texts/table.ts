/**
 * A text table read on first use (see the generated loaders, tables.ts and tables.miniprogram.ts).
 * A table that fails to load, such as a locale an app left out with packOptions.ignore, reads as
 * empty, and its readers fall back to English. Lookups by caller-given keys ('constructor',
 * '__proto__') find only the table's own rows.
 */
export function table<T extends object>(load: () => T): () => T {
  let value: T | undefined
  return () => {
    if (value === undefined) {
      let loaded: unknown
      try {
        loaded = load()
      } catch (error) {
        loaded = undefined
      }
      value = (loaded && typeof loaded === 'object' ? loaded : Object.create(null)) as T
      if (Object.getPrototypeOf(value) === Object.prototype) Object.setPrototypeOf(value, null)
    }
    return value
  }
}
