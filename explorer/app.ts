// The errno explorer: the whole catalogue, searchable, in zh_CN / zh_TW / en, with the guidance a user sees on iOS
// and Android; a pasted errMsg is decoded by the library itself. Bundled by scripts/explorer.js (esbuild) into one
// script next to index.html: a static folder, no server, no network.
import { catalogueRows, rowDetails, detailsOf, isErrMsg } from '../src/cli/catalogue'
import type { CatalogueRow, FailureDetails, EntryType } from '../src/cli/catalogue'
import { wordMatcher } from '../src/cli/explain'
import type { Locale } from '../src/errno/types'

declare const __VERSION__: string

type Texts = { [key: string]: string }
const UI: { [L in Locale]: Texts } = {
  zh_CN: {
    title: '错误码查询',
    search: '搜索 errno、errCode、errMsg、名称或含义；也可粘贴完整 errMsg 解码',
    code: '代码',
    type: '类别',
    meaning: '含义',
    group: '分类',
    kind: '责任方',
    policy: '策略',
    count: '共 {n} 条',
    shown: '显示前 {shown} 条，共 {n} 条',
    decoded: '解码结果',
    ios: 'iOS',
    android: 'Android',
    none: '不显示提示',
    api: 'API',
    retryAfter: '{ms} 毫秒后重试',
    footer: 'miniprogram-errno {v} · 数据与解码均来自本库',
  },
  zh_TW: {
    title: '錯誤碼查詢',
    search: '搜尋 errno、errCode、errMsg、名稱或含義；也可貼上完整 errMsg 解碼',
    code: '代碼',
    type: '類別',
    meaning: '含義',
    group: '分類',
    kind: '責任方',
    policy: '策略',
    count: '共 {n} 筆',
    shown: '顯示前 {shown} 筆，共 {n} 筆',
    decoded: '解碼結果',
    ios: 'iOS',
    android: 'Android',
    none: '不顯示提示',
    api: 'API',
    retryAfter: '{ms} 毫秒後重試',
    footer: 'miniprogram-errno {v} · 資料與解碼皆來自本函式庫',
  },
  en: {
    title: 'errno explorer',
    search: 'Search errno, errCode, errMsg, name or meaning; or paste a whole errMsg to decode it',
    code: 'Code',
    type: 'Type',
    meaning: 'Meaning',
    group: 'Group',
    kind: 'Blame',
    policy: 'Policy',
    count: '{n} codes',
    shown: 'First {shown} of {n} codes',
    decoded: 'Decoded',
    ios: 'iOS',
    android: 'Android',
    none: 'No guidance is shown',
    api: 'API',
    retryAfter: 'retry after {ms} ms',
    footer: 'miniprogram-errno {v} · every figure comes from the library itself',
  },
}
const MAX_SHOWN = 300

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T
const query = $<HTMLInputElement>('#q')
const typeSelect = $<HTMLSelectElement>('#type')
const localeSelect = $<HTMLSelectElement>('#locale')
const rows = catalogueRows()
const haystacks = rows.map((row) =>
  [row.code, row.type, row.name, row.errMsg, row.meaning && [row.meaning.zh_CN, row.meaning.zh_TW, row.meaning.en]]
    .concat([row.group.zh_CN, row.group.zh_TW, row.group.en, row.kind, row.policy])
    .join(' ')
    .replace(/_/g, ' ')
    .toLowerCase(),
)
let selected: CatalogueRow | undefined
// The selected row's details hold every locale and platform: computed once per row, drawn again on each render.
let selectedDetails: FailureDetails | undefined

function locale(): Locale {
  return localeSelect.value as Locale
}

function t(key: string, values: { [key: string]: string | number } = {}): string {
  return UI[locale()][key].replace(/\{(\w+)\}/g, (_, name) => String(values[name]))
}

function el(tag: string, text?: string, className?: string): HTMLElement {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text // text only: nothing from the catalogue or the input is HTML
  if (className) node.className = className
  return node
}

/** A word of the search matches from the start of a word, so 1500 finds 1500102 (explain's wordMatcher). */
const needle = (word: string) => wordMatcher(word, false)

function matches(needles: Array<(haystack: string) => boolean>, index: number): boolean {
  const haystack = haystacks[index]
  return needles.every((test) => test(haystack))
}

