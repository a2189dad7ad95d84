import tseslint from 'typescript-eslint';

/** Layers a feature never imports (the command line and the jobs call features, not the reverse). */
const outerLayers = [
  { group: ['**/cli/**', '**/cli'], message: 'Features never import the command line (server/cli).' },
  { group: ['**/jobs/**', '**/jobs'], message: 'Features never import the jobs (server/jobs).' },
];

/** Query-builder entry points: SQL is built only where `sqlAllowed` says. */
const sqlBuilders = 'selectFrom|insertInto|updateTable|deleteFrom|selectNoFrom|mergeInto|replaceInto';

/**
 * Where SQL may be built: repositories, backup (a copy of every table) and demo loading, and tests.
 * The ticket action path keeps its own until it moves to its
 * repositories (named one by one, so no other file joins them).
 */
const sqlAllowed = [
  '**/*.repository.ts',
  '**/*.test.ts',
  'server/features/backup/**',
  'server/features/demo/**',
  'server/features/enterprises/demo-enterprises.ts',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'e2e/artifacts/', 'bench/out/', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommendedTypeChecked,
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
      // Async functions that implement an async interface (routes, stores, jobs) without awaiting.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: ['error', 'multi-line'],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // vitest's asymmetric matchers (`expect.any(Number)`, `expect.objectContaining(…)`) are typed
    // `any` by design: tests may place them in expected values.
    files: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
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
  {
    // Features are called by the composition root; they never reach into the command line or the jobs.
    files: ['server/features/**/*.ts'],
    ignores: ['server/features/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...outerLayers] }] },
  },
  {
    // SQL lives in repositories (DESIGN rule 5): elsewhere kysely gives types only.
    files: ['server/features/**/*.ts', 'server/jobs/**/*.ts'],
    ignores: sqlAllowed,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...outerLayers,
            {
              group: ['kysely'],
              allowTypeImports: true,
              message: 'SQL lives in <area>.repository.ts (DESIGN rule 5); import kysely types only.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=/^(${sqlBuilders})$/]`,
          message: 'SQL lives in <area>.repository.ts (DESIGN rule 5).',
        },
        {
          selector: "TaggedTemplateExpression[tag.name='sql']",
          message: 'SQL lives in <area>.repository.ts (DESIGN rule 5).',
        },
      ],
    },
  },
  {
    files: ['server/jobs/**/*.ts'],
    ignores: sqlAllowed,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['kysely'],
              allowTypeImports: true,
              message: 'SQL lives in <area>.repository.ts (DESIGN rule 5); import kysely types only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The browser suite drives the product from outside (HTTP and Chromium): no server or web code,
    // only the shared contract's types from common/.
    files: ['e2e/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/server', '**/web/**', '**/web'],
              message: 'e2e/ tests from outside; share types through common/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The browser bundle never imports server code; shared code lives in common/.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/server'],
              message: 'web/ never imports server/; share through common/.',
            },
          ],
        },
      ],
    },
  },
);
