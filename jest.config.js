// Three projects. `npm test` runs `unit` (the source, no build). `npm run test:dist` builds, then runs `dist`
// (the built files, the packed tarball, Build npm, sizes, the bin) and `miniprogram` (jsdom + miniprogram-simulate:
// the shipped component and the demo pages as Build npm lays them out).
const tsJest = ['ts-jest', { tsconfig: 'test/tsconfig.json', isolatedModules: true, diagnostics: false }]
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'dist',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/dist/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/dist/component/**/*.test.ts', '<rootDir>/test/dist/demo/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      // Inside the demo, the package resolves to the copy "Build npm" packed, as in the runtime.
      moduleNameMapper: { '^miniprogram-errno$': '<rootDir>/demo-miniprogram/miniprogram_npm/miniprogram-errno/index.js' },
    },
  ],
}
