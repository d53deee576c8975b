// Lint for the whole repository: type-checked TypeScript rules, React hooks, and the layering rule.
// Zero warnings is the bar (`npm run lint` passes --max-warnings 0); never switch a rule off "for now".

import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { layeringPlugin } from './tooling/eslint-layering.js';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-electron/',
      'release/',
      'coverage/',
      'test-results/',
      '.deskpad-data/',
      '.tmp/',
      '**/node_modules/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file is checked in the layer project that owns it (tsconfig.json references them).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Scripts and configs in plain JS are type-checked by tsc (checkJs); type-aware lint rules
    // on JSDoc-typed code mostly report noise, so they are off here and tsc is the judge.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    rules: {
      'no-undef': 'off',
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'web/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    plugins: { deskpad: layeringPlugin },
    rules: { 'deskpad/layer-imports': 'error' },
  },
);
