/**
 * Checking a raw settings object against the schema and keeping what is
 * valid. A wrong value is dropped at the smallest level that contains it (one
 * key, one list element, one custom model), with an issue naming it; unknown
 * keys are warnings and are ignored. Never throws.
 */
import type { CatalogIssue } from '../catalog/types';
import { editDistance } from '../catalog/distance';
import { SCHEMA_KEYS, validateSchema, type ErrorObject } from './schema';

/** Locates a JSON path in the source text, for issues with line numbers (tokenomics.json). */
export type Locator = (path: readonly (string | number)[]) => number | undefined;

export interface Cleaned {
  readonly value: Record<string, unknown>;
  readonly issues: CatalogIssue[];
}

const SETTINGS_PREFIX = 'tokenomics.';

/** `['customModels', 2, 'contextWindow']` → `customModels[2].contextWindow`. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? s : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
  }
  return out;
}

function pointerSegments(pointer: string, root: unknown): (string | number)[] {
  if (pointer === '') return [];
  const segments: (string | number)[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(node) && /^\d+$/.test(key) ? Number(key) : key;
    segments.push(segment);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return segments;
}

function describe(error: ErrorObject, value: unknown): string {
  const shown = value === undefined ? '' : ` (got ${preview(value)})`;
  switch (error.keyword) {
    case 'type':
      return `must be ${article(String(error.params.type))}${shown}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${error.message}${shown}`;
    case 'required':
      return `is missing the required field '${String(error.params.missingProperty)}'`;
    case 'enum':
      return `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}${shown}`;
    case 'pattern':
      return `has an invalid format${shown}`;
    case 'minLength':
      return 'must not be empty';
    default:
      return `${error.message ?? 'is invalid'}${shown}`;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function valueAt(root: unknown, segments: readonly (string | number)[]): unknown {
  let node = root;
  for (const s of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[s];
  }
  return node;
}

function nearestKey(key: string, candidates: readonly string[]): string | undefined {
  let best: { key: string; d: number } | undefined;
  for (const c of candidates) {
    const d = editDistance(key.toLowerCase(), c.toLowerCase(), 3);
    if (d <= 3 && (!best || d < best.d)) best = { key: c, d };
  }
  return best?.key;
}

/** Deep copy of plain JSON data (so removing invalid parts never touches the caller's object). */
function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, copyJson(v)]));
  }
  return value;
}

/**
 * Validates `raw` (the settings object or the parsed tokenomics.json) and
 * returns only its valid parts. Keys may carry the `tokenomics.` prefix.
 */
