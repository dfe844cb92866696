// Builds what ships:
//   miniprogram_dist/  CommonJS, ES2017 syntax: what WeChat DevTools' "Build npm" copies (plus the component)
//   dist/              ESM + CJS for bundlers and Node (index, testing, cli); declarations come from tsc
const typescript = require('@rollup/plugin-typescript')
const { nodeResolve } = require('@rollup/plugin-node-resolve')
const fs = require('fs')
const path = require('path')

const ts = (tsconfig = './tsconfig.json') => typescript({ tsconfig, declaration: false, outDir: undefined, noEmitOnError: true })
const banner = '/*! miniprogram-errno · MIT */'

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
      const ast = this.parse(code)
      let out = ''
      let at = 0
      for (const statement of ast.body) {
        const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : undefined
        if (!declaration || declaration.type !== 'VariableDeclaration') continue
        for (const declarator of declaration.declarations) {
          const init = declarator.init
          if (!init || init.type !== 'CallExpression' || init.callee.name !== 'lazyJSON') continue
          const name = declarator.id.name
          this.emitFile({ type: 'asset', fileName: `texts/${name}.js`, source: `module.exports=${JSON.stringify(valueOf(init.arguments[0]))}\n` })
          out += code.slice(at, init.arguments[0].start) + `function () { return require('./texts/${name}.js') }`
          at = init.arguments[0].end
        }
      }
      return { code: out + code.slice(at), map: null }
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
    input: 'src/index.ts',
    output: { file: 'miniprogram_dist/index.js', format: 'cjs', exports: 'named', banner },
    plugins: [nodeResolve(), ts(), splitTexts(), copyComponents('miniprogram_dist')],
  },
  ...componentBuilds(),
  {
    input: { index: 'src/index.ts', testing: 'src/testing/index.ts', cli: 'src/cli/index.ts' },
    output: [
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs', exports: 'named', banner },
      { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs', banner },
    ],
    plugins: [nodeResolve(), ts()],
  },
]
