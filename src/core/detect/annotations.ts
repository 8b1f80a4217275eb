/**
 * Inline assumptions: a comment `tokenomics: steps=12 output=800 toolResult=1500
 * callsPerDay=2000 model=gpt-4.1 placeholder.diff=3000` sets what the code does
 * not say for the next site. `tokenomics: ignore` drops the next site.
 */
import type { AnnotationValues } from './types';

const MARKER = /\btokenomics:\s*(.*)$/im;
const NUMERIC_KEYS: Readonly<Record<string, keyof AnnotationValues>> = {
  steps: 'steps',
  maxsteps: 'steps',
  output: 'output',
  out: 'output',
  reasoning: 'reasoning',
  toolresult: 'toolResult',
  tool_result: 'toolResult',
  callsperday: 'callsPerDay',
  calls_per_day: 'callsPerDay',
  input: 'input',
};

export interface ParsedAnnotation {
  readonly values: AnnotationValues;
  readonly issues: readonly string[];
}

/** Parses the text of one comment; undefined when it carries no `tokenomics:` marker. */
export function parseAnnotation(comment: string): ParsedAnnotation | undefined {
  const m = MARKER.exec(comment);
  if (!m) return undefined;
  const body = m[1].replace(/\*\/\s*$/, '').replace(/-->\s*$/, '').trim();
  const values: { -readonly [K in keyof AnnotationValues]: AnnotationValues[K] } = {};
  const placeholders: Record<string, number> = {};
  const issues: string[] = [];
  for (const token of body.split(/[\s,;]+/).filter(Boolean)) {
    if (/^ignore$/i.test(token)) {
      values.ignore = true;
      continue;
    }
    const eq = token.indexOf('=');
    if (eq <= 0) {
      issues.push(`'${token}' is not key=value`);
      continue;
    }
    const key = token.slice(0, eq);
    const raw = token.slice(eq + 1).replace(/^["']|["']$/g, '');
    if (/^model$/i.test(key)) {
      if (raw) values.model = raw;
      else issues.push('model= needs a model id');
      continue;
    }
    const placeholderKey = /^(placeholder|ph)\.(.+)$/i.exec(key);
    const num = parseCount(raw);
    if (placeholderKey) {
      if (num === undefined) issues.push(`${key}: '${raw}' is not a non-negative number`);
      else placeholders[placeholderKey[2]] = num;
      continue;
    }
    const field = NUMERIC_KEYS[key.toLowerCase()];
    if (!field) {
      issues.push(`unknown key '${key}' (known: steps, output, reasoning, toolResult, callsPerDay, input, model, placeholder.NAME, ignore)`);
      continue;
    }
    if (num === undefined) issues.push(`${key}: '${raw}' is not a non-negative number`);
    else (values as Record<string, number>)[field] = num;
  }
  if (Object.keys(placeholders).length) values.placeholders = placeholders;
  return { values, issues };
}

/** `1500`, `1_500`, `1.5k`, `2M`. */
function parseCount(raw: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(raw.replace(/_/g, ''));
  if (!m) return undefined;
  const mult = m[2] === '' ? 1 : m[2].toLowerCase() === 'k' ? 1e3 : 1e6;
  const v = Number(m[1]) * mult;
  return Number.isFinite(v) ? Math.round(v) : undefined;
}

/** Merges two annotations, the later winning field by field. */
export function mergeAnnotations(a: AnnotationValues | undefined, b: AnnotationValues | undefined): AnnotationValues | undefined {
  if (!a) return b;
  if (!b) return a;
  return { ...a, ...b, placeholders: a.placeholders || b.placeholders ? { ...a.placeholders, ...b.placeholders } : undefined };
}
