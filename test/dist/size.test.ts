// The byte ceilings of scripts/size.js (`npm run size`): Build npm through the real packer, the bytes a cold
// start loads, and ESM bundles through the package's exports map.
const { measure, overBudget, BUDGETS, TARGETS } = require('../../scripts/size.js')

jest.setTimeout(120000)

let rows: any
beforeAll(async () => {
  rows = await measure() // packs, installs and runs packNpmManually once for every test here
})

test('what ships stays within its enforced ceilings', () => {
  expect(overBudget(rows)).toEqual([])
})

test('the ESM targets of #20 hold: decodeErrno and isErrnoError each within their own', () => {
  for (const key of ['esmDecode', 'esmIsErrnoError']) expect([key, rows[key].bytes <= TARGETS[key]]).toEqual([key, true])
})

test('wxp without wx.cloud (as #20 set its 32 KB target, before #24) stays within it; wx.cloud is the rest', () => {
  expect(rows.esmWxpWithoutCloud.bytes).toBeLessThanOrEqual(TARGETS.esmWxpWithoutCloud)
  // The stub took out the cloud wrapper, CloudError and the cloud catalogue, nothing else of wxp.
  expect(rows.esmWxp.bytes - rows.esmWxpWithoutCloud.bytes).toBeGreaterThan(30000)
  expect(rows.esmWxpWithoutCloud.bytes).toBeGreaterThan(rows.esmDecode.bytes + 15000)
})

test('Build npm ships nothing but this package (no tslib or any other dependency)', () => {
  expect(rows.buildNpm.packages).toEqual(['miniprogram-errno'])
  const pkg = require('../../package.json')
  expect(pkg.dependencies || {}).toEqual({})
})

test('leaving zh_TW out (packOptions.ignore) saves its texts', () => {
  expect(rows.buildNpm.withoutZhTw).toBeLessThan(rows.buildNpm.bytes - 15000)
})

test('ESM tree-shakes: wxp alone is a fraction of everything, and guidance is left out when not imported', () => {
  expect(rows.esmWxp.bytes).toBeLessThan(rows.esmEverything.bytes / 2.5)
  expect(rows.esmGuidance.bytes).toBeGreaterThan(rows.esmWxp.bytes + 10000)
  expect(rows.esmWxp.rollup).toBeLessThan(rows.esmEverything.bytes / 2.5) // rollup drops the same
})

test('the ceiling check can fail', () => {
  const bigger = Object.fromEntries(Object.keys(BUDGETS).map((key) => [key, { bytes: BUDGETS[key] + 1 }]))
  expect(overBudget(bigger)).toHaveLength(Object.keys(BUDGETS).length)
  expect(overBudget({ buildNpm: { bytes: 1, packages: ['miniprogram-errno', 'tslib'] } })).toEqual(['buildNpm: miniprogram_npm holds miniprogram-errno, tslib'])
})