export function cleanSettings(raw: unknown, origin: string, locate?: Locator): Cleaned {
  const issues: CatalogIssue[] = [];
  if (raw === undefined || raw === null) return { value: {}, issues };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push({ origin, path: '', message: `settings must be a JSON object, got ${Array.isArray(raw) ? 'an array' : typeof raw}; defaults used`, line: locate?.([]), severity: 'error' });
    return { value: {}, issues };
  }
  const value: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(raw as Record<string, unknown>)) {
    if (v === undefined) continue;
    value[key.startsWith(SETTINGS_PREFIX) ? key.slice(SETTINGS_PREFIX.length) : key] = copyJson(v);
  }
  // Custom models and overrides are checked one by one (cleanEntry); the root schema checks the rest.
  const entries: Record<string, 'customModel' | 'priceOverride'> = { customModels: 'customModel', priceOverrides: 'priceOverride' };
  for (const [key, part] of Object.entries(entries)) {
    const list = value[key];
    if (!Array.isArray(list)) continue;
    const kept: unknown[] = [];
    list.forEach((entry, i) => {
      const checked = cleanEntry(part, entry, [key, i], origin, locate);
      issues.push(...checked.issues);
      if (checked.value) kept.push(checked.value);
    });
    value[key] = kept;
  }
  // Nothing set (a new user's first lens): no schema to compile. The schema accepts an empty object
  // (a test pins it), and compiling its validators costs 0.2-0.3 s on these machines' first analysis.
  const errors = Object.keys(value).length === 0 ? [] : validateSchema('root', value);
  const removals: (string | number)[][] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const at = pointerSegments(error.instancePath, value);
    if (error.keyword === 'additionalProperties') {
      const extra = String(error.params.additionalProperty);
      const path = [...at, extra];
      const candidates = at.length === 0 ? SCHEMA_KEYS : Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      const near = nearestKey(extra, candidates);
      report(path, `unknown ${at.length === 0 ? 'setting' : 'field'} '${extra}'${near ? ` (did you mean '${near}'?)` : ''}; ignored`, 'warning');
      removals.push(path);
      continue;
    }
    const target = dropTarget(at);
    report(at, `${describe(error, valueAt(value, at))}; ${at.length >= 2 ? 'ignored' : 'using the default'}`, 'error');
    removals.push(target);
  }
  // Deepest first, and list elements from the end, so earlier removals do not shift later paths.
  const unique = [...new Map(removals.map((r) => [formatPath(r), r] as const)).values()];
  unique.sort((a, b) => b.length - a.length || compareLast(b, a));
  for (const path of unique) remove(value, path);
  return { value, issues };

  function report(path: readonly (string | number)[], message: string, severity: 'error' | 'warning'): void {
    const key = `${formatPath(path)}|${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push({ origin, path: formatPath(path), message, line: locate?.(path), severity });
  }
}

function compareLast(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  const x = a[a.length - 1];
  const y = b[b.length - 1];
  return typeof x === 'number' && typeof y === 'number' ? x - y : 0;
}

/**
 * What to drop for an error at `at`: a whole top-level key for a scalar setting,
 * one element or property of a top-level list or map (an invalid custom model is
 * skipped whole, its siblings load).
 */
function dropTarget(at: readonly (string | number)[]): (string | number)[] {
  return at.slice(0, Math.min(at.length, 2));
}

function remove(root: Record<string, unknown>, path: readonly (string | number)[]): void {
  if (path.length === 0) return;
  const parent = valueAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') {
    if (last < parent.length) parent.splice(last, 1);
  } else if (parent !== null && typeof parent === 'object') {
    delete (parent as Record<string, unknown>)[String(last)];
  }
}

/**
 * Checks one custom model or price override on its own. Unknown fields are
 * removed with a warning; any other problem skips the entry (value undefined).
 */
export function cleanEntry(part: 'customModel' | 'priceOverride', entry: unknown, at: readonly (string | number)[], origin: string, locate?: Locator): { value?: Record<string, unknown>; issues: CatalogIssue[] } {
  const issues: CatalogIssue[] = [];
  const where = (segments: readonly (string | number)[]) => ({ origin, path: formatPath([...at, ...segments]), line: locate?.([...at, ...segments]) });
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    issues.push({ ...where([]), message: `must be an object, got ${preview(entry)}; entry skipped`, severity: 'error' });
    return { issues };
  }
  const value = copyJson(entry) as Record<string, unknown>;
  let skip = false;
  let noFigures = false;
  for (const error of validateSchema(part, value)) {
    const segments = pointerSegments(error.instancePath, value);
    if (error.keyword === 'additionalProperties') {
      const extra = String(error.params.additionalProperty);
      const near = nearestKey(extra, Object.keys((error.parentSchema as { properties?: object })?.properties ?? {}));
      issues.push({ ...where([...segments, extra]), message: `unknown field '${extra}'${near ? ` (did you mean '${near}'?)` : ''}; ignored`, severity: 'warning' });
      const parent = valueAt(value, segments);
      if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[extra];
      continue;
    }
    skip = true;
    if (error.schemaPath.includes('anyOf')) {
      noFigures = true;
      continue;
    }
    issues.push({ ...where(segments), message: `${describe(error, valueAt(value, segments))}; entry skipped`, severity: 'error' });
  }
  if (noFigures) issues.push({ ...where([]), message: 'sets no price or speed to override (input, output, cachedRead, cacheWrite, cacheWrite1h, batchDiscount, ttftMs, outputTokensPerSecond); entry skipped', severity: 'error' });
  return skip ? { issues } : { value, issues };
}
