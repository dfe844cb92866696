// The failure report as one HTML file: the counts as charts (Chart.js, inlined: nothing is fetched when the page is
// viewed) and the top errors with their meaning and the guidance a user sees. Every text from the log is put in
// the page with textContent, never as HTML; the data is embedded as JSON with `<` escaped.
import { beijingIso } from './report'
import type { ReportData } from './report'
import type { Locale } from '../errno/types'

const TITLES: { [L in Locale]: { [key: string]: string } } = {
  en: {
    title: 'Failure report',
    total: '{n} failures',
    span: 'from {first} to {last} (UTC+8)',
    byCode: 'Top codes',
    byFamily: 'By family',
    byKind: 'By kind (who or what the failure comes from)',
    byPlatform: 'By platform',
    byVersion: 'By base library version',
    overTime: 'Over time (per {bucket}, UTC+8)',
    top: 'Top errors: meaning and guidance',
    code: 'Code',
    count: 'Count',
    meaning: 'Meaning',
    kind: 'Kind',
    policy: 'Policy',
    guidance: 'Guidance (Android / iOS)',
    none: 'none shown',
  },
  zh_CN: {
    title: '失败报告',
    total: '共 {n} 次失败',
    span: '{first} 至 {last}（北京时间）',
    byCode: '最常见的代码',
    byFamily: '按 API 类别',
    byKind: '按责任方',
    byPlatform: '按平台',
    byVersion: '按基础库版本',
    overTime: '随时间（每{bucket}，北京时间）',
    top: '最常见错误：含义与提示',
    code: '代码',
    count: '次数',
    meaning: '含义',
    kind: '责任方',
    policy: '策略',
    guidance: '用户提示（Android / iOS）',
    none: '不显示',
  },
  zh_TW: {
    title: '失敗報告',
    total: '共 {n} 次失敗',
    span: '{first} 至 {last}（北京時間）',
    byCode: '最常見的代碼',
    byFamily: '按 API 類別',
    byKind: '按責任方',
    byPlatform: '按平台',
    byVersion: '按基礎庫版本',
    overTime: '隨時間（每{bucket}，北京時間）',
    top: '最常見錯誤：含義與提示',
    code: '代碼',
    count: '次數',
    meaning: '含義',
    kind: '責任方',
    policy: '策略',
    guidance: '使用者提示（Android / iOS）',
    none: '不顯示',
  },
}

const STYLE = `body{font:14px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;
max-width:1200px;padding:16px;color:#1f2328}h1{margin:0 0 4px}.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}
section{border:1px solid #eee;border-radius:6px;padding:8px 12px}.wide{grid-column:1/-1}canvas{max-height:360px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 6px;border-bottom:1px solid #eee;
vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}code{font-family:ui-monospace,monospace}`

// The page's own script: reads the embedded JSON, draws the charts and fills the table (textContent only).
const SCRIPT = `(function () {
var data = JSON.parse(document.getElementById('report-data').textContent);
var t = data.titles;
function text(id, value) { document.getElementById(id).textContent = value; }
function fill(s, v) { return s.replace(/\\{(\\w+)\\}/g, function (_, k) { return v[k]; }); }
text('title', t.title + ' — ' + data.report.source);
text('total', fill(t.total, { n: data.report.total.toLocaleString() }) + (data.report.first ? ' · ' +
  fill(t.span, { first: data.span[0], last: data.span[1] }) : ''));
var colors = ['#07c160','#576b95','#fa5151','#ffc300','#10aeff','#8c6bfe','#ff8a3d','#2fb5a8','#c1c1c1','#e05f9e'];
var charts = [];
function chart(id, type, counts, label) {
  var canvas = document.getElementById(id);
  canvas.previousElementSibling.textContent = label;
  charts.push(new Chart(canvas, { type: type, data: { labels: counts.map(function (c) { return c.label || c.key; }),
    datasets: [{ label: label, data: counts.map(function (c) { return c.count; }),
    backgroundColor: type === 'line' ? '#07c16033' : colors, borderColor: type === 'line' ? '#07c160' : undefined,
    fill: type === 'line' }] },
    options: { animation: false, responsive: true, indexAxis: type === 'bar' && id === 'byCode' ? 'y' : 'x',
      plugins: { legend: { display: type === 'doughnut' } } } }));
}
chart('byCode', 'bar', data.report.byCode, t.byCode);
chart('byFamily', 'bar', data.report.byFamily.slice(0, 15), t.byFamily);
chart('byKind', 'doughnut', data.report.byKind, t.byKind);
chart('byPlatform', 'doughnut', data.report.byPlatform, t.byPlatform);
chart('byVersion', 'bar', data.report.byVersion, t.byVersion);
chart('overTime', 'line', data.report.overTime, fill(t.overTime, { bucket: data.bucket }));
var heads = [t.code, t.count, t.meaning, t.kind, t.policy, t.guidance];
var row = document.createElement('tr');
heads.forEach(function (h) { var th = document.createElement('th'); th.textContent = h; row.appendChild(th); });
document.querySelector('#top thead').appendChild(row);
text('topTitle', t.top);
data.report.byCode.forEach(function (c) {
  var d = c.details, tr = document.createElement('tr');
  function guide(p) { var g = d.guidance[p][data.locale]; return g ? g.title + ': ' + g.content : t.none; }
  [c.label, c.count.toLocaleString(), d.meaning ? d.meaning[data.locale] : '', d.kind, d.policy.kind,
   guide('android') + ' / ' + guide('ios')].forEach(function (value, i) {
    var td = document.createElement('td'); td.textContent = value; if (i === 1) td.className = 'n'; tr.appendChild(td);
  });
  document.querySelector('#top tbody').appendChild(tr);
});
document.body.dataset.charts = String(charts.length);
})();`

const BUCKET: { [L in Locale]: { hour: string; day: string } } = {
  en: { hour: 'hour', day: 'day' },
  zh_CN: { hour: '小时', day: '天' },
  zh_TW: { hour: '小時', day: '天' },
}

const escapeJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')

function beijing(time: number | undefined): string {
  return time === undefined ? '' : beijingIso(time).slice(0, 16).replace('T', ' ')
}

/** The whole page; `chartJs` is the source of Chart.js's UMD build, inlined. */
export function renderReport(report: ReportData, locale: Locale, chartJs: string): string {
  const data = {
    report,
    locale,
    titles: TITLES[locale],
    bucket: BUCKET[locale][report.bucket],
    span: [beijing(report.first), beijing(report.last)],
  }
  const canvas = (id: string, wide = false) =>
    `<section${wide ? ' class="wide"' : ''}><h2></h2><canvas id="${id}"></canvas></section>`
  return [
    '<!doctype html>',
    `<html lang="${locale === 'en' ? 'en' : locale === 'zh_TW' ? 'zh-TW' : 'zh-CN'}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>miniprogram-errno report</title>',
    `<style>${STYLE}</style></head><body>`,
    '<h1 id="title"></h1><p id="total"></p><div class="grid">',
    canvas('byCode', true) + canvas('overTime', true) + canvas('byFamily') + canvas('byKind'),
    canvas('byPlatform') + canvas('byVersion'),
    '<section class="wide"><h2 id="topTitle"></h2><table id="top"><thead></thead><tbody></tbody></table></section>',
    '</div>',
    `<script type="application/json" id="report-data">${escapeJson(data)}</script>`,
    // Chart.js, as published (MIT, its licence header kept); only `</script` is escaped so the page parses.
    `<script>${chartJs.replace(/<\/script/gi, '<\\/script')}</script>`,
    `<script>${SCRIPT}</script>`,
    '</body></html>',
  ].join('\n')
}
