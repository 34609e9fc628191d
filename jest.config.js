// Three projects: `unit` runs without any server; `emulator` runs against a
// Firestore emulator started once by test/setup/global-setup.ts (or the one
// named by FIRESTORE_TARGET, e.g. the official emulator where it can run);
// `e2e` starts the whole local stack (`npm start`) on its fixed ports.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
// The model package is read from its sources, so tests never see a stale build.
// The web client imports the model's zod-free modules by subpath (`@canbo/model/messages`).
const moduleNameMapper = {
  '^@canbo/model$': '<rootDir>/packages/model/src',
  '^@canbo/model/(.*)$': '<rootDir>/packages/model/src/$1',
};

module.exports = {
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      testMatch: ['<rootDir>/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.(emulator|rules|e2e)\\.test\\.ts$'],
    },
    {
      displayName: 'emulator',
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      testMatch: ['<rootDir>/**/*.emulator.test.ts', '<rootDir>/**/*.rules.test.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      testMatch: ['<rootDir>/**/*.e2e.test.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
    },
  ],
};
