// Lookups by a key a caller gave: the table's own entries only.

/**
 * A table's own entry for a key a caller gave, never one inherited from Object.prototype (`constructor`, `__proto__`).
 * Takes string and number keys (a numeric key is the same property as its text); any other key finds nothing.
 */
export function own<T>(table: { readonly [key: number]: T }, key: string | number): T | undefined {
  return (typeof key === 'number' || typeof key === 'string') && Object.prototype.hasOwnProperty.call(table, key)
    ? (table as { [key: string]: T })[key]
    : undefined
}
