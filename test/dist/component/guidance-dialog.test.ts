import * as path from 'path'

// The shipped component (miniprogram_dist/guidance-dialog) in the real component framework.
const { createFakeWx } = require('../../../dist/testing.cjs')
// miniprogram-simulate can load one path once per module registry: a fresh registry per render.
let simulate = require('miniprogram-simulate')
const componentPath = path.resolve(__dirname, '../../../miniprogram_dist/guidance-dialog/index')

function render(props: Record<string, unknown>, fake = createFakeWx()) {
  jest.resetModules()
  simulate = require('miniprogram-simulate')
  ;(global as any).wx = fake
  const id = simulate.load(componentPath)
  const component = simulate.render(id, props)
  component.attach(document.createElement('parent-wrapper'))
  return { component, fake }
}

describe('guidance-dialog', () => {
  test('renders the Bluetooth guidance in zh_CN with the category icon', async () => {
    const { component } = render({ errno: 1500102, locale: 'zh_CN', platform: 'android' })
    await simulate.sleep(0)
    expect(component.querySelector('.title').dom.textContent).toBe('蓝牙未开启')
    expect(component.querySelector('.content').dom.textContent).toContain('蓝牙')
    expect(component.querySelector('.icon').dom.textContent).toBe('ᛒ')
    expect(component.querySelector('.confirm').dom.textContent).toBe('去开启')
  })

  test('given the error itself, it shows exactly what showGuidance would (iOS adapter state 3: the permission)', async () => {
    const lib = require('../../../dist/index.cjs')
    const fake = createFakeWx({ platform: 'ios', state: { systemPermission: false } })
    const error = await lib.createWxp(fake).openBluetoothAdapter().catch((e: unknown) => e)
    const expected = lib.getGuidance(error, { locale: 'en', wx: fake })
    expect(expected.title).toBe('Bluetooth permission needed')
    const { component } = render({ error, locale: 'en' }, fake)
    await simulate.sleep(0)
    expect(component.querySelector('.title').dom.textContent).toBe(expected.title)
    // a server error copied to plain data (as setData does) keeps its guidance
    const server = JSON.parse(JSON.stringify(Object.assign({}, lib.toWxServerError({ errcode: 45009, errmsg: 'reach max api daily quota limit' }), { name: 'WxServerError' })))
    const daily = render({ error: server, locale: 'en' }).component
    await simulate.sleep(0)
    expect(daily.querySelector('.title').dom.textContent).toBe('Daily limit reached')
  })

  test('show(guidance) renders it and resolves with the answer (the setGuidanceRenderer contract)', async () => {
    const lib = require('../../../dist/index.cjs')
    const { component } = render({})
    await simulate.sleep(0)
    const answer = component.instance.show(lib.getGuidance(1505002, { locale: 'en' }))
    await simulate.sleep(0)
    expect(component.querySelector('.title').dom.textContent).toBe('Wi-Fi is off')
    component.querySelector('.cancel').dispatchEvent('tap')
    await expect(answer).resolves.toEqual({ confirmed: false })
  })

  test("through createDialogRenderer, the dialog runs its action on showGuidance's wx, not the global one", async () => {
    const lib = require('../../../dist/index.cjs')
    const { component, fake: globalWx } = render({})
    await simulate.sleep(0)
    const given = createFakeWx({ platform: 'android', state: { bluetooth: 'off' } })
    lib.setGuidanceRenderer(lib.createDialogRenderer('#g', { getCurrentPages: () => [{ selectComponent: () => component.instance }] }))
    try {
      const failure = await lib.createWxp(given).openBluetoothAdapter().catch((e: unknown) => e)
      const shown = lib.showGuidance(failure, { wx: given, locale: 'en' })
      await simulate.sleep(0)
      expect(component.querySelector('.title').dom.textContent).toBe('Bluetooth is off')
      component.querySelector('.confirm').dispatchEvent('tap')
      await expect(shown).resolves.toMatchObject({ confirmed: true })
      expect(given.callsOf('openSystemBluetoothSetting')).toHaveLength(1)
      expect(globalWx.callsOf('openSystemBluetoothSetting')).toHaveLength(0)
    } finally {
      lib.setGuidanceRenderer(undefined)
    }
  })

  test('zh_TW and en texts', async () => {
    const tw = render({ errno: 1505002, locale: 'zh_TW' }).component
    await simulate.sleep(0)
    expect(tw.querySelector('.title').dom.textContent).toBe('Wi-Fi未開啟')
    const en = render({ errno: 1505002, locale: 'en' }).component
    await simulate.sleep(0)
    expect(en.querySelector('.title').dom.textContent).toBe('Wi-Fi is off')
  })

  test('tapping confirm calls the wx API and fires action and close', async () => {
    const { component, fake } = render({ errno: 1500102, locale: 'en', platform: 'android' })
    await simulate.sleep(0)
    const actions: unknown[] = []
    const closes: unknown[] = []
    component.instance.triggerEvent = ((original: any) => function (this: any, name: string, detail: unknown) {
      if (name === 'action') actions.push(detail)
      if (name === 'close') closes.push(detail)
      return original.call(this, name, detail)
    })(component.instance.triggerEvent)
    component.querySelector('.confirm').dispatchEvent('tap')
    await simulate.sleep(10)
    expect(fake.callsOf('openSystemBluetoothSetting')).toHaveLength(1)
    expect(actions).toEqual([expect.objectContaining({ action: 'openSystemBluetoothSetting', ok: true })])
    expect(closes).toEqual([{ confirmed: true }])
    expect(component.querySelector('.panel')).toBeFalsy()
  })

  test('on iOS the text gives the manual path and there is no action', async () => {
    const { component } = render({ errno: 1500102, locale: 'en', platform: 'ios' })
    await simulate.sleep(0)
    expect(component.querySelector('.content').dom.textContent).toContain('Settings › Bluetooth')
    expect(component.querySelector('.cancel')).toBeFalsy()
  })

  test('openSetting uses a button with open-type (it only works from a tap)', async () => {
    const { component } = render({ errno: 103, locale: 'en' })
    await simulate.sleep(0)
    expect(component.instance.data).toMatchObject({ action: 'openSetting', openType: 'openSetting' })
    expect(component.querySelector('.title').dom.textContent).toBe('Permission needed')
  })

  test('errno 0 and user cancel show nothing', async () => {
    expect(render({ errno: 0 }).component.querySelector('.panel')).toBeFalsy()
    const cancel = render({ errno: 1 }).component
    await simulate.sleep(0)
    expect(cancel.querySelector('.panel')).toBeFalsy()
  })
})
