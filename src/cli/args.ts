// The command line of `miniprogram-errno`, read by Node's util.parseArgs (Node only).

type Token =
  | { kind: 'positional'; index: number; value: string }
  | { kind: 'option'; index: number; name: string; rawName: string; value?: string }
  | { kind: 'option-terminator'; index: number }
// Node's util, typed here: the library's own tsconfig has no Node types (it targets the mini-program runtime).
declare const require: (id: string) => {
  parseArgs(config: {
    args: string[]
    options: { [name: string]: { type: 'string' | 'boolean' } }
    strict: boolean
    allowPositionals: boolean
    tokens: boolean
  }): { tokens?: Token[] }
}
const { parseArgs } = require('util')

/**
 * The options and the words of a command line, read by Node's util.parseArgs. A negative code (`explain -502005`)
 * is a word, not a group of short options; an option this command does not know stays a word (`--version`, `-v`,
 * `--help` are commands). An option given without its value reads as ''.
 */
export interface CommandLine {
  values: { lang?: string; platform?: string; out?: string; json?: boolean }
  rest: string[]
}

export function parseCommandLine(argv: string[]): CommandLine {
  const { tokens } = parseArgs({
    args: argv,
    options: {
      lang: { type: 'string' },
      platform: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  })
  const values: CommandLine['values'] = {}
  const rest: string[] = []
  let lastWordAt = -1
  for (const token of tokens || []) {
    if (token.kind === 'positional') rest.push(token.value)
    else if (token.kind === 'option-terminator') continue
    else if (token.name === 'json') values.json = true
    else if (token.name === 'lang' || token.name === 'platform' || token.name === 'out')
      values[token.name] = token.value === undefined ? '' : token.value
    else if (token.index !== lastWordAt) rest.push(argv[token.index]) // a negative number or an unknown option
    if (token.kind === 'option') lastWordAt = token.index
  }
  return { values, rest }
}
