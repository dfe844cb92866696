import type { AnyObject } from './types'

// wx.cloud in the fake: every method answers through the fake's own asyncApi under the name `cloud.<method>` (so
// `overrides['cloud.callFunction']` fails or answers it, and calls are recorded), and returns a promise when called
// without callbacks, as wx.cloud does. The database answers `cloud.collection.<op>` and `cloud.document.<op>`.
// Offline, a call fails with wx.cloud's generic errCode -1 and the network's text (cloudOffline).

type Call = (api: string) => (options?: AnyObject) => unknown

const RESULTS: { [api: string]: AnyObject } = {
  'cloud.callFunction': { result: null },
  'cloud.uploadFile': { fileID: 'cloud://fake-env.fake/file', statusCode: 200 },
  'cloud.downloadFile': { tempFilePath: 'http://tmp/fake-download', statusCode: 200 },
  'cloud.getTempFileURL': { fileList: [] },
  'cloud.deleteFile': { fileList: [] },
  'cloud.callContainer': { data: null, statusCode: 200, header: {}, callID: 'fake' },
  'cloud.collection.get': { data: [] },
  'cloud.collection.count': { total: 0 },
  'cloud.collection.add': { _id: 'fake-id' },
  'cloud.collection.update': { stats: { updated: 0 } },
  'cloud.collection.remove': { stats: { removed: 0 } },
  'cloud.document.get': { data: {} },
  'cloud.document.set': { _id: 'fake-id', stats: { updated: 1, created: 0 } },
  'cloud.document.update': { stats: { updated: 1 } },
  'cloud.document.remove': { stats: { removed: 1 } },
}

/** The success result of a fake cloud call: errMsg `<method>:ok` plus the fields wx.cloud's result has. */
export function cloudResult(api: string): AnyObject {
  const method = api.replace(/^cloud\./, '')
  const errMsg = (method.indexOf('.') < 0 ? 'cloud.' : '') + method + ':ok'
  return Object.assign({ errMsg }, JSON.parse(JSON.stringify(RESULTS[api] || {})))
}

/**
 * The failure of a cloud call while the fake is offline: wx.cloud's generic errCode -1 with the network layer's
 * text, modelled on wx.request's offline failures (Android's net:: code, iOS's system text); not captured on a device.
 */
export function cloudOffline(api: string, platform?: string): AnyObject {
  const reason =
    platform === 'ios' ? 'The Internet connection appears to be offline.' : '-106:net::ERR_INTERNET_DISCONNECTED'
  return { errCode: -1, errMsg: api + ':fail request:fail ' + reason }
}

export function createFakeCloud(call: Call): AnyObject {
  const method = (api: string) => (options?: AnyObject) => {
    const given = options || {}
    if (typeof given.success === 'function' || typeof given.fail === 'function' || typeof given.complete === 'function')
      return call(api)(given)
    return new Promise((resolve, reject) => {
      call(api)(Object.assign({}, given, { success: resolve, fail: reject, complete: undefined }))
    })
  }
  const query = (): AnyObject => {
    const self: AnyObject = {}
    for (const builder of ['where', 'orderBy', 'limit', 'skip', 'field']) self[builder] = () => query()
    for (const op of ['get', 'count', 'add', 'update', 'remove']) {
      const run = method('cloud.collection.' + op)
      self[op] = (options?: AnyObject) => run(options)
    }
    self.doc = () => {
      const doc: AnyObject = {}
      for (const op of ['get', 'set', 'update', 'remove']) {
        const run = method('cloud.document.' + op)
        doc[op] = (options?: AnyObject) => run(options)
      }
      return doc
    }
    return self
  }
  const cloud: AnyObject = {
    init: () => undefined,
    database: () => ({
      collection: (name: unknown) => {
        if (typeof name !== 'string' || !name) throw new Error('collection name must be a non-empty string')
        return query()
      },
      serverDate: () => ({ $date: 'serverDate' }),
      command: {},
    }),
  }
  for (const name of ['callFunction', 'uploadFile', 'downloadFile', 'getTempFileURL', 'deleteFile', 'callContainer'])
    cloud[name] = method('cloud.' + name)
  return cloud
}
