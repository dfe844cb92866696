// data/server.json, cloud.json, http.json -> src/beyond/generated/ (called by scripts/generate.js)
'use strict'
const CLASSES = { retry: 'r', user: 'u', fix: 'f', config: 'c', reauth: 'a', token: 't', cancel: 'x', unsupported: 'n', none: '-' }

module.exports = function generateBeyond(files, { readJson, toTraditional, header, textTable, fromPairs, js }) {
  const templates = readJson('guidance.json').templates
  const policy = (p, where) => {
    if (!CLASSES[p.class]) throw new Error(`${where}: unknown policy class ${p.class}`)
    return CLASSES[p.class] + (p.delayMs ? p.delayMs : '')
  }
  const guidance = (g, where) => {
    if (g && !templates[g]) throw new Error(`${where}: no guidance template ${g}`)
    return g || ''
  }
  const localized = (zh, en) => [zh, toTraditional(zh), en]

  // A catalogue's codes and policies in one table, read when an error is made; its texts in one table per locale,
  // rows in the same order as the codes table's keys (Object.keys), read when a text is asked for. A locale's file
  // can be left out (packOptions.ignore) and its texts read as undefined.
  const perLocale = (files, { name, file, source, type, doc, keyed, texts }) => {
    const keys = Object.keys(keyed)
    const rowOf = new Map(texts)
    for (const [locale, pick] of [['en', 2], ['zh_CN', 0], ['zh_TW', 1]]) {
      textTable(files, {
        name: `${name}_${locale.toUpperCase()}`, file: `${file}.${locale}`, source, type, rowNames: keys,
        doc: `${doc} (${locale}), one row per key of the codes table, in its order.`,
        value: keys.map((k) => {
          if (!rowOf.has(k)) throw new Error(`${name}: no texts for ${k}`)
          const cells = rowOf.get(k).map((cell) => cell[pick])
          return cells.length === 1 ? cells[0] : cells
        }),
      })
    }
  }

  const server = readJson('server.json')
  const seenServer = new Set()
  const serverRows = server.codes.map((c) => {
    if (seenServer.has(c.errcode)) throw new Error(`duplicate errcode ${c.errcode}`)
    seenServer.add(c.errcode)
    const where = `errcode ${c.errcode}`
    return [c.errcode, [c.key, policy(c.policy, where), guidance(c.guidance, where), c.errmsg]]
  })
  const serverCodes = fromPairs(serverRows)
  textTable(files, {
    name: 'SERVER_CODES', file: 'beyond/generated/server', source: 'server.json',
    type: 'Record<string, readonly [string, string, string, string]>',
    doc: 'errcode -> [name, policy, guidance template, errmsg]. The texts are in SERVER_TEXTS_EN, _ZH_CN and _ZH_TW.', value: serverCodes,
  })
  perLocale(files, {
    name: 'SERVER_TEXTS', file: 'beyond/generated/server', source: 'server.json', keyed: serverCodes,
    type: 'ReadonlyArray<readonly [string, string, string]>', doc: '[meaning, cause, fix] of each errcode',
    texts: server.codes.map((c) => [String(c.errcode), [localized(c.meaning.zh_CN, c.meaning.en), localized(c.cause.zh_CN, c.cause.en), localized(c.fix.zh_CN, c.fix.en)]]),
  })

  const cloud = readJson('cloud.json')
  const groups = new Set(cloud.groups.map((g) => g.key))
  const cloudReasons = cloud.codes.map((c) => [c.code, c.policy.reason])
  const cloudMeanings = cloud.codes.map((c) => [c.code, [localized(c.zh_CN, c.en)]])
  const cloudRows = cloud.codes.map((c) => {
    if (!groups.has(c.group)) throw new Error(`cloud code ${c.code}: unknown group ${c.group}`)
    return [c.code, [c.group, policy(c.policy, c.code), guidance(c.guidance, c.code), c.generic ? 1 : 0]]
  })
  // wx.cloud's numeric codes: one with a string twin takes the twin's row; the others are rows of their own, keyed by the number.
  const numericToCode = {}
  const numericGroup = (n) => (n > -500000 ? 'sdk' : n > -600000 ? 'resource' : 'wechat')
  for (const [numeric, entry] of Object.entries(cloud.wxCloudNumeric)) {
    if (numeric === '$comment') continue
    if (!/^-\d+$/.test(numeric)) throw new Error(`wxCloudNumeric ${numeric}: not a negative number`)
    if (entry.twin) {
      if (!cloud.codes.some((c) => c.code === entry.twin)) throw new Error(`wxCloudNumeric ${numeric}: unknown twin ${entry.twin}`)
      numericToCode[numeric] = entry.twin
      continue
    }
    if (!entry.policy) throw new Error(`wxCloudNumeric ${numeric}: no twin and no policy`)
    numericToCode[numeric] = numeric
    const group = numericGroup(Number(numeric))
    if (!groups.has(group)) throw new Error(`wxCloudNumeric ${numeric}: unknown group ${group}`)
    cloudRows.push([numeric, [group, policy(entry.policy, numeric), guidance(entry.guidance, numeric), numeric === '-1' ? 1 : 0]])
    cloudMeanings.push([numeric, [localized(entry.zh_CN, entry.en)]])
    cloudReasons.push([numeric, entry.policy.reason])
  }
  const cloudCodes = fromPairs(cloudRows)
  textTable(files, {
    name: 'CLOUD_CODES', file: 'beyond/generated/cloud', source: 'cloud.json',
    type: 'Record<string, readonly [string, string, string, number]>',
    doc: 'code -> [group, policy, guidance template, generic (1: no particular meaning)]. The meanings are in CLOUD_MEANINGS_EN, _ZH_CN and _ZH_TW.', value: cloudCodes,
  })
  perLocale(files, {
    name: 'CLOUD_MEANINGS', file: 'beyond/generated/cloud', source: 'cloud.json', keyed: cloudCodes,
    type: 'ReadonlyArray<string>', doc: 'The meaning of each cloud code', texts: cloudMeanings,
  })
  textTable(files, {
    name: 'CLOUD_GROUPS', file: 'beyond/generated/cloud-groups', source: 'cloud.json', type: 'Record<string, ReadonlyArray<string>>',
    doc: 'group -> name [zh_CN, zh_TW, en].', value: Object.fromEntries(cloud.groups.map((g) => [g.key, localized(g.zh_CN, g.en)])),
  })
  textTable(files, {
    name: 'WX_CLOUD_NUMERIC', file: 'beyond/generated/cloud-numeric', source: 'cloud.json', type: 'Record<string, string>',
    doc: 'The numeric errCode of wx.cloud -> the key of its row in CLOUD_CODES: the string code with the same meaning, or the number itself.',
    value: numericToCode,
  })

  // Why each policy is what it is (English, for developers): only the CLI reads it, so it ships in no mini-program build.
  textTable(files, {
    name: 'BEYOND_POLICY_REASONS', file: 'texts/generated/beyond-reasons', source: 'server.json, cloud.json', type: 'Record<string, string>', cliOnly: true,
    doc: "'errcode <n>' or a cloud code -> the policy's reason (en).",
    value: fromPairs(server.codes.map((c) => ['errcode ' + c.errcode, c.policy.reason]).concat(cloudReasons)),
  })

  const http = readJson('http.json')
  textTable(files, {
    name: 'HTTP_STATUSES', file: 'beyond/generated/http', source: 'http.json',
    type: 'Record<number, readonly [string, string, ReadonlyArray<string>, string]>',
    doc: 'HTTP status -> [policy, guidance template, meaning [zh_CN, zh_TW, en], policy reason].',
    value: fromPairs(http.statuses.map((s) => [s.status, [policy(s.policy, 'status ' + s.status), guidance(s.guidance, 'status ' + s.status), localized(s.zh_CN, s.en), s.policy.reason]])),
  })
  textTable(files, {
    name: 'HTTP_ERRORS', file: 'beyond/generated/http-errors', source: 'http.json',
    type: 'ReadonlyArray<readonly [string, string, number, string, string, ReadonlyArray<string>, string]>',
    doc: "REST error values, most specific first: [error, description must match ('' = any), status, policy, guidance, meaning, policy reason].",
    value: http.errors.slice().sort((a, b) => (b.descriptionMatches ? 1 : 0) - (a.descriptionMatches ? 1 : 0))
      .map((e) => [e.error, e.descriptionMatches || '', e.status, policy(e.policy, e.error), guidance(e.guidance, e.error), localized(e.zh_CN, e.en), e.policy.reason]),
  })
}
