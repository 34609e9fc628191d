// The jest configuration StrykerJS runs (stryker.config.mjs): the unit tests
// that exercise functions/src/domain, and nothing that needs a server. Same
// transform and module mapping as the root `unit` project (jest.config.js).
const path = require('node:path');

const rootDir = path.resolve(__dirname, '../..');

module.exports = {
  rootDir,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(rootDir, 'tsconfig.json') }] },
  moduleNameMapper: { '^@canbo/model$': '<rootDir>/packages/model/src' },
  testMatch: [
    '<rootDir>/test/unit/domain/**/*.test.ts',
    '<rootDir>/test/unit/catalogue/**/*.test.ts',
    '<rootDir>/test/functions/errors.test.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '\\.(emulator|rules|e2e)\\.test\\.ts$'],
};
