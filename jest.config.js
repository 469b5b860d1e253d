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
      // The admin inputs of the plugin's custom fields, with React Testing Library.
      displayName: 'custom-fields',
      testEnvironment: 'jsdom',
      transform,
      testMatch: ['<rootDir>/tests/custom-fields/**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/tests/custom-fields/setup.ts'],
    },
  ],
};
