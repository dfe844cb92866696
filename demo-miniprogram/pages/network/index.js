const { wxp, once, withTimeout, toErrnoError } = require('miniprogram-errno')
const { familyPage } = require('../../utils/family-page')

Page(familyPage('network', {
  async request() {
    const promise = wxp.request({ url: 'https://example.com/api', method: 'GET' })
    const { statusCode } = await withTimeout(promise, 10000, 'request')
    return 'HTTP ' + statusCode
  },
  async tcp() {
    const socket = wxp.createTCPSocket()
    const connected = once('Connect', { target: socket, timeout: 5000 })
    const failed = once('Error', { target: socket }).then((failure) => { throw toErrnoError(failure, 'TCPSocket.connect') })
    socket.connect({ address: '192.0.2.1', port: 8080 })
    await Promise.race([connected, failed])
    socket.close()
    return 'TCP connected'
  },
}))
