// Two environments: node for the library, jsdom + miniprogram-simulate for the component and demo pages.
const tsJest = ['ts-jest', { tsconfig: 'test/tsconfig.json', isolatedModules: true, diagnostics: false }]
module.exports = {
  projects: [
    {
      displayName: 'library',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/component/', '<rootDir>/test/demo/'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/component/**/*.test.ts', '<rootDir>/test/demo/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      // Inside the demo, the package resolves to the copy "Build npm" packed, as in the runtime.
      moduleNameMapper: { '^miniprogram-errno$': '<rootDir>/demo-miniprogram/miniprogram_npm/miniprogram-errno/index.js' },
    },
  ],
}
