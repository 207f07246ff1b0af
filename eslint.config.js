// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Builds a no-restricted-imports rule from [regex, message] pairs. */
const restrict = (...pairs) => ({
  'no-restricted-imports': [
    'error',
    { patterns: pairs.map(([regex, message]) => ({ regex, message })) },
  ],
});

const LAYER = (name) => `(^|/)${name}/`;

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'dist', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // node:test's describe/it return promises that the runner awaits itself.
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Dependencies point inward (docs/architecture.md).
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: restrict(
      ['^(?!\\.)', 'domain code is pure: no packages, no node built-ins'],
      [LAYER('(app|db|http|cli|views|i18n|email|jobs)'), 'domain imports only domain'],
      ['config(\\.ts)?$', 'domain never reads configuration'],
    ),
  },
  {
    files: ['src/app/**/*.ts'],
    rules: restrict(
      [LAYER('(db|http|cli|views|i18n|email|jobs)'), 'app imports domain and its ports only'],
      ['^(fastify|kysely|pg|better-sqlite3|nodemailer|preact)', 'app is framework-free'],
    ),
  },
  {
    files: ['src/http/**/*.{ts,tsx}', 'src/cli/**/*.ts', 'src/views/**/*.{ts,tsx}'],
    rules: restrict(
      [LAYER('db'), 'interfaces call app use cases and never import db'],
      ['^(kysely|pg|better-sqlite3)$', 'interfaces never touch the database'],
    ),
  },
  {
    files: ['src/db/**/*.ts', 'src/email/**/*.ts', 'src/jobs/**/*.ts'],
    rules: restrict([LAYER('(http|cli|views)'), 'adapters do not import interfaces']),
  },
  {
    files: ['src/db/migrations/**/*.ts'],
    rules: restrict([
      LAYER('(app|domain|http|cli|views|i18n|email|jobs)'),
      'migrations are frozen: they never import app code',
    ]),
  },
  prettier,
);
