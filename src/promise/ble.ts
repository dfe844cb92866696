import { ErrnoError } from '../errno/ErrnoError'
import { invokeAsync } from './invoke'
import { withRetry } from '../policy/retry'
import { globalWx } from './runtime'
import type { AnyObject } from './runtime'

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
  /** The wx object to write through. @default the global wx */
  wx?: object
}

export interface BLEWriter {
  /** Writes the whole buffer in MTU-sized chunks, after every write queued before it. */
  write(data: ArrayBuffer | ArrayBufferView): Promise<void>
  /** Asks for a larger MTU (Android) and uses what the system grants. Resolves with the MTU in use. */
  negotiateMTU(mtu: number): Promise<number>
  /** The payload bytes per write. */
  readonly chunkSize: number
  /** Writes waiting or running. */
  readonly pending: number
}

const ATT_HEADER = 3

function toArrayBuffer(data: ArrayBuffer | ArrayBufferView): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data
  if (data && ArrayBuffer.isView(data)) return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer
  throw new ErrnoError({ errno: 1001, errMsg: 'writeBLECharacteristicValue:fail data must be an ArrayBuffer or a typed array', api: 'writeBLECharacteristicValue', cause: data })
}

/**
 * Writes to a BLE characteristic the way device apps need: splits data by the MTU, runs one
 * write at a time (concurrent writes fail on Android) and retries retriable failures.
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
  let mtu = options.mtu && options.mtu > ATT_HEADER ? Math.floor(options.mtu) : 23
  let queue: Promise<unknown> = Promise.resolve()
  let pending = 0

  const writeChunk = (chunk: ArrayBuffer) => withRetry(() => {
    const owner = target()
    const call: AnyObject = { deviceId: options.deviceId, serviceId: options.serviceId, characteristicId: options.characteristicId, value: chunk }
    if (options.writeType) call.writeType = options.writeType
    return invokeAsync(owner, owner ? owner.writeBLECharacteristicValue : undefined, 'writeBLECharacteristicValue', call)
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
        const result = (await invokeAsync(owner, owner ? owner.setBLEMTU : undefined, 'setBLEMTU', { deviceId: options.deviceId, mtu: requested })) as { mtu?: number } | undefined
        let granted = result && typeof result.mtu === 'number' ? result.mtu : undefined
        if (granted === undefined && owner && typeof owner.getBLEMTU === 'function') {
          const read = (await invokeAsync(owner, owner.getBLEMTU, 'getBLEMTU', { deviceId: options.deviceId })) as { mtu?: number } | undefined
          granted = read && typeof read.mtu === 'number' ? read.mtu : undefined
        }
        if (granted !== undefined && granted > ATT_HEADER) mtu = Math.floor(granted)
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
