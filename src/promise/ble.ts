import { ErrnoError } from '../errno/ErrnoError'
import { invokeAsync, methodOf } from '../wx/invoke'
import { withRetry, withTimeout } from '../policy/retry'
import { isRetriable } from '../policy/policy'
import { clampDelay } from '../shared/delay'
import { textOf } from '../shared/text'
import { globalWx, currentPlatform, hasMethod } from '../wx/access'
import type { AnyObject } from '../wx/access'

export interface BLEWriterOptions {
  deviceId: string
  serviceId: string
  characteristicId: string
  /**
   * The negotiated ATT MTU; each write carries MTU - 3 bytes. An integer from 23 to 517 (the Bluetooth Core
   * spec's range): anything else is rejected, here and in negotiateMTU. @default 23 (20-byte payloads)
   */
  mtu?: number
  /** Passed to writeBLECharacteristicValue (`write` or `writeNoResponse`). */
  writeType?: 'write' | 'writeNoResponse'
  /** Attempts per chunk; only retriable failures (BLE time-out, system error) are retried. @default 3 */
  attempts?: number
  /** Wait before a retry, in milliseconds. @default 100 */
  retryDelayMs?: number
  /**
   * Give up on one write that never answers after this many milliseconds: the write rejects with errno 5 and
   * is not sent again (it may still land), and the next write waits until the late answer comes or as long
   * again, so chunks never reach the device twice or out of order. @default 10000; Infinity: no limit
   */
  writeTimeoutMs?: number
  /** The wx object to write through. @default the global wx */
  wx?: object
}

export interface BLEWriter {
  /** Writes the whole buffer in MTU-sized chunks, after every write queued before it. */
  write(data: ArrayBuffer | ArrayBufferView): Promise<void>
  /**
   * Uses the largest MTU the platform allows. Android: asks with setBLEMTU (Android-only, per WeChat's
   * docs) and uses what is granted. iOS and others: the MTU is fixed by the system, so it is read with
   * getBLEMTU. Never rejects just because the platform cannot negotiate: resolves with the MTU in use.
   */
  negotiateMTU(mtu: number): Promise<number>
  /** The payload bytes per write. */
  readonly chunkSize: number
  /** Writes waiting or running. */
  readonly pending: number
}

const ATT_HEADER = 3
/** The ATT MTU range of the Bluetooth Core spec (Vol 3, Part F, 3.2.8): 23 minimum, 517 maximum. */
const MIN_MTU = 23
const MAX_MTU = 517

/** The one rule for an MTU the caller gives: an integer from 23 to 517, or undefined. */
function validMtu(value: unknown): number | undefined {
  return typeof value === 'number' && value % 1 === 0 && value >= MIN_MTU && value <= MAX_MTU ? value : undefined
}

/** An MTU the device reports, kept within 23..517 (a device's answer is data, not a mistake in the call). */
function reportedMtu(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined
  const whole = Math.floor(value)
  return whole >= MIN_MTU ? Math.min(whole, MAX_MTU) : undefined
}

const mtuError = (api: string, value: unknown, cause: unknown) =>
  new ErrnoError({
    errno: 1001,
    errMsg: api + ':fail mtu must be an integer from 23 to 517, got ' + textOf(value),
    api,
    cause,
  })

function toArrayBuffer(data: ArrayBuffer | ArrayBufferView): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data
  if (data && ArrayBuffer.isView(data))
    return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer
  throw new ErrnoError({
    errno: 1001,
    errMsg: 'writeBLECharacteristicValue:fail data must be an ArrayBuffer or a typed array',
    api: 'writeBLECharacteristicValue',
    cause: data,
  })
}

/**
 * Writes to a BLE characteristic the way device apps need: splits data by the MTU, runs one
 * write at a time (concurrent writes fail on Android), retries retriable failures and gives up on
 * a write that never answers (writeTimeoutMs), so one lost write cannot block the queue for good.
 *
 * @example
 * const writer = createBLEWriter({ deviceId, serviceId, characteristicId })
 * await writer.negotiateMTU(185)
 * await writer.write(command)
 */