function renderDetails(target: HTMLElement, heading: string, details: FailureDetails, row?: CatalogueRow): void {
  const l = locale()
  target.textContent = ''
  target.appendChild(el('h2', heading))
  const list = el('dl')
  const add = (label: string, value: string | undefined) => {
    if (value === undefined || value === '') return
    list.appendChild(el('dt', label))
    list.appendChild(el('dd', value))
  }
  add('errno', details.errno !== undefined ? String(details.errno) : undefined)
  add(t('api'), details.api)
  add(t('code'), details.code)
  if (row) add('errMsg', row.errMsg)
  if (row) add(t('group'), row.group[l])
  add(t('meaning'), details.meaning ? details.meaning[l] : undefined)
  add(t('kind'), details.kind)
  add(
    t('policy'),
    details.policy.kind + (details.policy.delayMs ? ' · ' + t('retryAfter', { ms: details.policy.delayMs }) : ''),
  )
  target.appendChild(list)
  const guidance = el('div', undefined, 'guidance')
  for (const platform of ['ios', 'android'] as const) {
    const box = el('div', undefined, 'modal ' + platform)
    box.appendChild(el('h3', t(platform)))
    const g = details.guidance[platform][l]
    if (!g) box.appendChild(el('p', t('none')))
    else {
      box.appendChild(el('b', g.title))
      box.appendChild(el('p', g.content))
      const buttons = el('p')
      if (g.showCancel) buttons.appendChild(el('span', g.cancelText + ' · '))
      buttons.appendChild(el('span', g.confirmText + (g.action ? ' → ' + g.action : ''), 'button'))
      box.appendChild(buttons)
    }
    guidance.appendChild(box)
  }
  target.appendChild(guidance)
  target.hidden = false
}

function showRow(row: CatalogueRow): void {
  if (row !== selected || !selectedDetails) selectedDetails = rowDetails(row.type, row.code)
  selected = row
  const heading = row.type + ' ' + row.code + (row.name ? ' ' + row.name : '')
  renderDetails($('#details'), heading, selectedDetails, row)
}

function render(): void {
  const l = locale()
  document.documentElement.lang = l === 'en' ? 'en' : l === 'zh_TW' ? 'zh-TW' : 'zh-CN'
  $('#title').textContent = t('title')
  query.placeholder = t('search')
  for (const th of Array.prototype.slice.call(document.querySelectorAll('th[data-col]')) as HTMLElement[])
    th.textContent = t(th.dataset.col as string)
  $('#footer').textContent = t('footer', { v: typeof __VERSION__ === 'string' ? __VERSION__ : 'dev' })

  const text = query.value.trim()
  const decoded = $('#decoded')
  if (text && isErrMsg(text)) renderDetails(decoded, t('decoded') + ': ' + text, detailsOf(text))
  else decoded.hidden = true

  const words = isErrMsg(text) ? [] : text.toLowerCase().replace(/_/g, ' ').split(/\s+/).filter(Boolean).map(needle)
  const type = typeSelect.value as EntryType | ''
  const found: number[] = []
  for (let i = 0; i < rows.length; i++) if ((!type || rows[i].type === type) && matches(words, i)) found.push(i)
  $('#count').textContent =
    found.length > MAX_SHOWN ? t('shown', { shown: MAX_SHOWN, n: found.length }) : t('count', { n: found.length })
  const body = $('#rows tbody')
  body.textContent = ''
  for (const index of found.slice(0, MAX_SHOWN)) {
    const row = rows[index]
    const tr = el('tr')
    tr.dataset.type = row.type
    tr.dataset.code = row.code
    if (row === selected) tr.className = 'selected'
    const code = el('td', row.code, 'code')
    if (row.errMsg) code.appendChild(el('div', row.errMsg, 'errmsg'))
    tr.appendChild(code)
    tr.appendChild(el('td', row.type))
    tr.appendChild(el('td', row.meaning ? row.meaning[l] : row.errMsg || ''))
    tr.appendChild(el('td', row.group[l]))
    const kind = el('td')
    kind.appendChild(el('span', row.kind, 'kind kind-' + row.kind))
    tr.appendChild(kind)
    tr.appendChild(el('td', row.policy))
    tr.addEventListener('click', () => {
      selected = row
      selectedDetails = undefined
      render() // marks the row and draws its details
    })
    body.appendChild(tr)
  }
  if (selected) showRow(selected)
}

const saved = /(?:^|[#&])lang=(zh_CN|zh_TW|en)/.exec(location.hash)
localeSelect.value = saved ? saved[1] : /^zh-(tw|hk|mo|hant)/i.test(navigator.language) ? 'zh_TW' : /^zh/i.test(navigator.language) ? 'zh_CN' : 'en'
const savedQuery = /(?:^|[#&])q=([^&]*)/.exec(location.hash)
if (savedQuery) query.value = decodeURIComponent(savedQuery[1])
// The search and the language stay in the address (#lang=en&q=…), so a link shows the same page.
function remember(): void {
  const hash = '#lang=' + locale() + (query.value ? '&q=' + encodeURIComponent(query.value) : '')
  if (typeof history !== 'undefined' && history.replaceState) history.replaceState(null, '', hash)
}
const update = () => {
  render()
  remember()
}
query.addEventListener('input', update)
typeSelect.addEventListener('change', update)
localeSelect.addEventListener('change', update)
render()
document.body.dataset.ready = String(rows.length)
