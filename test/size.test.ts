// The size budgets of scripts/size.js (`npm run size`), enforced in npm test.
const { measure, overBudget, BUDGETS } = require('../scripts/size.js')

jest.setTimeout(60000)

let rows: any
beforeAll(async () => {
  rows = await measure() // bundles and reads miniprogram_dist once for every test here
})

test('what ships stays within its size budgets', () => {
  expect(overBudget(rows)).toEqual([])
  expect(rows.core.bytes).toBeLessThan(rows.everything.bytes) // the core really leaves the texts out
  expect(rows['texts.en'].bytes).toBeLessThan(rows.everything.bytes / 4)
})

test('the budget check can fail', () => {
  const tiny = Object.fromEntries(Object.keys(BUDGETS).map((key) => [key, { bytes: BUDGETS[key] + 1 }]))
  expect(overBudget(tiny)).toHaveLength(Object.keys(BUDGETS).length)
})

test('the promise layer is measured against miniprogram-api-promise, and the check can fail', () => {
  const promiseLayer = rows.core.groups['promise layer (wxp, calls, sync rule)']
  expect(promiseLayer).toBeGreaterThan(1000) // the group really holds src/promise
  expect(promiseLayer).toBeLessThanOrEqual(rows.apiPromise.bytes * 1.1)
  const smaller = Math.floor(promiseLayer / 1.1) - 1
  const bigger = Object.assign({}, rows, { apiPromise: { bytes: smaller } })
  expect(overBudget(bigger)).toEqual([`promise layer: ${promiseLayer} bytes > miniprogram-api-promise ${smaller} × 1.1`])
})
