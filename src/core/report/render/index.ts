/**
 * Renderers of display tables (terminal text, Markdown, CSV), shared by every
 * command of the CLI and the Cost report's export, so a saved report equals
 * what `tokenomics scan` prints. Pure: no `node:*`, no `vscode`.
 */
export type { Cell, Column, OutputFormat, Table } from './types';
export { OUTPUT_FORMATS, cellText, cellRaw } from './types';
export { renderText } from './text';
export { renderMarkdown } from './markdown';
export { renderCsv, csvField } from './csv';
export { renderScan, type ScanFormat } from './scan';
