import { ErrnoError } from '../errno/ErrnoError'
import { invokeAsync } from '../wx/invoke'
import { withRetry, withTimeout } from '../policy/retry'
import { globalWx, currentPlatform } from '../wx/access'
import type { AnyObject } from '../wx/access'

export interface BLEWriterOptions {
  deviceId: string
  serviceId: string
  characteristicId: string
  /** The negotiated ATT MTU; each write carries MTU - 3 bytes. @default 23 (20-byte payloads) */
  mtu?: number
  /** Passed to writeBLECharacteristicValue (`write` or `writeNoResponse`). */
  writeType?: 'write' | 'writeNoResponse'
  /** Attempts per chunk; only retriable failures (BLE time-out, system error) are retried. @default 3 */
  attempts?: number
  /** Wait before a retry, in milliseconds. @default 100 */
  retryDelayMs?: number
  /** Give up on one write that never answers after this many milliseconds (errno 5, retried like any time-out). @default 10000; Infinity: no limit */
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

/** A usable MTU, or undefined: an integer from 23 to 517 (a fraction is rounded down first). */
function validMtu(value: unknown): number | undefined {
  if (typeof value !== 'number' || !isFinite(value)) return undefined
  const whole = Math.floor(value)
  return whole >= MIN_MTU ? Math.min(whole, MAX_MTU) : undefined
}

function toArrayBuffer(data: ArrayBuffer | ArrayBufferView): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data
  if (data && ArrayBuffer.isView(data)) return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer
  throw new ErrnoError({ errno: 1001, errMsg: 'writeBLECharacteristicValue:fail data must be an ArrayBuffer or a typed array', api: 'writeBLECharacteristicValue', cause: data })
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
  if (!options || typeof options.deviceId !== 'string' || typeof options.serviceId !== 'string' || typeof options.characteristicId !== 'string') {
    throw new ErrnoError({ errno: 1001, errMsg: 'createBLEWriter:fail deviceId, serviceId and characteristicId must be strings', api: 'createBLEWriter', cause: options })
  }
  const target = (): AnyObject | undefined => (options.wx as AnyObject) || globalWx()
  if (options.mtu !== undefined && validMtu(options.mtu) === undefined) {
    throw new ErrnoError({ errno: 1001, errMsg: 'createBLEWriter:fail mtu must be a number from 23 to 517, got ' + String(options.mtu), api: 'createBLEWriter', cause: options })
  }
  let mtu = validMtu(options.mtu) || MIN_MTU
  const writeTimeoutMs = typeof options.writeTimeoutMs === 'number' && options.writeTimeoutMs > 0 ? options.writeTimeoutMs : 10000
  let queue: Promise<unknown> = Promise.resolve()
  let pending = 0

  const writeChunk = (chunk: ArrayBuffer) => withRetry(() => {
    const owner = target()
    const call: AnyObject = { deviceId: options.deviceId, serviceId: options.serviceId, characteristicId: options.characteristicId, value: chunk }
    if (options.writeType) call.writeType = options.writeType
    return withTimeout(invokeAsync(owner, owner ? owner.writeBLECharacteristicValue : undefined, 'writeBLECharacteristicValue', call), writeTimeoutMs, 'writeBLECharacteristicValue')
  }, { attempts: options.attempts || 3, minDelayMs: options.retryDelayMs !== undefined ? options.retryDelayMs : 100, maxDelayMs: 5000 })

  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    pending++
    const run = queue.then(job)
    queue = run.then(() => { pending-- }, () => { pending-- })
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
      return enqueue(async () => {
        const owner = target()
        const readMtu = async () => {
          if (!owner || typeof owner.getBLEMTU !== 'function') return undefined
          try {
            const read = (await invokeAsync(owner, owner.getBLEMTU, 'getBLEMTU', { deviceId: options.deviceId, writeType: options.writeType || 'write' })) as { mtu?: number } | undefined
            return validMtu(read && read.mtu)
          } catch (error) {
            return undefined
          }
        }
        let granted: number | undefined
        if (currentPlatform(owner) === 'android' && owner && typeof owner.setBLEMTU === 'function') {
          try {
            const result = (await invokeAsync(owner, owner.setBLEMTU, 'setBLEMTU', { deviceId: options.deviceId, mtu: validMtu(requested) || MIN_MTU })) as { mtu?: number } | undefined
            granted = validMtu(result && result.mtu)
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
