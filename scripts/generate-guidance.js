// data/guidance.json -> src/guidance/generated/ (called by scripts/generate.js)
'use strict'
module.exports = function generateGuidance(files, { readJson, toTraditional, header, numberTable, textTable, js, ruleWords }) {
  const data = readJson('guidance.json')
  const errnoData = readJson('errno.json')
  const known = new Set(errnoData.codes.map((c) => c.errno))
  const templates = data.templates
  for (const [code, id] of Object.entries(data.codes)) {
    if (!templates[id]) throw new Error(`guidance for ${code}: no template ${id}`)
    if (!known.has(Number(code))) throw new Error(`guidance for ${code}: not in the errno catalogue`)
  }
  const iosState = {}
  for (const [code, states] of Object.entries(data.iosState || {})) {
    if (code === '$comment') continue
    if (!known.has(Number(code))) throw new Error(`iosState ${code}: not in the errno catalogue`)
    for (const id of Object.values(states)) if (!templates[id]) throw new Error(`iosState ${code}: no template ${id}`)
    iosState[code] = states
  }
  const legacyCodes = {}
  for (const [code, id] of Object.entries(data.legacyCodes || {})) {
    if (code === '$comment') continue
    if (!templates[id]) throw new Error(`legacyCodes ${code}: no template ${id}`)
    legacyCodes[code] = id
  }
  for (const [id, t] of Object.entries(templates)) {
    if (!t.source) throw new Error(`template ${id}: no source`)
    if (t.action && !data.actions[t.action]) throw new Error(`template ${id}: unknown action ${t.action}`)
    if (t.action && t.action !== 'retry' && !t.manual) throw new Error(`template ${id}: action ${t.action} needs a manual text`)
  }
  const reasons = (data.reasons ? data.reasons.rules : []).map((r, i) => {
    const words = ruleWords(r, `guidance reason ${i}`)
    if (r.template && !templates[r.template]) throw new Error(`guidance reason ${r.pattern}: no template ${r.template}`)
    return [r.pattern, r.template || '', r.api || '', words]
  })
  const h = header('guidance.json')
  files['src/guidance/generated/guidance-map.ts'] = h +
    `/** errno -> guidance template. */\nexport const GUIDANCE_CODES: Record<number, string> = ${numberTable(Object.entries(data.codes).map(([c, id]) => [Number(c), id]))}\n\n` +
    `/** template -> [action, icon]. */\nexport const GUIDANCE_TEMPLATES: Record<string, readonly [string, string]> = {\n` +
    Object.entries(templates).map(([id, t]) => `  ${js(id)}: ${js([t.action || '', t.icon])},`).join('\n') + '\n}\n\n' +
    `/** errno -> iOS \`state\` of the failure -> template (openBluetoothAdapter: 2 unsupported, 3 unauthorized). */\nexport const GUIDANCE_BY_STATE: Record<number, Record<string, string>> = ${js(iosState)}\n\n` +
    `/** Legacy errCodes with no errno twin -> template. */\nexport const GUIDANCE_LEGACY_CODES: Record<number, string> = ${js(legacyCodes)}\n\n` +
    `/**\n * By the errMsg reason, before the errno: [pattern on the lower-cased reason, template or '' for none, API name pattern\n * or '', words (a reason the pattern matches contains one of them; [] = not known)], as DECODING's rules.\n */\n` +
    `export const GUIDANCE_REASONS: ReadonlyArray<readonly [string, string, string, ReadonlyArray<string>]> = ${js(reasons)}\n\n` +
    `/** Codes that get no guidance on purpose. */\nexport const NO_GUIDANCE: ReadonlyArray<number> = ${js(Object.keys(data.noGuidance).map(Number))}\n\n` +
    `/** Fallbacks for codes without their own entry: by category key, by legacy table, by API name. */\n` +
    `export const CATEGORY_FALLBACK: Record<string, string> = ${js(data.categoryFallback)}\n` +
    `export const LEGACY_TABLE_FALLBACK: Record<string, string> = ${js(data.legacyTableFallback)}\n` +
    `export const API_FALLBACK: ReadonlyArray<readonly [string, string]> = ${js(data.apiFallback)}\n\n` +
    `/** action -> [minimum base library, platforms ('' = all), needs a tap]. */\n` +
    `export const ACTION_REQUIREMENTS: Record<string, readonly [string, string, boolean]> = {\n` +
    Object.entries(data.actions).map(([a, r]) => `  ${js(a)}: ${js([r.minBaseLibrary || '', (r.platforms || []).join(','), !!r.needsTap])},`).join('\n') + '\n}\n'
  const locales = { zh_CN: (s) => s, zh_TW: (s) => toTraditional(s), en: (s) => s }
  for (const [locale, convert] of Object.entries(locales)) {
    const source = locale === 'en' ? 'en' : 'zh_CN'
    // Trailing empty texts are dropped, and the Android path is left out when it is the iOS one.
    const rows = Object.entries(templates).map(([id, t]) => {
      const text = t[source]
      const manual = (t.manual && t.manual[source]) || {}
      const ios = manual.ios || manual.default || ''
      const android = manual.android || manual.default || ''
      const row = [text.title, text.content, text.confirmText, text.cancelText, ios, android === ios ? '' : android].map((s) => convert(s))
      while (row.length && row[row.length - 1] === '') row.pop()
      return [id, row]
    })
    textTable(files, {
      name: `GUIDANCE_TEXTS_${locale.toUpperCase()}`, file: `guidance/generated/guidance.${locale}`, source: 'guidance.json',
      type: 'Record<string, ReadonlyArray<string>>',
      doc: `template -> [title, content, confirmText, cancelText, manual path on iOS, manual path on Android ('' = the iOS one)] (${locale}).`,
      value: Object.fromEntries(rows),
    })
  }
}
