// Builds what ships:
//   miniprogram_dist/  CommonJS, ES2017 syntax: what WeChat DevTools' "Build npm" copies (plus the component)
//   dist/              ESM + CJS for bundlers and Node (index, testing, cli); declarations come from tsc
const typescript = require('@rollup/plugin-typescript')
const { nodeResolve } = require('@rollup/plugin-node-resolve')
const fs = require('fs')
const path = require('path')

const ts = (tsconfig = './tsconfig.json') => typescript({ tsconfig, declaration: false, outDir: undefined, noEmitOnError: true })
const banner = '/*! miniprogram-errno · MIT */'
// The licence line on entry files only: a bundler or minifier keeps every /*! comment, so one per module
// file (16 in `import { wxp }`) cost a rollup user 456 bytes (measured). The package's LICENSE file holds the licence.
const entryBanner = (chunk) => (chunk.isEntry ? banner : '')

/** Copies the mini-program component sources next to the bundle (the .ts is compiled by the bundle step). */
function copyComponents(outDir) {
  return {
    name: 'copy-components',
    writeBundle() {
      const src = path.resolve('miniprogram_npm_src')
      if (!fs.existsSync(src)) return
      for (const component of fs.readdirSync(src)) {
        const from = path.join(src, component)
        if (!fs.statSync(from).isDirectory()) continue
        const to = path.join(outDir, component)
        fs.mkdirSync(to, { recursive: true })
        for (const file of fs.readdirSync(from)) {
          if (/\.(wxml|wxss|json)$/.test(file)) fs.copyFileSync(path.join(from, file), path.join(to, file))
        }
      }
    },
  }
}

/**
 * miniprogram_dist only: moves each generated `lazyJSON('…')` table into its own file,
 * texts/NAME.js, required on first use, so a cold start parses none of them and an app can
 * leave out locales with packOptions.ignore.
 */
function splitTexts() {
  const valueOf = (node) => {
    if (node.type === 'Literal' && typeof node.value === 'string') return node.value
    if (node.type === 'BinaryExpression' && node.operator === '+') return valueOf(node.left) + valueOf(node.right)
    throw new Error('splitTexts: a lazyJSON argument is not a string literal')
  }
  return {
    name: 'split-texts',
    transform(code, id) {
      if (!/[\\/]generated[\\/][^\\/]+\.ts$/.test(id) || code.indexOf('lazyJSON(') < 0) return null
      // The text file is required relative to the file the module lands in: core.js at the root, or its own chunk at its source path.
      const fromDir = isCoreModule(id) ? '.' : path.relative(path.resolve('src'), path.dirname(id)).split(path.sep).join('/')
      const textsDir = path.posix.relative(fromDir, 'texts') || '.'
      const ast = this.parse(code)
      let out = ''
      let at = 0
      for (const statement of ast.body) {
        const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : undefined
        if (!declaration || declaration.type !== 'VariableDeclaration') continue
        for (const declarator of declaration.declarations) {
          // lazyJSON(…) itself, or inside a wrapper call such as byErrno(lazyJSON(…)).
          let init = declarator.init
          while (init && init.type === 'CallExpression' && init.callee.name !== 'lazyJSON' && init.arguments[0] && init.arguments[0].type === 'CallExpression') init = init.arguments[0]
          if (!init || init.type !== 'CallExpression' || init.callee.name !== 'lazyJSON') continue
          const name = declarator.id.name
          // A packed table (lazyJSON(packed('…'))) is unpacked by its text file, with texts/unpack.js, when first required.
          const argument = init.arguments[0]
          if (argument.type !== 'CallExpression' || argument.callee.name !== 'packed') throw new Error(`splitTexts: ${name} is not lazyJSON(packed('…'))`)
          this.emitFile({ type: 'asset', fileName: `texts/${name}.js`, source: `module.exports=require('./unpack.js').unpack(${JSON.stringify(valueOf(argument.arguments[0]))})\n` })
          out += code.slice(at, init.arguments[0].start) + `function () { return require('${textsDir.startsWith('.') ? textsDir : './' + textsDir}/${name}.js') }`
          at = init.arguments[0].end
        }
      }
      return { code: out + code.slice(at), map: null }
    },
  }
}

/**
 * miniprogram_dist: the core (promise layer, ErrnoError, decoding) is one file, core.js, required at load;
 * every other module is its own file at its source path, which index.js requires on first use
 * (scripts/build.js). One file for the core keeps a cold start to a few requires.
 */
const CORE_MODULES = /[\\/]src[\\/](lazy|errno[\\/](ErrnoError|codes|decode|delay|mask|meanings|normalize)|errno[\\/]generated[\\/](categories|category-names|decoding)|texts[\\/]generated[\\/]errno\.en|promise[\\/](wxp|rules)|wx[\\/](invoke|access|failures))\.ts$/
function isCoreModule(id) {
  return CORE_MODULES.test(id)
}
function miniprogramChunk(id) {
  if (isCoreModule(id)) return 'core'
  const rel = path.relative(path.resolve('src'), id)
  // Re-export-only index files (src/index.ts, src/errno/index.ts …) have no code of their own: they stay with the entry.
  if (rel.startsWith('..') || path.isAbsolute(rel) || (/(^|[\\/])index\.ts$/.test(rel) && !/^texts[\\/]/.test(rel))) return undefined
  return rel.replace(/\.ts$/, '').split(path.sep).join('/')
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

function componentBuilds() {
  const src = path.resolve('miniprogram_npm_src')
  if (!fs.existsSync(src)) return []
  return fs.readdirSync(src).filter((c) => fs.existsSync(path.join(src, c, 'index.ts'))).map((component) => ({
    input: `miniprogram_npm_src/${component}/index.ts`,
    // The component requires the library through the bundle beside it, so only one copy ships.
    external: (id) => id === '../../src/index' || /\/src\/index(\.ts)?$/.test(id),
    output: { file: `miniprogram_dist/${component}/index.js`, format: 'cjs', banner, paths: (id) => (/src\/index/.test(id) ? '../index' : id) },
    plugins: [nodeResolve(), ts('./tsconfig.components.json')],
  }))
}

module.exports = [
  {
    // core.js plus one file per other module; scripts/build.js then makes index.js require the core at load and the rest on first use.
    input: 'src/index.ts',
    output: { dir: 'miniprogram_dist', format: 'cjs', exports: 'named', banner: entryBanner, manualChunks: miniprogramChunk, chunkFileNames: '[name].js', entryFileNames: '[name].js' },
    plugins: [nodeResolve(), ts(), splitTexts(), copyComponents('miniprogram_dist')],
  },
  {
    // miniprogram_dist/texts/unpack.js: what the packed text files require to unpack themselves (never at start).
    input: 'src/unpack.ts',
    output: { file: 'miniprogram_dist/texts/unpack.js', format: 'cjs', exports: 'named', banner },
    plugins: [ts()],
  },
  ...componentBuilds(),
  {
    // Node and CommonJS bundlers: one file per entry.
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
