import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'e2e/artifacts/', 'bench/out/', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-empty-object-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: ['error', 'multi-line'],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The domain is pure: no database, HTTP, process, file system or platform imports.
    files: ['server/domain/**/*.ts'],
    ignores: ['server/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['kysely', 'pg', '@electric-sql/*', 'fastify', 'fastify-*', '@fastify/*'],
              message: 'The domain is pure (DESIGN rule 1).',
            },
            {
              group: ['node:fs', 'fs', 'node:child_process', 'node:net', 'node:http'],
              message: 'The domain does no I/O.',
            },
            {
              group: ['**/platform/**', '**/features/**', '**/db/**'],
              message: 'The domain does not depend on outer layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The domain never reads process state.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The domain never reads the clock; take `now` as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The domain never reads the clock.',
        },
      ],
    },
  },
);
