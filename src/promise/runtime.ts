/** Any wx-shaped object: members are looked up by name. */
export type AnyObject = { [key: string]: any }

/** The global `wx`, read at each call so the library can be imported where none exists (Node, tests). */
export function globalWx(): AnyObject | undefined {
  return typeof wx !== 'undefined' ? (wx as unknown as AnyObject) : undefined
}
