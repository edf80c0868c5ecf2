// Lint rules for the TypeScript sources, the tests and the scripts; formatting is Prettier's (`npm run format`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_GLOBALS = {
  process: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  performance: 'readonly',
};
const COMMONJS_GLOBALS = { require: 'readonly', module: 'writable', __filename: 'readonly', __dirname: 'readonly' };

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: NODE_GLOBALS },
    rules: {
      // A file longer than this does more than one job: split it by job.
      'max-lines': ['error', { max: 300 }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // `import('x')` types name a module that is loaded lazily, so it stays out of the import list.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // Terminal safety is about control characters: the patterns that find them must name them.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.cjs', 'bin/**'],
    languageOptions: { sourceType: 'commonjs', globals: { ...NODE_GLOBALS, ...COMMONJS_GLOBALS } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // A test file covers one subject whole, however long.
    files: ['tests/**'],
    rules: { 'max-lines': 'off' },
  },
);
