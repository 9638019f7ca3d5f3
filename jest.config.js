/** Two projects: fast unit/contract tests beside the code, and end-to-end tests through the real engine. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/provider', '<rootDir>/sdk', '<rootDir>/emulator', '<rootDir>/scripts', '<rootDir>/policy'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.e2e.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      testTimeout: 600000,
    },
  ],
};
