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
    },
  ],
}
