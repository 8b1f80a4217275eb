// Import boundaries between the layers (see docs/editor.md, "Layers"). Only
// rules that keep the layers apart run here: a fast, syntax-only pass (no type
// information), called by `npm test` through `npm run lint`.
// test/unit/architecture.test.ts asserts the same rules on the source text.
import tseslint from 'typescript-eslint';

const NO_VSCODE = { name: 'vscode', message: 'The core and webview pages run without VS Code: take what you need as data.' };
const NO_PRICING = {
  group: ['**/core/cost', '**/core/cost/*'],
  allowTypeImports: true,
  message: 'Surfaces format core-built estimates (src/core/estimate, the report): they never price. Types are fine.',
};
const NO_CLI = { group: ['**/cli', '**/cli/*', '**/cli/**'], message: 'The extension never imports the CLI: shared code lives in src/core (renderers in core/report/render).' };
const NO_SURFACES = {
  group: ['**/extension', '**/extension/**', '**/cli', '**/cli/**', '**/webview/**', '**/node/**', '**/node'],
  message: 'The core is imported by the surfaces, never the other way round.',
};

const rule = (paths, patterns) => ['error', { paths, patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/**', 'bench/**', 'scripts/**', 'media/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': rule([NO_VSCODE], [NO_SURFACES]) },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': rule([NO_VSCODE], [NO_PRICING]) },
  },
  {
    files: ['src/extension/**/*.ts', 'src/extension.ts', 'src/extension-main.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': rule([], [NO_PRICING, NO_CLI]) },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': rule([], [NO_PRICING]) },
  },
);
