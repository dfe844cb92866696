// wx.cloud through the promise layer (src/promise/cloud.ts): every rejection of wxp.cloud (and of promisifyCloud on a
// `new wx.cloud.Cloud(...)`) is a CloudError, heard by onFailure; database chains stay wrapped to their last call.
import { wxp, createWxp, promisifyCloud, CloudError, onFailure, getPolicy, getGuidance, isRetriable, toCloudError } from '../src/index'

// Shapes wx.cloud rejects with (an Error carrying errCode and errMsg): https://github.com/Voyzz/Fruit-store-mp/issues/8
const collectionMissing = Object.assign(
  new Error('errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist.'),
  { errCode: -502005, errMsg: 'errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist.' },
)
const functionFailed = {
  errCode: -404011,
  errMsg: 'cloud.callFunction:fail requestID 4f1c, cloud function service error code -504002, error message Error: boom',
}

function fakeCloud(failures: { [api: string]: unknown } = {}) {
  const calls: string[] = []
  const answer = (api: string, value: unknown) => {
    calls.push(api)
    return failures[api] !== undefined ? Promise.reject(failures[api]) : Promise.resolve(value)
  }
  const query = (path: string): any => ({
    where: () => query(path + '.where'),
    orderBy: () => query(path + '.orderBy'),
    limit: () => query(path + '.limit'),
    skip: () => query(path + '.skip'),
    field: () => query(path + '.field'),
    get: () => answer(path + '.get', { data: [], errMsg: 'collection.get:ok' }),
    count: () => answer(path + '.count', { total: 0, errMsg: 'collection.count:ok' }),
    add: () => answer(path + '.add', { _id: 'x', errMsg: 'collection.add:ok' }),
    doc: (id: string) => ({
      get: () => answer(path + '.doc.get', { data: { _id: id }, errMsg: 'document.get:ok' }),
      update: () => answer(path + '.doc.update', { stats: { updated: 1 }, errMsg: 'document.update:ok' }),
      remove: () => answer(path + '.doc.remove', { stats: { removed: 1 }, errMsg: 'document.remove:ok' }),
    }),
    aggregate: () => {
      const stage: any = { match: () => stage, group: () => stage, end: () => answer(path + '.aggregate.end', { list: [] }) }
      return stage
    },
  })
  const serverDate = { $date: 'server' }
  const cloud: any = {
    calls,
    init: () => undefined,
    callFunction: (options: any) => {
      if (options && (options.success || options.fail)) {
        calls.push('callFunction(callbacks)')
        Promise.resolve().then(() =>
          failures.callFunction ? options.fail(failures.callFunction) : options.success({ result: 1 }),
        )
        return undefined
      }
      return answer('callFunction', { result: { ok: true }, errMsg: 'cloud.callFunction:ok' })
    },
    uploadFile: () => answer('uploadFile', { fileID: 'cloud://a', errMsg: 'cloud.uploadFile:ok' }),
    downloadFile: () => answer('downloadFile', { tempFilePath: '/tmp/a', errMsg: 'cloud.downloadFile:ok' }),
    getTempFileURL: () => answer('getTempFileURL', { fileList: [] }),
    deleteFile: () => answer('deleteFile', { fileList: [] }),
    callContainer: () => answer('callContainer', { data: 1, statusCode: 200 }),
    database: () => ({
      collection: (name: string) => {
        if (!name) throw new Error('collection name is required')
        return query('collection')
      },
      serverDate: () => serverDate,
      command: { eq: (v: unknown) => ({ $eq: v }) },
    }),
    Cloud: function (this: any, options: any) {
      const other = fakeCloud(failures)
      other.options = options
      return other
    },
  }
  cloud.serverDate = serverDate
  return cloud
}

