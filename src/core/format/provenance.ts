/**
 * Where a figure's inputs came from, in words: the model ("gpt-4.1 (from code, line 12)",
 * "gpt-4.1 (assumed: chosen at run time)", "claude-sonnet-4-5 (from config/models.ts:56)")
 * and each assumption ("output 500 tokens: default, assumed; the code sets no cap"). Shared by
 * the hover, CodeLens tooltip, status bar, Compare panel, report sidebar and CLI.
 */
import type { ModelSource, SiteAssumption, SourceRef } from '../report/types';
import { formatInteger } from './index';

function place(at: SourceRef | undefined, sitePath: string | undefined): string | undefined {
  if (!at) return undefined;
  return at.path === sitePath ? `line ${at.line}` : `${at.path}:${at.line}`;
}

/** True when the model was not found in the code, a config file or an annotation: it is an assumption. */
export function isAssumedModel(source: ModelSource): boolean {
  return source.from === 'default' || source.from === 'vendor-default' || source.from === 'repository-default';
}

/** How the model was found: `from code, line 12`, `from config/models.ts:56`, `assumed: chosen at run time`. */
export function formatModelSource(source: ModelSource, sitePath?: string): string {
  const where = place(source.at, sitePath);
  switch (source.from) {
    case 'code':
      return where ? (where.startsWith('line') ? `from code, ${where}` : `from ${where}`) : 'from code';
    case 'config':
      return where ? `from ${where}` : `from config${source.detail ? `: ${source.detail}` : ''}`;
    case 'env-default':
      return `from the default of ${source.detail ?? 'an environment variable'}${where ? `, ${where}` : ''}`;
    case 'annotation':
      return where ? `from an annotation, ${where}` : 'from an annotation';
    case 'ui-default':
      return `the UI's default${where ? `, ${where}` : ''} (the user picks the model)`;
    case 'file':
      return "from the file's front matter";
    case 'repository-default':
      return `guessed: ${source.detail ?? "the repository's default model"}`;
    case 'vendor-default':
      return `assumed: ${source.detail ?? "the SDK vendor's default model"}`;
    case 'default':
      return `assumed: ${source.detail ?? 'the code names no model'}`;
  }
}

/** `gpt-4.1 (from code, line 12)` */
export function formatModelWithSource(id: string, source: ModelSource, sitePath?: string): string {
  return `${id} (${formatModelSource(source, sitePath)})`;
}

const SUBJECT: Record<SiteAssumption['subject'], string> = {
  model: 'model',
  output: 'output',
  reasoning: 'reasoning',
  input: 'input',
  placeholder: 'placeholder',
  'imported-prompt': 'imported prompt',
  steps: 'steps',
  'tool-result': 'each tool result',
  'calls-per-day': 'traffic',
  caching: 'prompt caching',
};

const FROM: Record<SiteAssumption['from'], string> = {
  code: 'from code',
  annotation: 'annotation',
  setting: 'setting',
  default: 'default',
};

function valueText(a: SiteAssumption): string {
  if (typeof a.value === 'string') return a.value;
  switch (a.subject) {
    case 'steps':
      return `${formatInteger(a.value)} steps`;
    case 'calls-per-day':
      return `${formatInteger(a.value)} a day`;
    default:
      return `${formatInteger(a.value)} tokens`;
  }
}

/** `output: 500 tokens (default; assumed; the code sets no cap)`, `placeholder {diff}: 3,000 tokens (annotation)`. */
export function formatAssumption(a: SiteAssumption): string {
  const subject = a.name ? `${SUBJECT[a.subject]} ${a.subject === 'placeholder' ? `{${a.name}}` : a.name}` : SUBJECT[a.subject];
  const why = [FROM[a.from], a.detail].filter(Boolean).join('; ');
  return `${subject}: ${valueText(a)} (${why})`;
}
