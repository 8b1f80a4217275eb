/**
 * `tokenomics count [file|-] [--model ID] [--tokenizer ID] [--format table|json]`: tokens of a
 * file's raw text (no chat framing), per model family or for one model / tokenizer.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliCommand, CliIo } from '../command';
import { UsageError, UserError } from '../command';
import type { TokenizerId } from '../../core/catalog/types';
import { getBundledCatalog, resolveModel } from '../../core/catalog';
import {
  countApproximate,
  countTokens,
  countTokensForModel,
  ratioProfile,
  ratioProfileForModel,
  tokenizerForModel,
  type RatioProfileId,
  type TokenCount,
} from '../../core/tokenize';

const TOKENIZER_IDS: readonly TokenizerId[] = [
  'o200k_base', 'cl100k_base', 'claude', 'gemini', 'gemma', 'llama3', 'llama4', 'qwen', 'deepseek', 'mistral', 'grok', 'other',
];

/** Rows of the default table: each exact encoding and each family profile, with the models it stands for. */
const FAMILY_ROWS: readonly { readonly tokenizer: TokenizerId; readonly profile?: RatioProfileId; readonly family: string }[] = [
  { tokenizer: 'o200k_base', family: 'GPT-4o, GPT-4.1, GPT-5, o-series, gpt-oss' },
  { tokenizer: 'cl100k_base', family: 'GPT-4, GPT-3.5' },
  { tokenizer: 'claude', profile: 'claude', family: 'Claude 3 – 4.6' },
  { tokenizer: 'claude', profile: 'claude-opus-4.7', family: 'Claude Opus 4.7+' },
  { tokenizer: 'gemini', family: 'Gemini' },
  { tokenizer: 'gemma', family: 'Gemma 3' },
  { tokenizer: 'llama3', family: 'Llama 3.x' },
  { tokenizer: 'llama4', family: 'Llama 4' },
  { tokenizer: 'qwen', family: 'Qwen' },
  { tokenizer: 'deepseek', family: 'DeepSeek' },
  { tokenizer: 'mistral', family: 'Mistral' },
  { tokenizer: 'grok', family: 'Grok' },
];

const USAGE = `Usage: tokenomics count [file|-] [--model ID] [--tokenizer ID] [--format table|json]

Counts the tokens of a file's raw text (no chat framing). Reads standard input for "-" or when no
file is given. Exact for OpenAI encodings (o200k_base, cl100k_base); other families are
approximated from o200k_base by a calibrated ratio and shown with ≈ and their uncertainty.

Options:
  --model ID       count for one model (e.g. gpt-4o, claude-sonnet-4-5, gemini-2.5-pro)
  --tokenizer ID   count with one tokenizer: ${TOKENIZER_IDS.join(', ')}
  --format FMT     table (default) or json
`;

interface CountOptions {
  readonly file?: string;
  readonly model?: string;
  readonly tokenizer?: TokenizerId;
  readonly format: 'table' | 'json';
}

export interface CountRow {
  readonly family: string;
  readonly model?: string;
  readonly tokenizer: TokenizerId;
  readonly tokens: number;
  readonly exact: boolean;
  readonly uncertainty?: number;
  /** tokens × (1 ± uncertainty), rounded; equal to tokens when exact. */
  readonly low: number;
  readonly high: number;
  readonly basis: string;
}

export const countCommand: CliCommand = {
  name: 'count',
  summary: 'count the tokens of a file or stdin, exact or ≈, per model family',
  usage: USAGE,
  async run(argv, io) {
    const options = parseArgs(argv);
    const { text, label } = await readInput(options.file, io);
    const rows = countRows(text, options);
    if (options.format === 'json') {
      io.stdout(JSON.stringify({ input: label, characters: text.length, rows }, null, 2) + '\n');
    } else {
      io.stdout(renderTable(label, text.length, rows));
    }
    return 0;
  },
};

