// The one build of what ships (`npm run build`, then tsc writes the declarations):
//   miniprogram_dist/  CommonJS, ES2017: what WeChat DevTools' "Build npm" copies. index.js and core.js are the core;
//                      guidance.js, get-guidance.js, readiness.js, report.js, api-request.js, events.js, ble.js,
//                      retry.js, catalogue.js, beyond.js and errno-constants.js load on first use
//                      (src/index.miniprogram.ts);
//                      texts/NAME.js are the text tables, one file per table and locale, required on first read.
//   dist/              CommonJS for Node (one file per entry, shared chunks) and ESM that tree-shakes (one module per source file).
const typescript = require('@rollup/plugin-typescript')
const { nodeResolve } = require('@rollup/plugin-node-resolve')
const terser = require('@rollup/plugin-terser')
const fs = require('fs')
const path = require('path')
const { textInputs } = require('./scripts/generate.js')

const ts = (tsconfig = './tsconfig.json') => typescript({ tsconfig, declaration: false, outDir: undefined, noEmitOnError: true })
const banner = '/*! miniprogram-errno · MIT */'
// The licence line on entry files only (a minifier keeps every /*! comment); the package's LICENSE file holds the licence.
const entryBanner = (chunk) => (chunk.isEntry && !chunk.name.startsWith('texts/') ? banner : '')

/**
 * miniprogram_dist builds NAME.miniprogram.ts where it sits beside an imported NAME.ts: the text tables
 * (src/texts/generated/tables.miniprogram.ts, a require per file on first use) and the cloud failure converter
 * (src/promise/cloud-error.miniprogram.ts, which requires beyond.js at the first cloud failure).
 */
function miniprogramModules() {
  return {
    name: 'miniprogram-modules',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null
      const resolved = await this.resolve(source, importer, Object.assign({}, options, { skipSelf: true }))
      if (!resolved || !resolved.id.endsWith('.ts') || resolved.id.endsWith('.miniprogram.ts')) return resolved
      const swapped = resolved.id.replace(/\.ts$/, '.miniprogram.ts')
      return fs.existsSync(swapped) ? swapped : resolved
    },
  }
}

/** Copies the mini-program component's .wxml/.wxss/.json next to the bundle (its .ts is built below). */
function copyComponents(outDir) {
  return {
    name: 'copy-components',
    writeBundle() {
      const src = path.resolve('components')
      for (const component of fs.readdirSync(src)) {
        const from = path.join(src, component)
        if (!fs.statSync(from).isDirectory()) continue
        const to = path.join(outDir, component)
        fs.mkdirSync(to, { recursive: true })
        for (const file of fs.readdirSync(from)) if (/\.(wxml|wxss|json)$/.test(file)) fs.copyFileSync(path.join(from, file), path.join(to, file))
      }
    },
  }
}

/** Puts package.json's version where the source says __VERSION__ (the CLI's --version). */
function version() {
  const value = JSON.stringify(require('./package.json').version)
  return {
    name: 'version',
    transform(code) {
      return code.indexOf('__VERSION__') < 0 ? null : { code: code.replace(/\b__VERSION__\b/g, value), map: null }
    },
  }
}

/**
 * Every module the mini-program index imports (statically: the lazy files are require()d) goes into one chunk,
 * core.js, which index.js re-exports and the lazy entries (guidance.js …) import from. Without it rollup splits the
 * core into shared chunks by which entries use them, each a file to require at start with its own import and export
 * lists (docs/performance.md has what that cost). The index module itself stays in index.js: its accessors are
 * defined on index.js's exports. What beyond.js imports outside the core goes into beyond.js, not into chunks shared
 * with api-request.js.
 */
function chunks() {
  const entry = path.resolve('src/index.miniprogram.ts')
  const beyondEntry = path.resolve('src/beyond/errors.ts')
  let core
  let beyond
  return (id, { getModuleInfo }) => {
    if (!core) {
      const reach = (start, skip) => {
        const seen = new Set()
        const visit = (moduleId) => {
          if (seen.has(moduleId) || skip.has(moduleId)) return
          seen.add(moduleId)
          const info = getModuleInfo(moduleId)
          if (info) for (const imported of info.importedIds) visit(imported)
        }
        for (const imported of getModuleInfo(start).importedIds) visit(imported)
        return seen
      }
      core = reach(entry, new Set())
      beyond = reach(beyondEntry, core)
      beyond.add(beyondEntry)
    }
    return core.has(id) ? 'core' : beyond.has(id) ? 'beyond' : undefined
  }
}

// Minified for the phone (what a cold start parses), with class names kept: ErrnoError.name and
// error.constructor.name read the same as in the source. Exported names are properties of exports and survive.
const minify = () => terser({ ecma: 2017, toplevel: true, keep_classnames: true, compress: { passes: 2 }, format: { comments: /^!/ } })

module.exports = [
  {
    input: Object.assign(
      { index: 'src/index.miniprogram.ts', beyond: 'src/beyond/errors.ts', catalogue: 'src/texts/index.ts', 'errno-constants': 'src/errno/generated/codes.ts', guidance: 'src/guidance/index.ts', 'get-guidance': 'src/guidance/guidance.ts', readiness: 'src/readiness/index.ts', report: 'src/report/realtime-log.ts', 'api-request': 'src/beyond/apiRequest.ts', events: 'src/promise/events.ts', ble: 'src/promise/ble.ts', retry: 'src/policy/retry.ts', cloud: 'src/promise/cloud.ts' },
      textInputs(),
    ),
    // index.js exports the public names only; what guidance.js and the others share with the core is in core.js.
    preserveEntrySignatures: 'strict',
    output: { dir: 'miniprogram_dist', format: 'cjs', exports: 'auto', entryFileNames: '[name].js', chunkFileNames: '[name].js', banner: entryBanner, manualChunks: chunks() },
    plugins: [miniprogramModules(), nodeResolve(), ts(), minify(), copyComponents('miniprogram_dist')],
  },
  {
    input: 'components/guidance-dialog/index.ts',
    // The component requires the library beside it, so only one copy ships.
    external: (id) => /\/src\/index(\.ts)?$/.test(id),
    output: { file: 'miniprogram_dist/guidance-dialog/index.js', format: 'cjs', banner, paths: (id) => (/src\/index/.test(id) ? '../index' : id) },
    plugins: [nodeResolve(), ts('./tsconfig.components.json'), minify()],
  },
  {
    // Node and CommonJS bundlers: one file per entry, what they share in chunks (one copy of the library's state).
    input: { index: 'src/index.ts', testing: 'src/testing/index.ts', server: 'src/server.ts', cli: 'src/cli/index.ts' },
    output: { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs', exports: 'named', banner },
    plugins: [nodeResolve(), ts(), version()],
  },
  {
    // ESM that tree-shakes: one module per source file, so a bundler keeps only what is imported.
    input: { index: 'src/index.ts', testing: 'src/testing/index.ts', server: 'src/server.ts' },
    output: { dir: 'dist/esm', format: 'es', banner: entryBanner, preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].mjs' },
    plugins: [nodeResolve(), ts()],
  },
]
