/**
 * Rendering command results in the four formats every command shares. A command
 * builds its tables (for text, Markdown, CSV) and its JSON body (the core data
 * types, unchanged) once; `renderOutput` picks what the format needs.
 */
import type { Catalog } from '../../core/catalog/types';
import { renderCsv, renderMarkdown, renderText, type OutputFormat, type Table } from '../../core/report/render';

export type { Cell, Column, OutputFormat, Table } from '../../core/report/render';
export { OUTPUT_FORMATS, cellText, cellRaw, renderText, renderMarkdown, renderCsv, csvField } from '../../core/report/render';

/** Version of the CLI's JSON output; additive changes only within a version. */
export const CLI_JSON_VERSION = 1;

/** The envelope of every JSON output: version, the catalog's provenance, then the command's body. */
export function jsonEnvelope(catalog: Pick<Catalog, 'asOf' | 'source'> | undefined, command: string, body: object): object {
  return {
    version: CLI_JSON_VERSION,
    command,
    ...(catalog ? { catalog: { asOf: catalog.asOf, source: catalog.source } } : {}),
    ...body,
  };
}

export interface CommandOutput {
  /** Tables in order; CSV takes the first one (the command's main data). */
  readonly tables: readonly Table[];
  /** The JSON document (usually made with `jsonEnvelope`). */
  readonly json: object;
}

export function renderOutput(format: OutputFormat, output: CommandOutput): string {
  switch (format) {
    case 'json':
      return JSON.stringify(output.json, null, 2) + '\n';
    case 'csv':
      return output.tables.length > 0 ? renderCsv(output.tables[0]) : '';
    case 'markdown':
      return output.tables.map(renderMarkdown).join('\n');
    case 'table':
    default:
      return output.tables.map(renderText).join('\n');
  }
}
