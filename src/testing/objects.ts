// The objects a fake wx creates (BLE peripheral server, UDP and TCP sockets, a VisionKit session, an inference
// session): each records its calls and fails the way the device state says.
import type { Device } from './device'
import { FAILURES } from './failures'
import type { Failure } from './failures'
import type { AnyObject, FakeWxCall } from './types'

/** The FileSystemManager methods the fake has, space-separated. */
export const FILE_SYSTEM_METHODS =
  'access appendFile close copyFile fstat ftruncate getFileInfo getSavedFileList mkdir open read ' +
  'readCompressedFile readFile readZipEntry readdir removeSavedFile rename rmdir saveFile stat truncate unlink unzip ' +
  'write writeFile'

/** The methods of the NFC tag objects (NfcA … MifareUltralight). */
export const NFC_TECH_METHODS =
  'connect close transceive isConnected setTimeout getMaxTransceiveLength writeNdefMessage getAtqa getSak ' +
  'getHistoricalBytes'

/** The wx events the fake can fire (wx.onX / wx.offX). */
export const WX_EVENTS =
  'BLECharacteristicValueChange BluetoothDeviceFound BluetoothAdapterStateChange BLEConnectionStateChange ' +
  'BLEMTUChange GetWifiList WifiConnected NetworkStatusChange BeaconUpdate HCEMessage LocalServiceFound ' +
  'LocalServiceLost AppShow AppHide'

export interface FactoryContext {
  calls: FakeWxCall[]
  device: Device
  emit: (event: string, payload?: unknown) => void
  schedule: (fn: () => void) => void
  shape: (failure: Failure) => Failure
  eventPair: (owner: AnyObject, event: string, prefix?: string) => void
  wrapObject: (prefix: string, methods: string[], events?: string[]) => AnyObject
}

/** createBLEPeripheralServer, createUDPSocket, createVKSession, createTCPSocket and createInferenceSession. */
export function objectFactories(ctx: FactoryContext): AnyObject {
  const { calls, emit, schedule, shape, eventPair, wrapObject } = ctx
  const state = ctx.device.state
  return {
    createBLEPeripheralServer: (call: AnyObject = {}) => {
      calls.push({ api: 'createBLEPeripheralServer', options: call })
      const server = wrapObject(
        'BLEPeripheralServer',
        ['addService', 'removeService', 'startAdvertising', 'stopAdvertising', 'writeCharacteristicValue', 'close'],
        [
          'CharacteristicReadRequest',
          'CharacteristicWriteRequest',
          'CharacteristicSubscribed',
          'CharacteristicUnsubscribed',
        ],
      )
      schedule(() => {
        if (state.bluetooth !== 'on') {
          const failure = shape(
            state.bluetooth === 'off'
              ? FAILURES.bluetoothOff('createBLEPeripheralServer')
              : FAILURES.bluetoothUnsupported('createBLEPeripheralServer'),
          )
          if (call.fail) call.fail(failure)
        } else if (call.success) call.success({ errMsg: 'createBLEPeripheralServer:ok', server })
      })
    },
    createUDPSocket: () => {
      calls.push({ api: 'createUDPSocket', options: undefined })
      const socket: AnyObject = {
        send: () => undefined,
        write: () => undefined,
        connect: () => undefined,
        close: () => undefined,
        setTTL: () => undefined,
      }
      for (const event of ['Close', 'Error', 'Listening', 'Message']) eventPair(socket, event, 'UDPSocket.')
      socket.bind = (port?: number) => {
        calls.push({ api: 'UDPSocket.bind', options: port })
        schedule(() =>
          state.network === 'offline'
            ? emit('UDPSocket.Error', { errMsg: 'bind:fail network is unreachable', errno: 600000 })
            : emit('UDPSocket.Listening', {}),
        )
        return port || 50000
      }
      return socket
    },
    createVKSession: (call: AnyObject) => {
      calls.push({ api: 'createVKSession', options: call })
      const session: AnyObject = {
        state: 0,
        start: (callback: (status: number) => void) => {
          session.state = 1
          schedule(() => callback(0))
        },
        stop: () => {
          session.state = 2
        },
        destroy: () => undefined,
        on: () => undefined,
        off: () => undefined,
      }
      return session
    },
    createTCPSocket: () => {
      calls.push({ api: 'createTCPSocket', options: undefined })
      const socket: AnyObject = { write: () => undefined, close: () => undefined }
      for (const event of ['Connect', 'Close', 'Error', 'Message', 'BindWifi']) eventPair(socket, event, 'TCPSocket.')
      socket.connect = (call: AnyObject) => {
        calls.push({ api: 'TCPSocket.connect', options: call })
        schedule(() =>
          state.network === 'offline'
            ? emit('TCPSocket.Error', { errMsg: 'connect:fail network is unreachable', errno: 600000 })
            : emit('TCPSocket.Connect', {}),
        )
      }
      return socket
    },
    createInferenceSession: (call: AnyObject) => {
      calls.push({ api: 'createInferenceSession', options: call })
      return {
        run: (input: unknown) =>
          input
            ? Promise.resolve({ output: { shape: [1], dataType: 'float32', data: new ArrayBuffer(4) } })
            : Promise.reject({ errMsg: 'run:fail input tensors is empty', errno: 2004003 }),
        destroy: () => undefined,
        onLoad: () => undefined,
        offLoad: () => undefined,
        onError: () => undefined,
        offError: () => undefined,
      }
    },
  }
}
