'use strict';

const server = (folders) => folders.map((folder) => `./server/src/${folder}`);
const entryPoints = [
  'routes',
  'controllers',
  'policies',
  'lifecycles',
  'register.ts',
  'bootstrap.ts',
];

/** Each zone: files under `target` may not import from `from`. */
const layerZones = [
  {
    target: './server/src/domain',
    from: server([
      ...entryPoints,
      'services',
      'repositories',
      'database',
      'utils',
      'config',
      'custom-fields',
    ]),
    message: 'domain/ is pure: it imports nothing of the layers above it.',
  },
  {
    target: './server/src/repositories',
    from: server([...entryPoints, 'services']),
    message: 'repositories/ sit below the services and the entry points.',
  },
  {
    target: './server/src/database',
    from: server([...entryPoints, 'services', 'repositories']),
    message: 'database/ is the bottom layer above domain/.',
  },
  {
    target: './server/src/services',
    from: server(entryPoints),
    message: 'services/ are called by the entry points, never the other way.',
  },
  {
    target: './server/src/controllers',
    from: server(['routes', 'repositories', 'database', 'lifecycles']),
    message: 'controllers/ validate and call one service.',
  },
  {
    target: './shared',
    from: ['./server', './admin'],
    message: 'shared/ holds the contracts both sides import; it imports neither.',
  },
  { target: './admin', from: './server', message: 'admin/ shares types through shared/ only.' },
  { target: './server', from: './admin', message: 'server/ never imports admin code.' },
];

module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  plugins: ['@typescript-eslint', 'import', 'react-hooks'],
  extends: [
    'eslint:recommended',
    'plugin:@typescript-eslint/recommended',
    'plugin:import/recommended',
    'plugin:import/typescript',
    'prettier',
  ],
  env: { node: true, es2022: true },
  settings: {
    'import/resolver': {
      typescript: { project: ['server/tsconfig.json', 'admin/tsconfig.json'] },
      node: true,
    },
  },
  rules: {
    'import/order': [
      'error',
      {
        groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'],
        'newlines-between': 'always',
        alphabetize: { order: 'asc', caseInsensitive: true },
      },
    ],
    'import/no-unresolved': ['error', { ignore: ['^@strapi/'] }],
    // TypeScript checks these; the plugin's resolver utilities crash on them under ESLint 8.57.
    'import/named': 'off',
    'import/namespace': 'off',
    'import/default': 'off',
    'import/no-named-as-default-member': 'off',
    'no-console': 'error',
    '@typescript-eslint/no-explicit-any': 'error',
    '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    'react-hooks/rules-of-hooks': 'error',
    'react-hooks/exhaustive-deps': 'error',
    // The layout of CONTRIBUTING.md, checked: data flows one way, routes → controllers →
    // services → repositories → database, with the pure domain beneath them all.
    'import/no-restricted-paths': ['error', { zones: layerZones }],
  },
  overrides: [
    {
      files: ['*.js'],
      parserOptions: { sourceType: 'script' },
      rules: {
        '@typescript-eslint/no-var-requires': 'off',
        '@typescript-eslint/consistent-type-imports': 'off',
      },
    },
    {
      files: ['tests/**', 'admin/src/**/*.test.tsx'],
      env: { jest: true },
      rules: { 'no-console': 'off' },
    },
    { files: ['admin/**'], env: { browser: true } },
    {
      // The entry's declarations point into the build, which lint runs before.
      files: ['extend.d.ts'],
      rules: { 'import/no-unresolved': 'off' },
    },
    {
      // The recording decision, validation and cursors are tested without Strapi.
      files: ['server/src/domain/**', 'shared/**'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: ['@strapi/*', 'knex', 'koa'],
                message: 'Pure modules import nothing from Strapi.',
              },
            ],
          },
        ],
      },
    },
  ],
};
