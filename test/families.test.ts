// Every API family through the wx double: success, and the failures the runtime sends.
import { createWxp, ErrnoError, once, events, subscribe, toErrnoError, promisifyObject } from '../src/index'
import { createFakeWx } from '../src/testing/index'
import type { FakeWxOptions } from '../src/testing/index'

const device = { deviceId: 'AA:BB:CC:DD:EE:FF', name: 'lock' }

async function rejection(promise: Promise<unknown>): Promise<ErrnoError> {
  const error = await promise.then(() => { throw new Error('resolved, expected a rejection') }, (e: unknown) => e)
  expect(error).toBeInstanceOf(ErrnoError)
  return error as ErrnoError
}

function setup(options: FakeWxOptions = {}) {
  const fake = createFakeWx(Object.assign({ devices: [device] }, options))
  return { fake, wxp: createWxp(fake) as any }
}

describe('Bluetooth adapter and iBeacon', () => {
  test('open, discover, list, pair, close', async () => {
    const { wxp, fake } = setup()
    await wxp.openBluetoothAdapter({ mode: 'central' })
    await wxp.startBluetoothDevicesDiscovery({ allowDuplicatesKey: false })
    expect((await wxp.getBluetoothDevices()).devices).toEqual([device])
    expect((await wxp.getBluetoothAdapterState()).available).toBe(true)
    await wxp.getConnectedBluetoothDevices({ services: [] })
    await wxp.makeBluetoothPair({ deviceId: device.deviceId, pin: new ArrayBuffer(4) })
    await wxp.isBluetoothDevicePaired({ deviceId: device.deviceId })
    await wxp.stopBluetoothDevicesDiscovery()
    await wxp.closeBluetoothAdapter()
    expect(fake.calls.map((c) => c.api)).toContain('makeBluetoothPair')
  })

  test('not initialised, off, unsupported', async () => {
    expect((await rejection(setup().wxp.getBluetoothDevices())).errno).toBe(1500101)
    expect((await rejection(setup({ state: { bluetooth: 'off' } }).wxp.openBluetoothAdapter())).errno).toBe(1500102)
    expect((await rejection(setup({ state: { bluetooth: 'unsupported' } }).wxp.openBluetoothAdapter())).errno).toBe(1500105)
  })

  test('iBeacon: start, list, stop; Bluetooth off answers from the iBeacon table (errCode 11001, no errno)', async () => {
    const { wxp } = setup()
    await wxp.startBeaconDiscovery({ uuids: ['FDA50693-A4E2-4FB1-AFCF-C6EB07647825'] })
    await wxp.getBeacons()
    await wxp.stopBeaconDiscovery()
    const error = await rejection(setup({ state: { bluetooth: 'off' } }).wxp.startBeaconDiscovery({ uuids: [] }))
    expect(error).toMatchObject({ errno: 1500102, errCode: 11001, api: 'startBeaconDiscovery' })
  })
})

