// The size budgets of scripts/size.js (`npm run size`), enforced in npm test.
const { measure, overBudget, BUDGETS } = require('../scripts/size.js')

jest.setTimeout(60000)

test('what ships stays within its size budgets', async () => {
  const rows = await measure()
  expect(overBudget(rows)).toEqual([])
  expect(rows.core.bytes).toBeLessThan(rows.everything.bytes) // the core really leaves the texts out
  expect(rows['texts.en'].bytes).toBeLessThan(rows.everything.bytes / 4)
})

test('the budget check can fail', () => {
  const tiny = Object.fromEntries(Object.keys(BUDGETS).map((key) => [key, { bytes: BUDGETS[key] + 1 }]))
  expect(overBudget(tiny)).toHaveLength(Object.keys(BUDGETS).length)
})
