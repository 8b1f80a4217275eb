/**
 * Flag parsing shared by the CLI commands, on node:util `parseArgs`, with the
 * checks it lacks (numbers, choices) and messages a person can act on:
 * unknown flags get a "did you mean", a missing value names the flag and what it
 * expects, numbers say what was wrong. Every problem is a `UsageError` (exit 2).
 */
import { parseArgs } from 'node:util';
import { UsageError } from './command';

export interface FlagSpec {
  /** `count`: a non-negative number of tokens (accepts 12000, 12_000, 12k, 1.5M); `integer`: a whole number ≥ min. */
  readonly type: 'string' | 'boolean' | 'number' | 'count' | 'integer';
  readonly description: string;
  /** Shown in help: `--model ID`. */
  readonly valueName?: string;
  readonly choices?: readonly string[];
  /** For `integer` / `number`: the smallest allowed value (default 0). */
  readonly min?: number;
  /** Shown in help only; commands apply defaults themselves so they can tell given from assumed. */
  readonly defaultText?: string;
  /** May be given more than once (values collected; commas also split). */
  readonly multiple?: boolean;
  readonly short?: string;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

type StringOf<F extends FlagSpec> = F extends { readonly choices: readonly (infer C)[] } ? C : string;

type ValueOf<F extends FlagSpec> = F['type'] extends 'boolean'
  ? boolean
  : F['type'] extends 'string'
    ? F['multiple'] extends true
      ? StringOf<F>[]
      : StringOf<F>
    : number;

export type ParsedFlags<S extends FlagSpecs> = { -readonly [K in keyof S]?: ValueOf<S[K]> };

export interface ParseResult<S extends FlagSpecs> {
  readonly flags: ParsedFlags<S>;
  readonly positionals: string[];
}

/** Parses `argv` against `specs`. `positionals`: how many bare arguments are allowed (default none). */
export function parseFlags<S extends FlagSpecs>(argv: readonly string[], specs: S, positionals = 0): ParseResult<S> {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {};
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = { type: spec.type === 'boolean' ? 'boolean' : 'string', ...(spec.multiple ? { multiple: true } : {}), ...(spec.short ? { short: spec.short } : {}) };
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (err) {
    throw explainParseError(err, argv, specs);
  }
  if (parsed.positionals.length > positionals) {
    const extra = parsed.positionals[positionals];
    throw new UsageError(positionals === 0 ? `unexpected argument '${extra}' (this command takes only --flags)` : `unexpected extra argument '${extra}'`);
  }
  const flags: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(parsed.values)) {
    const spec = specs[name];
    if (spec.type === 'boolean') flags[name] = raw;
    else if (spec.type === 'string') flags[name] = spec.multiple ? (raw as string[]).flatMap((v) => checkChoice(name, spec, v).split(',').filter(Boolean)) : checkChoice(name, spec, raw as string);
    else flags[name] = parseNumber(name, spec, raw as string);
  }
  return { flags: flags as ParsedFlags<S>, positionals: parsed.positionals };
}

function checkChoice(name: string, spec: FlagSpec, value: string): string {
  if (value === '') throw new UsageError(`--${name} needs a value${spec.valueName ? ` (--${name} ${spec.valueName})` : ''}`);
  if (spec.choices && !spec.choices.includes(value)) {
    throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')} (got '${value}')`);
  }
  return value;
}

const NUMBER = /^([+-]?)(\d+(?:\.\d+)?|\.\d+)([kKmM]?)$/;

/** `12000`, `12_000`, `12,000`, `12k`, `1.5M` → a number; anything else is a usage error naming the flag. */
export function parseNumber(name: string, spec: FlagSpec, raw: string): number {
  const text = raw.trim().replace(/[_,](?=\d{3})/g, '');
  const m = NUMBER.exec(text);
  if (!m) throw new UsageError(`--${name} must be a number (got '${raw}')`);
  const scale = m[3] === '' ? 1 : m[3].toLowerCase() === 'k' ? 1_000 : 1_000_000;
  const value = Number(m[2]) * scale * (m[1] === '-' ? -1 : 1);
  const min = spec.min ?? 0;
  if (value < min) throw new UsageError(min === 0 ? `--${name} must not be negative (got ${raw})` : `--${name} must be at least ${min} (got ${raw})`);
  if ((spec.type === 'count' || spec.type === 'integer') && !Number.isInteger(value)) {
    throw new UsageError(`--${name} must be a whole number (got ${raw})`);
  }
  return value;
}

function explainParseError(err: unknown, argv: readonly string[], specs: FlagSpecs): Error {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  const flagInMessage = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  const name = flagInMessage.replace(/^-+/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = nearest(name, Object.keys(specs));
    return new UsageError(`unknown option ${flagInMessage}${near ? ` (did you mean --${near}?)` : ''}`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const spec = specs[name];
    if (spec?.type === 'boolean') return new UsageError(`--${name} is a switch and takes no value`);
    const next = argv[argv.indexOf(`--${name}`) + 1];
    if (next !== undefined && /^-\d/.test(next) && spec && spec.type !== 'string') {
      return new UsageError(`--${name} must not be negative (got ${next})`);
    }
    return new UsageError(`--${name} needs a value${spec?.valueName ? ` (--${name} ${spec.valueName})` : ''}`);
  }
  return new UsageError(message.split('\n')[0]);
}

/** The closest name by edit distance, if close enough to be a plausible typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The options section of a command's `--help`, aligned, from the same specs the parser uses. */
export function formatFlagHelp(specs: FlagSpecs): string {
  const entries = Object.entries(specs).map(([name, spec]) => {
    const left = `--${name}${spec.valueName ? ` ${spec.valueName}` : ''}`;
    const extras = [spec.choices && !spec.valueName?.includes('|') ? `one of ${spec.choices.join(', ')}` : '', spec.defaultText ? `default ${spec.defaultText}` : '']
      .filter(Boolean)
      .join('; ');
    return { left, right: extras ? `${spec.description} (${extras})` : spec.description };
  });
  const width = Math.max(...entries.map((e) => e.left.length)) + 2;
  return entries.map((e) => `  ${e.left.padEnd(width)}${e.right}`).join('\n');
}