describe('BLE central', () => {
  test('connect, services, characteristics, notify, read, write, MTU, RSSI, close', async () => {
    const { wxp } = setup()
    const deviceId = device.deviceId
    await wxp.openBluetoothAdapter()
    await wxp.createBLEConnection({ deviceId })
    const { services } = await wxp.getBLEDeviceServices({ deviceId })
    const serviceId = services[0].uuid
    const { characteristics } = await wxp.getBLEDeviceCharacteristics({ deviceId, serviceId })
    const characteristicId = characteristics[0].uuid
    await wxp.notifyBLECharacteristicValueChange({ deviceId, serviceId, characteristicId, state: true })
    await wxp.readBLECharacteristicValue({ deviceId, serviceId, characteristicId })
    await wxp.writeBLECharacteristicValue({ deviceId, serviceId, characteristicId, value: new ArrayBuffer(1) })
    expect((await wxp.setBLEMTU({ deviceId, mtu: 512 })).mtu).toBe(185)
    expect((await wxp.getBLEMTU({ deviceId })).mtu).toBe(185)
    expect((await wxp.getBLEDeviceRSSI({ deviceId })).RSSI).toBe(-60)
    await wxp.closeBLEConnection({ deviceId })
  })

  test('not connected, unknown device, legacy profile', async () => {
    const { wxp } = setup()
    await wxp.openBluetoothAdapter()
    expect((await rejection(wxp.getBLEDeviceServices({ deviceId: device.deviceId }))).errno).toBe(1509003)
    expect((await rejection(wxp.createBLEConnection({ deviceId: 'nope' }))).errno).toBe(1509006)
    const legacy = setup({ errorProfile: 'legacy' }).wxp
    await legacy.openBluetoothAdapter()
    expect(await rejection(legacy.getBLEDeviceServices({ deviceId: device.deviceId }))).toMatchObject({ errno: 1509003, errCode: 10006 })
  })

  test('value changes as a subscription and as an async iterable', async () => {
    const { fake } = setup()
    const values: unknown[] = []
    const stop = subscribe('BLECharacteristicValueChange', (change) => values.push(change.value), { target: fake })
    fake.emit('BLECharacteristicValueChange', { value: 1 })
    stop()
    expect(values).toEqual([1])
    setTimeout(() => fake.emit('BLECharacteristicValueChange', { value: 2 }), 0)
    for await (const change of events('BLECharacteristicValueChange', { target: fake })) {
      expect(change).toEqual({ value: 2 })
      break
    }
    expect(fake.listenerCount('BLECharacteristicValueChange')).toBe(0)
  })
})

describe('BLE peripheral', () => {
  test('the server from createBLEPeripheralServer is promisified', async () => {
    const { wxp, fake } = setup()
    await wxp.openBluetoothAdapter({ mode: 'peripheral' })
    const { server } = await wxp.createBLEPeripheralServer()
    await server.addService({ service: { uuid: 'FFE0', characteristics: [] } })
    await server.startAdvertising({ advertiseRequest: { connectable: true } })
    await server.writeCharacteristicValue({ serviceId: 'FFE0', characteristicId: 'FFE1', value: new ArrayBuffer(1), needNotify: true })
    await server.stopAdvertising()
    await server.removeService({ serviceId: 'FFE0' })
    await server.close()
    expect(fake.callsOf('BLEPeripheralServer.startAdvertising')).toHaveLength(1)
  })

  test('Bluetooth off', async () => {
    expect((await rejection(setup({ state: { bluetooth: 'off' } }).wxp.createBLEPeripheralServer())).errno).toBe(1500102)
  })

  test("a raw failure of the server's own method (its bare name in errMsg) decodes by the Bluetooth texts", () => {
    expect(toErrnoError({ errMsg: 'startAdvertising:fail:not available' }).errno).toBe(1500102)
    expect(toErrnoError({ errMsg: 'addService:fail system error' }).errno).toBe(1500104)
    expect(toErrnoError({ errMsg: 'stopAdvertising:fail:not init' }).errno).toBe(1500101)
  })
})

