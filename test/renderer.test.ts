// setGuidanceRenderer and createDialogRenderer (src/guidance/modal.ts, dialog-renderer.ts): guidance through the
// app's own dialog, and renderers that misbehave.
import { setGuidanceRenderer, createDialogRenderer, showGuidance, resetGuidanceState, createWxp } from '../src/index'
import { createFakeWx } from '../src/testing/index'

afterEach(() => {
  setGuidanceRenderer(undefined)
  resetGuidanceState()
})

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('setGuidanceRenderer', () => {
  test('guidance goes through the app\'s renderer; queueing, actions and the result stay; undefined restores showModal (iOS: no action, manual text)', async () => {
    const ios = createFakeWx({ platform: 'ios' })
    setGuidanceRenderer((guidance) => Promise.resolve({ confirmed: !!guidance.title }))
    expect(await showGuidance({ errno: 1500102 }, { wx: ios, locale: 'en' })).toMatchObject({ shown: true, confirmed: true, guidance: { title: 'Bluetooth is off' } })
    expect(ios.callsOf('openSystemBluetoothSetting')).toHaveLength(0)
    const fake = createFakeWx({ platform: 'android' })
    const shown: string[] = []
    setGuidanceRenderer((guidance) => { shown.push(guidance.title); return Promise.resolve({ confirmed: true }) })
    const result = await showGuidance({ errno: 1500102 }, { wx: fake, locale: 'en' })
    expect(result).toMatchObject({ shown: true, confirmed: true, action: 'openSystemBluetoothSetting', actionResult: 'ok' })
    expect(shown).toEqual(['Bluetooth is off'])
    expect(fake.callsOf('showModal')).toHaveLength(0)
    expect(fake.callsOf('openSystemBluetoothSetting')).toHaveLength(1)
    setGuidanceRenderer(undefined)
    resetGuidanceState()
    await showGuidance({ errno: 1500102 }, { wx: fake })
    expect(fake.callsOf('showModal')).toHaveLength(1)
  })

  test('the dialog renderer finds the component on the current page, and the dialog\'s own tap action is not run twice', async () => {
    const fake = createFakeWx({ platform: 'android' })
    const dialog = { show: jest.fn(() => Promise.resolve({ confirmed: true, actionHandled: true })) }
    setGuidanceRenderer(createDialogRenderer('#g', { getCurrentPages: () => [{ selectComponent: (s: string) => (s === '#g' ? dialog : null) }] }))
    const result = await showGuidance({ errno: 103, errMsg: 'getLocation:fail auth deny' }, { wx: fake })
    expect(dialog.show).toHaveBeenCalledTimes(1)
    expect(result).toMatchObject({ confirmed: true, action: 'openSetting', actionResult: 'ok' })
    expect(fake.callsOf('openSetting')).toHaveLength(0)
    // no dialog on the page: wx.showModal
    setGuidanceRenderer(createDialogRenderer('#g', { getCurrentPages: () => [] }))
    resetGuidanceState()
    await showGuidance({ errno: 1505002 }, { wx: fake })
    expect(fake.callsOf('showModal')).toHaveLength(1)
  })
})

describe('guidance renderers under hostile input', () => {
  test('a renderer that throws, answers garbage or has getters that throw never blocks later modals and leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    const fake = createFakeWx({ state: { bluetooth: 'off' } })
    const error = await createWxp(fake).openBluetoothAdapter().catch((e: unknown) => e)
    const renderers: Array<() => unknown> = [
      () => { throw new Error('renderer broke') },
      () => 'garbage',
      () => ({ get confirmed() { throw new Error('getter broke') } }),
      () => Promise.resolve({ get confirmed() { throw new Error('async getter broke') } }),
      () => ({ then() { throw new Error('then broke') } }),
      () => Promise.reject(new Error('rejected')),
    ]
    for (const renderer of renderers) {
      setGuidanceRenderer(renderer as any)
      const result = await showGuidance(error, { wx: fake, quietMs: 0, timeoutMs: 1000 })
      expect(result.confirmed).toBe(false)
    }
    setGuidanceRenderer(undefined)
    const after = await showGuidance(error, { wx: fake, quietMs: 0 })
    expect(after.shown).toBe(true)
    await tick()
    process.off('unhandledRejection', onUnhandled)
    expect(unhandled).toEqual([])
  })

  test('a page dialog whose show() returns nothing does not also open wx.showModal', async () => {
    const fake = createFakeWx({ state: { bluetooth: 'off' } })
    const error = await createWxp(fake).openBluetoothAdapter().catch((e: unknown) => e)
    const shows: unknown[] = []
    const page = { selectComponent: () => ({ show: (g: unknown) => { shows.push(g) } }) }
    setGuidanceRenderer(createDialogRenderer('#guidance-dialog', { getCurrentPages: () => [page] }))
    await showGuidance(error, { wx: fake, quietMs: 0 })
    expect(shows).toHaveLength(1)
    expect(fake.callsOf('showModal')).toHaveLength(0)
  })

  test('showGuidance on a success shows nothing', async () => {
    const fake = createFakeWx()
    for (const success of [{ errMsg: 'openBluetoothAdapter:ok' }, { errMsg: 'request:ok', statusCode: 200 }, { errno: 0, errMsg: 'getLocation:ok' }, undefined, null]) {
      const result = await showGuidance(success, { wx: fake, quietMs: 0 })
      expect(result.shown).toBe(false)
    }
    expect(fake.callsOf('showModal')).toHaveLength(0)
  })
})
