// One place to hear every failure: the promise layer, promisify, apiRequest and the event helpers report
// each rejection here. Part of the core (a few lines), so reporting costs nothing when nobody listens.

/** Hears a failure: an ErrnoError, WxServerError, CloudError or HttpApiError. */
export type FailureListener = (error: Error) => void

const listeners: FailureListener[] = []

/**
 * Calls `listener` with the error of every rejection of wxp, promisify, apiRequest and the event
 * helpers (once's time-out). Returns the function that unsubscribes. A listener that throws changes
 * nothing: the rejection still reaches the caller, and the other listeners still run.
 *
 * @example
 * const stop = onFailure((error) => console.warn(error.toJSON()))
 */
export function onFailure(listener: FailureListener): () => void {
  if (typeof listener !== 'function') throw new TypeError('onFailure: listener must be a function')
  listeners.push(listener)
  return () => {
    const at = listeners.indexOf(listener)
    if (at >= 0) listeners.splice(at, 1)
  }
}

/** Tells every listener about a failure, then hands the error back (for `reject(reportFailure(e))`). */
export function reportFailure<E>(error: E): E {
  if (listeners.length) {
    for (const listener of listeners.slice()) {
      try {
        listener(error as unknown as Error)
      } catch (ignored) {
        // a listener that throws changes nothing
      }
    }
  }
  return error
}