describe('NFC and HCE', () => {
  test.each(['NfcA', 'NfcB', 'NfcF', 'NfcV', 'IsoDep', 'MifareClassic', 'MifareUltralight', 'Ndef'])('%s: connect, transceive or write, close', async (tech) => {
    const { wxp } = setup()
    const adapter = wxp.getNFCAdapter()
    await adapter.startDiscovery()
    const tag = adapter['get' + tech]()
    await tag.connect()
    if (tech === 'Ndef') await tag.writeNdefMessage({ uris: ['https://example.com'] })
    else expect((await tag.transceive({ data: new ArrayBuffer(2) })).data).toBeInstanceOf(ArrayBuffer)
    await tag.close()
    await adapter.stopDiscovery()
  })

  test('NFC off, missing, legacy', async () => {
    expect((await rejection(setup({ state: { nfc: 'off' } }).wxp.getNFCAdapter().startDiscovery())).errno).toBe(1504003)
    expect((await rejection(setup({ state: { nfc: 'missing' } }).wxp.getNFCAdapter().startDiscovery())).errno).toBe(1504001)
    expect(await rejection(setup({ errorProfile: 'legacy', state: { nfc: 'off' } }).wxp.getNFCAdapter().startDiscovery())).toMatchObject({ errno: 1504003, errCode: 13001 })
  })

  test("a raw failure of NFCAdapter's or a tag's own method (its bare name in errMsg) decodes by the NFC texts", () => {
    expect(toErrnoError({ errMsg: 'startDiscovery:fail:system NFC switch not opened' }).errno).toBe(1504003)
    expect(toErrnoError({ errMsg: 'stopDiscovery:fail NFC discovery has not started' }).errno).toBe(1504203)
    expect(toErrnoError({ errMsg: 'transceive:fail:Tech has not connected' }).errno).toBe(1504205)
    // a name sockets share is NFC only when the caller says so
    expect(toErrnoError({ errMsg: 'connect:fail:Tech already connected' }).errno).toBe(-1)
    expect(toErrnoError({ errMsg: 'connect:fail:Tech already connected' }, 'IsoDep.connect').errno).toBe(1504204)
  })

  test('HCE: state, start, send, stop; no NFC', async () => {
    const { wxp } = setup()
    await wxp.getHCEState()
    await wxp.startHCE({ aid_list: ['F222222222'] })
    await wxp.sendHCEMessage({ data: new ArrayBuffer(2) })
    await wxp.stopHCE()
    expect((await rejection(setup({ state: { nfc: 'missing' } }).wxp.startHCE({ aid_list: [] }))).errno).toBe(1504001)
  })
})

describe('Wi-Fi', () => {
  test('start, list (event), connected, connect, set list, stop', async () => {
    const { wxp, fake } = setup()
    await wxp.startWifi()
    const [list] = await Promise.all([once('GetWifiList', { target: fake, timeout: 1000 }), wxp.getWifiList()])
    expect(list.wifiList[0].SSID).toBe('office')
    expect((await wxp.getConnectedWifi()).wifi.SSID).toBe('office')
    await wxp.connectWifi({ SSID: 'office', password: 'secret' })
    await wxp.setWifiList({ wifiList: [] })
    await wxp.stopWifi()
  })

  test('not started, off, GPS off, wrong password, legacy', async () => {
    expect((await rejection(setup().wxp.getWifiList())).errno).toBe(1505001)
    const off = setup({ state: { wifi: 'off' } }).wxp
    await off.startWifi()
    expect((await rejection(off.getConnectedWifi())).errno).toBe(1505002)
    const gps = setup({ state: { gps: 'off' } }).wxp
    await gps.startWifi()
    expect((await rejection(gps.getWifiList())).errno).toBe(1505003)
    const password = setup({ overrides: { connectWifi: () => { throw { errMsg: 'connectWifi:fail:password error Wi-Fi', errCode: 12002 } } } }).wxp
    expect(await rejection(password.connectWifi({ SSID: 'x', password: 'y' }))).toMatchObject({ errno: 1505024, errCode: 12002 })
    const legacy = setup({ errorProfile: 'legacy', state: { wifi: 'off' } }).wxp
    await legacy.startWifi()
    expect(await rejection(legacy.getConnectedWifi())).toMatchObject({ errno: 1505002, errCode: 12005 })
  })
})

