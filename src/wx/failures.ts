// One place to hear every failure: the promise layer, promisify, apiRequest and the event helpers report
// each rejection here. Part of the core (a few lines), so reporting costs nothing when nobody listens.

/** Hears a failure: an ErrnoError, WxServerError, CloudError or HttpApiError. */
export type FailureListener = (error: Error) => unknown

const listeners: FailureListener[] = []
// Failures that something recovered from: a withRetry attempt that is tried again, a 401 that the sign-in refresh
// is about to fix. A reporter that waits a tick can leave them out.
const recovered = new WeakSet<object>()

/**
 * Calls `listener` with the error of every rejection of wxp, promisify, apiRequest and the event
 * helpers (once's time-out). Returns the function that unsubscribes. A listener that throws, or an async
 * one that rejects, changes nothing: the rejection still reaches the caller, and the other listeners still
 * run. A listener removed while a failure is being told is not called for it.
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

const ignore = (): void => undefined

/** Tells every listener about a failure, then hands the error back (for `reject(reportFailure(e))`). */
export function reportFailure<E>(error: E): E {
  if (listeners.length) {
    for (const listener of listeners.slice()) {
      if (listeners.indexOf(listener) < 0) continue // removed by an earlier listener
      try {
        const result = listener(error as unknown as Error) as { then?: unknown } | undefined
        if (result && typeof result.then === 'function') (result as PromiseLike<unknown>).then(undefined, ignore)
      } catch (ignored) {
        // a listener that throws changes nothing
      }
    }
  }
  return error
}

/** Marks a failure that was (or is about to be) recovered from: a retry follows it. */
export function markRecovered(error: unknown): void {
  if (error !== null && (typeof error === 'object' || typeof error === 'function')) recovered.add(error as object)
}

/** true for a failure marked by markRecovered. */
export function wasRecovered(error: unknown): boolean {
  return error !== null && (typeof error === 'object' || typeof error === 'function') && recovered.has(error as object)
}