function parseArgs(argv: readonly string[]): CountOptions {
  let file: string | undefined;
  let model: string | undefined;
  let tokenizer: TokenizerId | undefined;
  let format: 'table' | 'json' = 'table';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--model') model = value();
    else if (flag === '--tokenizer') {
      const id = value();
      if (!(TOKENIZER_IDS as readonly string[]).includes(id)) {
        throw new UsageError(`unknown tokenizer '${id}'`, `Known tokenizers: ${TOKENIZER_IDS.join(', ')}.`);
      }
      tokenizer = id as TokenizerId;
    } else if (flag === '--format') {
      const f = value();
      if (f !== 'table' && f !== 'json') throw new UsageError(`unknown format '${f}'`, 'Formats: table, json.');
      format = f;
    } else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option '${flag}'`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`one input at a time (got '${file}' and '${arg}')`);
  }
  if (model !== undefined && tokenizer !== undefined) throw new UsageError('give --model or --tokenizer, not both');
  return { file, model, tokenizer, format };
}

async function readInput(file: string | undefined, io: CliIo): Promise<{ text: string; label: string }> {
  if (file === undefined || file === '-') return { text: await io.readStdin(), label: '<stdin>' };
  try {
    return { text: await readFile(resolve(io.cwd, file), 'utf8'), label: file };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new UserError(`cannot read '${file}': ${reason}`);
  }
}

export function countRows(text: string, options: Pick<CountOptions, 'model' | 'tokenizer'>): CountRow[] {
  if (options.model !== undefined) return [modelRow(text, options.model)];
  if (options.tokenizer !== undefined) {
    const row = FAMILY_ROWS.find((r) => r.tokenizer === options.tokenizer);
    return [toRow(row?.family ?? 'unknown', options.tokenizer, countTokens(text, options.tokenizer))];
  }
  return FAMILY_ROWS.map((r) =>
    toRow(r.family, r.tokenizer, r.profile ? countApproximate(text, r.profile, r.tokenizer) : countTokens(text, r.tokenizer)),
  );
}

/**
 * One model: resolved through the bundled catalog (aliases, provider prefixes, snapshots), whose
 * entry names the tokenizer. A model the catalog lacks is still counted, by family name match,
 * and the row says so (with the catalog's nearest id as a suggestion).
 */
function modelRow(text: string, query: string): CountRow {
  const resolution = resolveModel(getBundledCatalog(), query);
  if (resolution.kind === 'resolved') {
    const model = resolution.model;
    const profile = ratioProfileForModel(model);
    const family = profile && profile !== 'claude' ? `${model.name}, ${ratioProfile(profile).label}` : model.name;
    return toRow(family, tokenizerForModel(model), countTokensForModel(text, model), query);
  }
  const tokenizer = tokenizerForModel(query);
  const hint = resolution.suggestion ? ` (did you mean ${resolution.suggestion}?)` : '';
  const family = `not in the catalog${hint}, tokenizer chosen by name`;
  return toRow(family, tokenizer, countTokensForModel(text, query), query);
}

function toRow(family: string, tokenizer: TokenizerId, count: TokenCount, model?: string): CountRow {
  const spread = count.uncertainty ?? 0;
  return {
    family,
    ...(model !== undefined ? { model } : {}),
    tokenizer,
    tokens: count.tokens,
    exact: count.exact,
    ...(count.uncertainty !== undefined ? { uncertainty: count.uncertainty } : {}),
    low: Math.round(count.tokens * (1 - spread)),
    high: Math.round(count.tokens * (1 + spread)),
    basis: count.basis,
  };
}

const int = (n: number) => n.toLocaleString('en-US');

function renderTable(label: string, characters: number, rows: readonly CountRow[]): string {
  const header = ['family', 'tokenizer', 'tokens', 'range', 'how'];
  const body = rows.map((r) => [
    r.model ? `${r.model} (${r.family})` : r.family,
    r.tokenizer,
    `${r.exact ? '' : '≈ '}${int(r.tokens)}`,
    r.exact ? 'exact' : `${int(r.low)}–${int(r.high)} (±${Math.round((r.uncertainty ?? 0) * 100)}%)`,
    r.exact ? 'js-tiktoken' : ratioMethod(r.basis),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const right = new Set([2]);
  const line = (cells: string[]) =>
    cells.map((cell, c) => (right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [
    `${label}: ${int(characters)} characters, raw text (no chat framing)`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    rows.some((r) => !r.exact)
      ? '≈ rows: o200k_base count × a ratio calibrated per family on English prose and TypeScript/Python code; see --format json for each basis.'
      : '',
  ]
    .filter((l, i, all) => !(l === '' && i === all.length - 1))
    .join('\n') + '\n';
}

/** "measured ratio", "published ratio", … from a basis line. */
function ratioMethod(basis: string): string {
  const match = /: (measured|published|estimated|assumed) ratio/.exec(basis);
  return match ? `${match[1]} ratio` : 'ratio';
}