describe('file system (wxp.fs)', () => {
  const calls: Array<[string, object]> = [
    ['access', { path: 'p' }], ['readFile', { filePath: 'p' }], ['writeFile', { filePath: 'p', data: 'x' }], ['appendFile', { filePath: 'p', data: 'x' }],
    ['copyFile', { srcPath: 'a', destPath: 'b' }], ['rename', { oldPath: 'a', newPath: 'b' }], ['unlink', { filePath: 'p' }], ['mkdir', { dirPath: 'd' }],
    ['rmdir', { dirPath: 'd' }], ['readdir', { dirPath: 'd' }], ['stat', { path: 'p' }], ['getFileInfo', { filePath: 'p' }], ['saveFile', { tempFilePath: 't' }],
    ['unzip', { zipFilePath: 'z', targetPath: 'd' }], ['open', { filePath: 'p' }], ['read', { fd: 'f', arrayBuffer: new ArrayBuffer(1) }],
    ['write', { fd: 'f', data: 'x' }], ['close', { fd: 'f' }], ['fstat', { fd: 'f' }], ['ftruncate', { fd: 'f', length: 0 }],
    ['readCompressedFile', { filePath: 'p', compressionAlgorithm: 'br' }], ['readZipEntry', { filePath: 'z', entries: 'all' }],
  ]
  test.each(calls)('%s resolves', async (method, options) => {
    const { wxp, fake } = setup()
    await expect(wxp.fs[method](options)).resolves.toMatchObject({ errMsg: `${method}:ok` })
    expect(fake.callsOf('FileSystemManager.' + method)).toHaveLength(1)
  })

  test('failures with errno, and errMsg-only failures of older base libraries', async () => {
    const withErrno = setup({ overrides: { readFile: () => { throw { errMsg: 'readFile:fail no such file or directory, open wxfile://usr/a', errno: 1300002 } } } }).wxp
    expect(await rejection(withErrno.fs.readFile({ filePath: 'wxfile://usr/a' }))).toMatchObject({ errno: 1300002, api: 'FileSystemManager.readFile' })
    const old = setup({ overrides: {
      readFile: () => { throw { errMsg: 'readFile:fail no such file or directory, open wxfile://usr/a' } },
      writeFile: () => { throw { errMsg: 'writeFile:fail the maximum size of the file storage limit is exceeded' } },
      mkdir: () => { throw { errMsg: 'mkdir:fail file already exists, mkdir wxfile://usr/d' } },
    } }).wxp
    expect((await rejection(old.fs.readFile({ filePath: 'x' }))).errno).toBe(1300002)
    expect((await rejection(old.fs.writeFile({ filePath: 'x', data: '' }))).errno).toBe(1300202)
    expect((await rejection(old.fs.mkdir({ dirPath: 'x' }))).errno).toBe(1301005)
  })
})

describe('network', () => {
  test.each(['request', 'downloadFile', 'uploadFile', 'connectSocket'])('%s resolves and carries its task', async (api) => {
    const { wxp } = setup()
    const promise = wxp[api]({ url: 'https://example.com', filePath: 'p', name: 'file' })
    expect(typeof promise.task.abort === 'function' || typeof promise.task.send === 'function').toBe(true)
    await promise
  })

  test('offline on Android and iOS; the legacy profile reads the errMsg', async () => {
    expect((await rejection(setup({ state: { network: 'offline' } }).wxp.request({ url: 'https://x' }))).errno).toBe(600001)
    expect((await rejection(setup({ platform: 'ios', state: { network: 'offline' } }).wxp.downloadFile({ url: 'https://x' }))).errno).toBe(600000)
    expect((await rejection(setup({ errorProfile: 'legacy', state: { network: 'offline' } }).wxp.request({ url: 'https://x' }))).errno).toBe(600001)
  })

  test('the SocketTask from connectSocket can be promisified with promisifyObject', async () => {
    const { wxp, fake } = setup()
    const socket = promisifyObject(wxp.connectSocket({ url: 'wss://x' }).task, 'SocketTask')
    await expect(socket.send({ data: 'hi' })).resolves.toMatchObject({ errMsg: 'send:ok' })
    expect(fake.callsOf('SocketTask.send')).toHaveLength(1)
  })

  test('TCP: connect as an event; offline is an ErrnoError', async () => {
    const online = setup().wxp.createTCPSocket()
    const connected = once('Connect', { target: online, timeout: 1000 })
    online.connect({ address: '192.0.2.1', port: 80 })
    await connected
    const offline = setup({ state: { network: 'offline' } }).wxp.createTCPSocket()
    const failed = once('Error', { target: offline, timeout: 1000 })
    offline.connect({ address: '192.0.2.1', port: 80 })
    expect(toErrnoError(await failed)).toMatchObject({ errno: 600000 })
  })

  test('UDP: bind and listening; offline error event', async () => {
    const socket = setup().wxp.createUDPSocket()
    const listening = once('Listening', { target: socket, timeout: 1000 })
    expect(socket.bind(5000)).toBe(5000)
    await listening
    const offline = setup({ state: { network: 'offline' } }).wxp.createUDPSocket()
    const failed = once('Error', { target: offline, timeout: 1000 })
    offline.bind()
    expect(toErrnoError(await failed).errno).toBe(600000)
  })

  test('mDNS: discovery promisified, services found as events', async () => {
    const { wxp, fake } = setup()
    await wxp.startLocalServiceDiscovery({ serviceType: '_http._tcp.' })
    const found = once('LocalServiceFound', { target: fake, timeout: 1000 })
    fake.emit('LocalServiceFound', { serviceName: 'printer', serviceType: '_http._tcp.', ip: '192.0.2.5', port: 80 })
    expect((await found).serviceName).toBe('printer')
    await wxp.stopLocalServiceDiscovery()
    const failing = setup({ overrides: { startLocalServiceDiscovery: () => { throw { errMsg: 'startLocalServiceDiscovery:fail mdns resolve system error:3', errno: 606101 } } } }).wxp
    expect((await rejection(failing.startLocalServiceDiscovery({ serviceType: '_http._tcp.' }))).errno).toBe(606101)
  })
})

