// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Imports that would make workflow or domain code non-deterministic or unbundleable. */
const impureImports = [
  ...nodeBuiltins,
  '@nestjs/*',
  'typeorm',
  'pg',
  'nodemailer',
  'class-validator',
  'class-transformer',
  '@temporalio/activity',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/testing',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'jest.config.js',
      'eslint.config.mjs',
      'scripts/**/*.mjs',
      '.dependency-cruiser.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
      'object-shorthand': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts', 'workflows/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'Workflow code must be deterministic: no Node built-ins.',
          })),
          patterns: [
            {
              group: impureImports.filter((m) => !nodeBuiltins.includes(m)),
              message:
                'Workflow code imports only @temporalio/workflow, the domain, contracts and activity types.',
            },
            {
              group: ['**/activities/*', '**/activities'],
              allowTypeImports: true,
              message: 'Import activity types only (import type).',
            },
            {
              group: [
                '**/libs/persistence/**',
                '**/libs/mail/**',
                '**/libs/config/**',
                '**/libs/devstack/**',
                '**/apps/**',
              ],
              message: 'Workflow code imports only the domain and contracts.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use sleep() or condition() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Not deterministic.' },
        { name: 'process', message: 'Not available in workflows.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Not deterministic.' },
      ],
    },
  },
  {
    files: ['libs/domain/**/*.ts', 'libs/contracts/**/*.ts'],
    ignores: ['**/*.spec.ts', 'libs/domain/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'The domain library is pure: no Node built-ins.',
          })),
          patterns: [
            {
              group: impureImports.filter((m) => !nodeBuiltins.includes(m)),
              message: 'The domain library is pure TypeScript.',
            },
            {
              group: [
                '**/libs/persistence/**',
                '**/libs/mail/**',
                '**/libs/config/**',
                '**/libs/devstack/**',
                '**/apps/**',
                '**/activities/**',
                '**/workflows/**',
              ],
              message: 'The domain library depends on nothing of the project.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The domain library reads no environment.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The domain library is deterministic.' },
        { object: 'Date', property: 'now', message: 'Pass the clock in.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pass the clock in: no new Date() without an argument.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(getHours|getDate|getDay|getMonth|getFullYear|getMinutes|setHours|setDate|setMonth|setFullYear|toLocaleString|toLocaleDateString|getTimezoneOffset)$/]',
          message: 'No local-time Date methods: use the UTC+7 civil-date helpers.',
        },
      ],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    ignores: ['**/*.spec.ts', 'libs/domain/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'The domain library is pure: no Node built-ins.',
          })),
          patterns: [
            {
              group: [
                '@temporalio/*',
                '@nestjs/*',
                'typeorm',
                'pg',
                'nodemailer',
                'class-validator',
                'class-transformer',
              ],
              message: 'The domain library is pure TypeScript.',
            },
            {
              group: ['**/libs/**', '**/apps/**', '**/activities/**', '**/workflows/**'],
              message: 'The domain library depends on nothing of the project.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/workflows', '**/workflows/**', '@temporalio/worker'],
              allowTypeImports: true,
              message: 'The API never loads workflow or worker code at runtime.',
            },
          ],
        },
      ],
    },
  },
  {
    // The web app (its own tsconfig: DOM, JSX, bundler resolution) follows the rules of hooks.
    files: ['apps/web/**/*.{ts,tsx,mts}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['**/*.spec.ts', '**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      'no-console': 'off',
    },
  },
);
