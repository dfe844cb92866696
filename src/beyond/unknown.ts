// Its own module: a plain value the mini-program core exports without beyond.js.

/** The code of a failure no known cloud code could be found in. */
export const UNKNOWN_CLOUD_CODE = 'UNKNOWN'
