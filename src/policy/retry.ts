import { clampDelay } from '../shared/delay'
import { textOf } from '../shared/text'
import { ErrnoError } from '../errno/ErrnoError'
import { toErrnoError } from '../errno/normalize'
import { isRetriable, retryDelay } from './policy'
import { markRecovered } from '../wx/failures'

/** What {@link withRetry} tells `onRetry` before each new attempt (frozen). */
export interface RetryContext {
  readonly error: unknown
  /** The attempt that just failed, from 1. */
  readonly attempt: number
  /** Attempts left after the next one starts. */
  readonly attemptsLeft: number
  /** The wait before the next attempt, in milliseconds. */
  readonly delayMs: number
}

/** Something that can stop a wait: an AbortSignal, or any object with the same two members. */
export interface AbortSignalLike {
  readonly aborted: boolean
  addEventListener(type: 'abort', listener: () => void): void
  removeEventListener?(type: 'abort', listener: () => void): void
}

export interface RetryOptions {
  /** Total attempts, the first included. @default 3 */
  attempts?: number
  /** The first backoff delay, in milliseconds. @default 500 */
  minDelayMs?: number
  /**
   * No wait is longer than this; an error whose own delay is over an hour (a day-level rate limit) is not retried.
   * @default 30000
   */
  maxDelayMs?: number
  /** Backoff growth per attempt. @default 2 */
  factor?: number
  /** Decides what to retry. @default isRetriable */
  shouldRetry?: (error: unknown, attempt: number) => boolean
  /** Called before each wait. */
  onRetry?: (context: RetryContext) => void
  /** Stops retrying: the promise rejects with errno 1 (cancel), the last failure as `cause`. */
  signal?: AbortSignalLike
}

/** A promise from {@link withRetry}; `cancel()` stops it the way an aborted signal does. */
export interface CancellablePromise<T> extends Promise<T> {
  cancel(): void
}

const LONG_WAIT_MS = 3600000

function check(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !(value >= min) || value === Infinity) {
    throw new TypeError('withRetry: ' + name + ' must be a finite number >= ' + min + ', got ' + textOf(value))
  }
  return value
}

/**
 * Runs `fn` until it succeeds, retrying only what `shouldRetry` (by default {@link isRetriable})
 * allows, waiting the error's own {@link retryDelay} or the backoff, whichever is longer, never
 * longer than `maxDelayMs`. Never exceeds `attempts`. Rejects with the last failure.
 *
 * @example
 * const { devices } = await withRetry(() => wxp.getBluetoothDevices(), { attempts: 3 })
 */
export function withRetry<T>(
  fn: (attempt: number) => T | PromiseLike<T>,
  options: RetryOptions = {},
): CancellablePromise<T> {
  let cancel: () => void = () => undefined
  const promise = new Promise<T>((resolve, reject) => {
    if (typeof fn !== 'function') throw new TypeError('withRetry: fn must be a function')
    const attempts = Math.floor(check('attempts', options.attempts, 3, 1))
    const minDelay = check('minDelayMs', options.minDelayMs, 500, 0)
    const maxDelay = check('maxDelayMs', options.maxDelayMs, 30000, 0)
    const factor = check('factor', options.factor, 2, 1)
    const shouldRetry = options.shouldRetry || isRetriable
    const signal = options.signal
    let timer: ReturnType<typeof setTimeout> | undefined
    let lastError: unknown
    let done = false

    const finish = (settle: () => void) => {
      if (done) return
      done = true
      if (timer !== undefined) clearTimeout(timer)
      if (signal && typeof signal.removeEventListener === 'function') signal.removeEventListener('abort', cancel)
      settle()
    }
    cancel = () =>
      finish(() =>
        reject(new ErrnoError({ errno: 1, errMsg: 'withRetry:fail cancel', api: 'withRetry', cause: lastError })),
      )
    if (signal) {
      if (signal.aborted) return cancel()
      if (typeof signal.addEventListener === 'function') signal.addEventListener('abort', cancel)
    }

    const run = (attempt: number) => {
      if (done) return
      // A signal without events (or one whose event never fires) is read before every attempt.
      if (signal && signal.aborted) return cancel()
      let result: T | PromiseLike<T>
      try {
        result = fn(attempt)
      } catch (error) {
        return failed(error, attempt)
      }
      Promise.resolve(result).then(
        (value) => finish(() => resolve(value)),
        (error) => failed(error, attempt),
      )
    }
    const failed = (error: unknown, attempt: number) => {
      if (done) return
      lastError = error
      let retry = false
      try {
        retry = attempt < attempts && shouldRetry(error, attempt)
      } catch (predicateError) {
        retry = false
      }
      const own = retry ? retryDelay(error) : undefined
      if (own !== undefined && own > LONG_WAIT_MS) retry = false // a day-level limit: waiting is the caller's decision
      if (!retry) return finish(() => reject(error))
      if (signal && signal.aborted) return cancel()
      // This failure is not the end: a reporter (createRealtimeLogReporter) leaves it out unless asked.
      markRecovered(error)
      const backoff = minDelay * factor ** (attempt - 1)
      const delayMs = clampDelay(Math.min(maxDelay, Math.max(backoff, own !== undefined ? own : 0)))
      if (options.onRetry) {
        try {
          options.onRetry(Object.freeze({ error, attempt, attemptsLeft: attempts - attempt - 1, delayMs }))
        } catch (hookError) {
          // a throwing hook must not stop the retries
        }
      }
      timer = setTimeout(() => {
        timer = undefined
        run(attempt + 1)
      }, delayMs)
    }
    run(1)
  }) as CancellablePromise<T>
  promise.cancel = () => cancel()
  return promise
}

/**
 * Rejects with errno 5 (time out) when `promise` has not settled within `ms`. A promise from
 * `wxp` that carries a task with `abort()` (request, downloadFile, ...) has that task aborted.
 */
export function withTimeout<T>(promise: PromiseLike<T>, ms: number, api?: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const name = typeof api === 'string' && api ? api : 'withTimeout'
    if (typeof ms !== 'number' || !(ms >= 0)) {
      reject(toErrnoError({ errno: 1001, errMsg: name + ':fail invalid timeout ' + textOf(ms) }, name))
      return
    }
    // Infinity means no limit; any other value is clamped (setTimeout fires at once above 2^31-1 ms).
    const timer =
      ms === Infinity
        ? undefined
        : setTimeout(() => {
            reject(new ErrnoError({ errno: 5, errMsg: name + ':fail time out', api: name, cause: promise }))
            const task = promise && (promise as { task?: { abort?: () => void } }).task
            if (task && typeof task.abort === 'function') {
              try {
                task.abort()
              } catch (error) {
                /* the task may be finished already */
              }
            }
          }, clampDelay(ms))
    Promise.resolve(promise).then(
      (value) => {
        if (timer !== undefined) clearTimeout(timer)
        resolve(value)
      },
      (error) => {
        if (timer !== undefined) clearTimeout(timer)
        reject(error)
      },
    )
  })
}
