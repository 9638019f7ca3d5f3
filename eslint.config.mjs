// ESLint flat config: typescript-eslint's type-aware rules on everything tsconfig.json compiles; syntax-only rules on
// the example projects, the e2e fixture program and plain JS. Formatting is Prettier's job (.prettierrc), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'sdk/generated/',
      'dist/',
      '.tools/',
      '.e2e-work/',
      '.koophone-emulator/',
      'coverage/',
      '**/node_modules/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // No `any` in what we publish or write by hand; a test may still opt out with a disable comment.
      '@typescript-eslint/no-explicit-any': 'error',
      // `_name` marks a value that is deliberately unused (destructured away, a required parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      // Promises must be awaited or handled: a forgotten one hides an API failure (money is at stake).
      '@typescript-eslint/no-floating-promises': 'error',
      // Dynamic-provider methods implement Promise-returning interfaces; an `async` without `await` is fine there.
      '@typescript-eslint/require-await': 'off',
      // `string | 'absent'` is kept on purpose: it names the sentinel in the signature.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
    },
  },
  {
    // Tests read JSON answers as `any` and check them with expect(); the unsafe-any rules would only add casts.
    files: ['**/*.test.ts', 'test/**', '**/testing/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      // Tests build byte strings with control characters on purpose (e.g. a NUL in a header value).
      'no-control-regex': 'off',
    },
  },
  {
    // The e2e fixture programs are Pulumi programs with their own ambient declarations.
    files: ['test/e2e/fixtures/**'],
    rules: { '@typescript-eslint/triple-slash-reference': 'off' },
  },
  {
    // Outside tsconfig.json (own projects or plain JS): no type information, syntax rules only.
    files: ['examples/**', 'test/e2e/fixtures/**', '**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: Object.fromEntries(
        [
          'require',
          'module',
          'exports',
          '__dirname',
          '__filename',
          'process',
          'console',
          'Buffer',
          'URL',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'setImmediate',
          'fetch',
        ].map((g) => [g, 'readonly']),
      ),
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
