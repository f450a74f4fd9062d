// ESLint (flat config): the layer rule over all project code, plus a few correctness rules.
import tseslint from 'typescript-eslint';
import { kuajingPlugin } from './build/eslint/layers.js';

const root = import.meta.dirname;

export default tseslint.config(
  { ignores: ['node_modules/', '.tools/', 'dist-*/', 'release/', 'test-results/', 'playwright-report/'] },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { kuajing: kuajingPlugin, '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'kuajing/layers': ['error', { root }],
      'no-debugger': 'error',
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
);
