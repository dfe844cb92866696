const { wxp, once, withTimeout, toErrnoError, apiRequest } = require('miniprogram-errno')

// The session token this page signs in for; apiRequest's reauthorize refreshes it once for all requests that fail together.
let token = 'expired'
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
    const errorEvent = once('Error', { target: socket })
    const failed = errorEvent.then((failure) => { throw toErrnoError(failure, 'TCPSocket.connect') })
    socket.connect({ address: '192.0.2.1', port: 8080 })
    try {
      await Promise.race([connected, failed])
    } finally {
      // Whichever came first, the other listener goes: no listener and no unhandled rejection left behind.
      connected.cancel()
      errorEvent.cancel()
      failed.catch(() => undefined)
    }
    socket.close()
    return 'TCP connected'
  },
  async session() {
    const { data } = await apiRequest({ url: 'https://api.example.com/me', header: () => ({ Authorization: 'Bearer ' + token }) }, {
      reauthorize: async () => { token = 'fresh' },
    })
    return 'signed in as ' + data.name + ' (token refreshed once)'
  },
}))
