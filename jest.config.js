'use strict';

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2021',
    },
  },
];

const transform = { '^.+\\.(t|j)sx?$': swc };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/helpers/integration-env.ts'],
    },
    {
      // The admin components with React Testing Library; only the fetch client is mocked.
      displayName: 'admin',
      testEnvironment: 'jsdom',
      transform,
      testMatch: ['<rootDir>/tests/admin/**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/tests/admin/setup.ts'],
    },
    {
      // Real chromium against the built admin: run through tests/browser/run.sh.
      displayName: 'browser',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/helpers/integration-env.ts'],
    },
  ],
};