export function createBLEWriter(options: BLEWriterOptions): BLEWriter {
  if (
    !options ||
    typeof options.deviceId !== 'string' ||
    typeof options.serviceId !== 'string' ||
    typeof options.characteristicId !== 'string'
  ) {
    throw new ErrnoError({
      errno: 1001,
      errMsg: 'createBLEWriter:fail deviceId, serviceId and characteristicId must be strings',
      api: 'createBLEWriter',
      cause: options,
    })
  }
  const target = (): AnyObject | undefined => (options.wx as AnyObject) || globalWx()
  if (options.mtu !== undefined && validMtu(options.mtu) === undefined)
    throw mtuError('createBLEWriter', options.mtu, options)
  let mtu = validMtu(options.mtu) || MIN_MTU
  const writeTimeoutMs =
    typeof options.writeTimeoutMs === 'number' && options.writeTimeoutMs > 0 ? options.writeTimeoutMs : 10000
  let queue: Promise<unknown> = Promise.resolve()
  let pending = 0
  // After a write that timed out, the next job waits for its late answer (or as long again).
  let gate: Promise<unknown> = Promise.resolve()

  const writeChunk = (chunk: ArrayBuffer) => {
    let answered = false
    return withRetry(
      () => {
        const owner = target()
        const call: AnyObject = {
          deviceId: options.deviceId,
          serviceId: options.serviceId,
          characteristicId: options.characteristicId,
          value: chunk,
        }
        if (options.writeType) call.writeType = options.writeType
        answered = false
        const sent = invokeAsync(
          owner,
          methodOf(owner, 'writeBLECharacteristicValue'),
          'writeBLECharacteristicValue',
          call,
        )
        const settled = sent.then(
          () => {
            answered = true
          },
          () => {
            answered = true
          },
        )
        return withTimeout(sent, writeTimeoutMs, 'writeBLECharacteristicValue').catch((error: unknown) => {
          if (!answered)
            gate = Promise.race([settled, new Promise((resolve) => setTimeout(resolve, clampDelay(writeTimeoutMs)))])
          throw error
        })
      },
      {
        attempts: options.attempts || 3,
        minDelayMs: options.retryDelayMs !== undefined ? options.retryDelayMs : 100,
        maxDelayMs: 5000,
        // Sent again only when the runtime answered that it failed: a write with no answer may have landed.
        shouldRetry: (error) => answered && isRetriable(error),
      },
    )
  }

  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    pending++
    const run = queue.then(() => gate).then(job)
    queue = run.then(
      () => {
        pending--
      },
      () => {
        pending--
      },
    )
    return run
  }

  return {
    write(data) {
      let buffer: ArrayBuffer
      try {
        buffer = toArrayBuffer(data)
      } catch (error) {
        return Promise.reject(error)
      }
      return enqueue(async () => {
        const size = mtu - ATT_HEADER
        for (let offset = 0; offset < buffer.byteLength; offset += size) {
          await writeChunk(buffer.slice(offset, offset + size))
        }
      })
    },
    negotiateMTU(requested) {
      if (validMtu(requested) === undefined) return Promise.reject(mtuError('negotiateMTU', requested, requested))
      return enqueue(async () => {
        const owner = target()
        const readMtu = async () => {
          if (!hasMethod(owner, 'getBLEMTU')) return undefined
          try {
            const read = (await invokeAsync(owner, methodOf(owner, 'getBLEMTU'), 'getBLEMTU', {
              deviceId: options.deviceId,
              writeType: options.writeType || 'write',
            })) as { mtu?: number } | undefined
            return reportedMtu(read && read.mtu)
          } catch (error) {
            return undefined
          }
        }
        let granted: number | undefined
        if (currentPlatform(owner) === 'android' && hasMethod(owner, 'setBLEMTU')) {
          try {
            const result = (await invokeAsync(owner, methodOf(owner, 'setBLEMTU'), 'setBLEMTU', {
              deviceId: options.deviceId,
              mtu: requested,
            })) as { mtu?: number } | undefined
            granted = reportedMtu(result && result.mtu)
          } catch (error) {
            // the device refused a larger MTU: keep what the connection has
          }
        }
        if (granted === undefined) granted = await readMtu()
        if (granted !== undefined) mtu = granted
        return mtu
      })
    },
    get chunkSize() {
      return mtu - ATT_HEADER
    },
    get pending() {
      return pending
    },
  }
}
