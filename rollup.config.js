// The one build of what ships (`npm run build`, then tsc writes the declarations):
//   miniprogram_dist/  CommonJS, ES2017: what WeChat DevTools' "Build npm" copies. index.js is the core; guidance.js,
//                      readiness.js, report.js, api-request.js, events.js, ble.js and retry.js load on first call
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

/** miniprogram_dist reads its text tables through src/texts/generated/tables.miniprogram.ts (a require per file, on first use). */
function miniprogramTables() {
  const tables = path.resolve('src/texts/generated/tables.ts')
  return {
    name: 'miniprogram-tables',
    async resolveId(source, importer, options) {
      if (!/(^|\/)tables$/.test(source)) return null
      const resolved = await this.resolve(source, importer, Object.assign({}, options, { skipSelf: true }))
      return resolved && resolved.id === tables ? path.resolve('src/texts/generated/tables.miniprogram.ts') : resolved
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
 * lists (docs/performance.md has what that cost).
 */
function coreChunk() {
  const entry = path.resolve('src/index.miniprogram.ts')
  let core
  return (id, { getModuleInfo }) => {
    if (!core) {
      core = new Set()
      const visit = (moduleId) => {
        if (core.has(moduleId)) return
        core.add(moduleId)
        const info = getModuleInfo(moduleId)
        if (info) for (const imported of info.importedIds) visit(imported)
      }
      visit(entry)
    }
    return core.has(id) ? 'core' : undefined
  }
}

// Minified for the phone (what a cold start parses), with class names kept: ErrnoError.name and
// error.constructor.name read the same as in the source. Exported names are properties of exports and survive.
const minify = () => terser({ ecma: 2017, toplevel: true, keep_classnames: true, compress: { passes: 2 }, format: { comments: /^!/ } })

module.exports = [
  {
    input: Object.assign(
      { index: 'src/index.miniprogram.ts', guidance: 'src/guidance/index.ts', 'get-guidance': 'src/guidance/guidance.ts', readiness: 'src/readiness/index.ts', report: 'src/report/realtime-log.ts', 'api-request': 'src/beyond/apiRequest.ts', events: 'src/promise/events.ts', ble: 'src/promise/ble.ts', retry: 'src/policy/retry.ts' },
      textInputs(),
    ),
    // index.js exports the public names only; what guidance.js and the others share with the core is in core.js.
    preserveEntrySignatures: 'strict',
    output: { dir: 'miniprogram_dist', format: 'cjs', exports: 'auto', entryFileNames: '[name].js', chunkFileNames: '[name].js', banner: entryBanner, manualChunks: coreChunk() },
    plugins: [miniprogramTables(), nodeResolve(), ts(), minify(), copyComponents('miniprogram_dist')],
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