describe('wxp.cloud', () => {
  afterEach(() => {
    delete (globalThis as any).wx
  })

  test('callFunction resolves as wx.cloud does, and rejects with a CloudError decoded to the most specific code', async () => {
    const cloud = fakeCloud()
    ;(globalThis as any).wx = { cloud }
    await expect(wxp.cloud.callFunction({ name: 'login' })).resolves.toMatchObject({ result: { ok: true } })
    ;(globalThis as any).wx = { cloud: fakeCloud({ callFunction: functionFailed }) }
    const error = await wxp.cloud.callFunction({ name: 'login' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CloudError)
    expect(error).toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL', errCode: -404011, known: true })
    expect((error as CloudError).cause).toBe(functionFailed)
  })

  test('storage methods reject with a CloudError; a failure with no cloud code keeps the wx policy of its cause', async () => {
    const offline = { errMsg: 'cloud.uploadFile:fail request:fail timeout' }
    ;(globalThis as any).wx = { cloud: fakeCloud({ uploadFile: offline, downloadFile: collectionMissing }) }
    const upload = (await wxp.cloud.uploadFile({ cloudPath: 'a.png', filePath: '/tmp/a' }).catch((e) => e)) as CloudError
    expect(upload).toBeInstanceOf(CloudError)
    expect(upload.code).toBe('UNKNOWN')
    expect(isRetriable(upload)).toBe(true)
    expect(getPolicy(upload).kind).toBe('retry')
    const download = (await wxp.cloud.downloadFile({ fileID: 'cloud://a' }).catch((e) => e)) as CloudError
    expect(download.code).toBe('DATABASE_COLLECTION_NOT_EXIST')
  })

  test('database chains stay wrapped: collection().where().orderBy().get(), doc().update(), aggregate().end()', async () => {
    const failures = {
      'collection.where.orderBy.limit.get': collectionMissing,
      'collection.doc.update': { errCode: -502003, errMsg: 'document.update:fail -502003 database permission denied' },
      'collection.aggregate.end': collectionMissing,
    }
    ;(globalThis as any).wx = { cloud: fakeCloud(failures) }
    const db = wxp.cloud.database()
    const get = await db.collection('todos').where({ done: false }).orderBy('due', 'asc').limit(10).get().catch((e) => e)
    expect(get).toBeInstanceOf(CloudError)
    expect(get.code).toBe('DATABASE_COLLECTION_NOT_EXIST')
    expect(get.kind).toBe('developer')
    const update = await db.collection('todos').doc('a').update({ data: { done: true } }).catch((e) => e)
    expect(update).toBeInstanceOf(CloudError)
    expect(update.code).toBe('DATABASE_PERMISSION_DENIED')
    const aggregate = await (db.collection('todos').aggregate() as any).match({}).group({}).end().catch((e: unknown) => e)
    expect(aggregate).toBeInstanceOf(CloudError)
    await expect(db.collection('todos').count()).resolves.toMatchObject({ total: 0 })
  })

  test('values made for queries pass through unwrapped (serverDate, command)', () => {
    const cloud = fakeCloud()
    ;(globalThis as any).wx = { cloud }
    const db = wxp.cloud.database()
    expect(db.serverDate()).toBe(cloud.serverDate)
    expect(db.command.eq(1)).toEqual({ $eq: 1 })
  })

  test('a synchronous throw in a database builder becomes a thrown CloudError with the original as cause', () => {
    ;(globalThis as any).wx = { cloud: fakeCloud() }
    let thrown: unknown
    try {
      wxp.cloud.database().collection('')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(CloudError)
    expect((thrown as CloudError).cause).toBeInstanceOf(Error)
  })

  test('every rejection reaches onFailure, once', async () => {
    const heard: unknown[] = []
    const stop = onFailure((error) => heard.push(error))
    try {
      ;(globalThis as any).wx = { cloud: fakeCloud({ callFunction: functionFailed, 'collection.get': collectionMissing }) }
      const a = await wxp.cloud.callFunction({ name: 'x' }).catch((e) => e)
      const b = await wxp.cloud.database().collection('t').get().catch((e) => e)
      expect(heard).toEqual([a, b])
    } finally {
      stop()
    }
  })

  test('with callbacks the API keeps its callback form, and fail receives a CloudError', async () => {
    ;(globalThis as any).wx = { cloud: fakeCloud({ callFunction: functionFailed }) }
    const failed = await new Promise((resolve) => {
      const result = wxp.cloud.callFunction({ name: 'x', fail: resolve })
      expect(result).toBeUndefined()
    })
    expect(failed).toBeInstanceOf(CloudError)
  })

  test('new Cloud({ resourceEnv }) through wxp or promisifyCloud is wrapped the same way', async () => {
    ;(globalThis as any).wx = { cloud: fakeCloud({ callFunction: functionFailed }) }
    const other = new (wxp.cloud as any).Cloud({ resourceEnv: 'prod-1' })
    expect(other.options).toEqual({ resourceEnv: 'prod-1' })
    await expect(other.callFunction({ name: 'x' })).rejects.toBeInstanceOf(CloudError)
    const direct = promisifyCloud(fakeCloud({ callContainer: functionFailed }))
    await expect(direct.callContainer({ path: '/' })).rejects.toBeInstanceOf(CloudError)
  })

  test('createWxp(wxLike).cloud is wrapped; a wx without cloud gives undefined; the wrapper follows a replaced wx.cloud', async () => {
    expect(createWxp({}).cloud).toBeUndefined()
    const first = fakeCloud()
    const wxLike: any = { cloud: first }
    const p = createWxp(wxLike)
    expect(p.cloud).toBe(p.cloud)
    wxLike.cloud = fakeCloud({ deleteFile: collectionMissing })
    await expect(p.cloud.deleteFile({ fileList: ['cloud://a'] })).rejects.toBeInstanceOf(CloudError)
  })

  test('guidance: a user-facing text where the user can act, none that blames them for a configuration error', async () => {
    ;(globalThis as any).wx = { cloud: fakeCloud({ callFunction: { errCode: -1, errMsg: 'cloud.callFunction:fail request:fail timeout' }, 'collection.get': collectionMissing }) }
    const timeout = await wxp.cloud.callFunction({ name: 'x' }).catch((e) => e)
    expect(timeout).toBeInstanceOf(CloudError)
    expect(getGuidance(timeout, { locale: 'en' })).toMatchObject({ action: 'retry', confirmText: 'Try again' })
    // A missing collection is the developer's to fix: no retry button, nothing that blames the user.
    const config = await wxp.cloud.database().collection('t').get().catch((e) => e)
    expect(config.kind).toBe('developer')
    const configGuidance = getGuidance(config, { locale: 'en' })
    expect(configGuidance && configGuidance.action).not.toBe('retry')
    if (configGuidance) expect(configGuidance.content).not.toMatch(/your (phone|device)|check your network/i)
    // As for errno codes the developer fixes: the catalogue names no text for it, so nothing is shown.
    expect(configGuidance).toBeUndefined()
  })
})

describe('createFakeWx: wx.cloud and the keys of wx', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { createFakeWx } = require('../src/testing')

  test('cloud answers as wx.cloud does, fails through overrides and when offline, and is recorded', async () => {
    const fake = createFakeWx({
      overrides: { 'cloud.callFunction': () => { throw functionFailed } },
    })
    const p = createWxp(fake)
    await expect(p.cloud.callFunction({ name: 'x' })).rejects.toMatchObject({ name: 'CloudError', code: 'FUNCTIONS_EXECUTE_FAIL' })
    await expect(p.cloud.uploadFile({ cloudPath: 'a', filePath: 'b' })).resolves.toMatchObject({ errMsg: 'cloud.uploadFile:ok' })
    await expect(p.cloud.database().collection('t').where({}).get()).resolves.toMatchObject({ data: [] })
    expect(fake.calls.map((c: any) => c.api)).toEqual(['cloud.callFunction', 'cloud.uploadFile', 'cloud.collection.get'])
    const offline = createWxp(createFakeWx({ state: { network: 'offline' } }))
    const error = await offline.cloud.callFunction({ name: 'x' }).catch((e) => e)
    expect(error).toBeInstanceOf(CloudError)
    expect(error.errMsg).toContain('request:fail')
    // wx.cloud's generic -1 with the network's text: the wx decoding decides (a network failure, retried).
    expect(error.code).toBe('-1')
    expect(error.kind).toBe('network')
    expect(isRetriable(error)).toBe(true)
    expect(getGuidance(error, { locale: 'en' })).toMatchObject({ action: 'retry', title: 'Network problem' })
    // A generic code whose text says nothing the wx decoding knows keeps the cloud catalogue's answer.
    const generic = toCloudError({ errCode: -1, errMsg: 'cloud.callFunction:fail Error: errCode: -1 system error' })
    expect(generic.kind).toBe('service')
  })

  test('overriding wx.uploadFile leaves cloud.uploadFile alone', async () => {
    const fake = createFakeWx({ overrides: { uploadFile: () => { throw { errMsg: 'uploadFile:fail x' } } } })
    await expect(createWxp(fake).cloud.uploadFile({ cloudPath: 'a', filePath: 'b' })).resolves.toBeDefined()
  })

  test('Object.keys lists every asynchronous API, as on the real wx, but not the missing ones', () => {
    const keys = Object.keys(createFakeWx({ missing: ['getLocation'] }))
    expect(keys).toEqual(expect.arrayContaining(['openBluetoothAdapter', 'request', 'chooseImage', 'cloud']))
    expect(keys).not.toContain('getLocation')
  })
})

describe('wx.cloud under hostile input', () => {
  test('promisifyCloud of a non-object is a clear TypeError', () => {
    expect(() => promisifyCloud(undefined as any)).toThrow(/promisifyCloud: expected wx.cloud/)
  })

  test('a frozen cloud and frozen database objects keep working (the Proxy invariant)', async () => {
    const cloud = Object.freeze({
      callFunction: () => Promise.reject(functionFailed),
      database: () => Object.freeze({ collection: () => Object.freeze({ get: () => Promise.resolve({ data: [] }) }) }),
    })
    const wrapped = promisifyCloud(cloud)
    // Frozen methods cannot be replaced by a wrapper: they come through as they are, and still work.
    await expect(wrapped.callFunction()).rejects.toBe(functionFailed)
    await expect((wrapped.database() as any).collection('t').get()).resolves.toEqual({ data: [] })
  })

  test('getters that throw, a then that throws, options whose getters throw and a database() that answers nothing', async () => {
    const hostile: any = {
      get init() {
        throw new Error('getter')
      },
      callFunction: () => ({
        get then() {
          throw new Error('then getter')
        },
      }),
      uploadFile: () => Promise.resolve({ fileID: 'x' }),
      database: () => undefined,
    }
    const wrapped: any = promisifyCloud(hostile)
    expect(() => wrapped.init).toThrow(CloudError)
    await expect(wrapped.callFunction({ name: 'x' })).rejects.toBeInstanceOf(CloudError)
    const options = {
      get fail(): any {
        throw new Error('fail getter')
      },
    }
    await expect(wrapped.uploadFile(options)).rejects.toBeInstanceOf(CloudError)
    expect(wrapped.database()).toBeUndefined()
  })
})
