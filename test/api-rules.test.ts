// The promisify rule (src/promise/rules.ts) checked against miniprogram-api-typings: a member is
// asynchronous exactly when its first parameter has success/fail callbacks.
import * as path from 'path'
import { createRequire } from 'module'
import * as ts from 'typescript'
import { isSyncApi } from '../src/promise/rules'

const typingsRoot = path.dirname(createRequire(__filename).resolve('miniprogram-api-typings/package.json'))
const program = ts.createProgram([path.join(typingsRoot, 'index.d.ts')], { types: [] })
const checker = program.getTypeChecker()
const api = program.getSourceFile(path.join(typingsRoot, 'types/wx/lib.wx.api.d.ts'))!

/** name -> 'async' | 'sync' for the methods of an interface of the WechatMiniprogram namespace. */
function classify(interfaceName: string): Map<string, 'async' | 'sync'> {
  const result = new Map<string, 'async' | 'sync'>()
  const visit = (node: ts.Node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === interfaceName) {
      for (const member of node.members) {
        if (!ts.isMethodSignature(member) || !member.name || !ts.isIdentifier(member.name)) continue
        const first = member.parameters[0]
        let async = false
        if (first && first.type) {
          const type = checker.getTypeAtLocation(first.type)
          const parts = type.isUnion() ? type.types : [type]
          async = parts.some((part) => !!(part.getProperty('success') || part.getProperty('fail')))
        }
        const name = member.name.text
        if (result.get(name) !== 'async') result.set(name, async ? 'async' : 'sync')
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(api)
  return result
}

describe('which members wxp promisifies, against miniprogram-api-typings', () => {
  const wx = classify('Wx')

  test('the typings were read (hundreds of Wx methods)', () => {
    expect(wx.size).toBeGreaterThan(400)
    expect(wx.get('openBluetoothAdapter')).toBe('async')
    expect(wx.get('getSystemInfoSync')).toBe('sync')
  })

  test('every Wx method is classified as the typings say', () => {
    const wrong = [...wx].filter(([name, kind]) => isSyncApi(name) !== (kind === 'sync')).map(([name, kind]) => `${name} (${kind})`)
    expect(wrong).toEqual([])
  })

  test.each(['FileSystemManager', 'NFCAdapter', 'NfcA', 'NfcB', 'NfcF', 'NfcV', 'IsoDep', 'Ndef', 'MifareClassic', 'MifareUltralight', 'BLEPeripheralServer', 'SocketTask'])(
    'every method of %s that wxp wraps is classified as the typings say',
    (name) => {
      const members = classify(name)
      expect(members.size).toBeGreaterThan(1)
      const wrong = [...members].filter(([member, kind]) => isSyncApi(member) !== (kind === 'sync')).map(([member, kind]) => `${member} (${kind})`)
      expect(wrong).toEqual([])
    },
  )
})