describe('payment', () => {
  test.each(['requestPayment', 'requestOrderPayment', 'requestVirtualPayment', 'requestPluginPayment', 'requestCommonPayment', 'requestMerchantTransfer'])('%s resolves', async (api) => {
    await expect(setup().wxp[api]({})).resolves.toMatchObject({ errMsg: `${api}:ok` })
  })
  test.each(['requestPayment', 'requestOrderPayment', 'requestVirtualPayment', 'requestPluginPayment', 'requestCommonPayment'])('%s cancelled is errno 1, with and without errno', async (api) => {
    expect((await rejection(setup({ state: { payment: 'cancel' } }).wxp[api]({}))).errno).toBe(1)
    expect((await rejection(setup({ errorProfile: 'legacy', state: { payment: 'cancel' } }).wxp[api]({}))).errno).toBe(1)
  })
  test('Midas failure', async () => {
    const wxp = setup({ overrides: { requestVirtualPayment: () => { throw { errMsg: 'requestVirtualPayment:fail midas currency in sufficient', errno: 701106 } } } }).wxp
    expect((await rejection(wxp.requestVirtualPayment({}))).errno).toBe(701106)
  })
})

describe('AI', () => {
  test('face detection: init, detect, stop; no face', async () => {
    const { wxp } = setup()
    await wxp.initFaceDetect()
    await wxp.faceDetect({ frameBuffer: new ArrayBuffer(4), width: 1, height: 1 })
    await wxp.stopFaceDetect()
    const noFace = setup({ overrides: { faceDetect: () => { throw { errMsg: 'faceDetect:fail face not detected or detection failed', errno: 2002004 } } } }).wxp
    expect((await rejection(noFace.faceDetect({}))).errno).toBe(2002004)
  })

  test('VKSession passes through (its methods are synchronous)', async () => {
    const session = setup().wxp.createVKSession({ track: { plane: { mode: 1 } }, version: 'v2' })
    const status = await new Promise((resolve) => session.start(resolve))
    expect(status).toBe(0)
    expect(session.state).toBe(1)
  })

  test('InferenceSession.run resolves, and rejects with an ErrnoError', async () => {
    const session = setup().wxp.createInferenceSession({ model: 'm.onnx' })
    expect(await session.run({ input: {} })).toHaveProperty('output')
    expect(await rejection(session.run(undefined))).toMatchObject({ errno: 2004003, api: 'InferenceSession.run' })
  })
})
