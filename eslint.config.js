// Lint (`npm run lint`): a short list of rules that catch real bugs, type-aware for TypeScript.
// Layout and quotes are Prettier's business (`npm run format:check`), not ESLint's.
import tseslint from 'typescript-eslint';

/** Rules that need no type information: mistakes in any JavaScript or TypeScript. */
const plainRules = {
  eqeqeq: ['error', 'always', { null: 'ignore' }],
  'no-async-promise-executor': 'error',
  'no-compare-neg-zero': 'error',
  'no-cond-assign': 'error',
  'no-constant-binary-expression': 'error',
  'no-constant-condition': ['error', { checkLoops: false }],
  'no-debugger': 'error',
  'no-dupe-else-if': 'error',
  'no-duplicate-case': 'error',
  'no-empty-pattern': 'error',
  'no-loss-of-precision': 'error',
  'no-self-assign': 'error',
  'no-self-compare': 'error',
  'no-sparse-arrays': 'error',
  'no-template-curly-in-string': 'error',
  'no-unsafe-finally': 'error',
  'no-unsafe-optional-chaining': 'error',
  'no-var': 'error',
  'use-isnan': 'error',
  'valid-typeof': 'error',
};

/** Rules that read the types: promises left unawaited or misused, unused code, odd throws.
 *  (no-base-to-string is left out: String() of values narrowed from unknown is deliberate here.) */
const typedRules = {
  '@typescript-eslint/await-thenable': 'error',
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
  '@typescript-eslint/no-for-in-array': 'error',
  '@typescript-eslint/no-implied-eval': 'error',
  '@typescript-eslint/only-throw-error': 'error',
  '@typescript-eslint/prefer-promise-reject-errors': 'error',
  '@typescript-eslint/return-await': ['error', 'error-handling-correctness-only'],
  '@typescript-eslint/no-unused-vars': [
    'error',
    {
      args: 'after-used',
      argsIgnorePattern: '^_',
      varsIgnorePattern: '^_',
      caughtErrors: 'none',
      ignoreRestSiblings: true,
    },
  ],
};

export default tseslint.config(
  // The map page's browser script and vendored files are not ours to lint here.
  { ignores: ['dist/', 'var/', 'vendor/', 'node_modules/', '.test-tmp/', 'bench/out/', 'server/web/'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: './tsconfig.check.json', tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { ...plainRules, ...typedRules },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: plainRules,
  },
);
