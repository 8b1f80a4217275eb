/**
 * Reading a workspace `tokenomics.json`: JSON with comments allowed (as VS Code
 * edits it), every problem reported with its line, nothing thrown. Broken JSON
 * gives one issue per syntax error and no values (settings and defaults apply).
 */
import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { applyOverrides } from '../catalog/overrides';
import { resolveModel } from '../catalog/resolve';
import type { Catalog, CatalogIssue } from '../catalog/types';
import { cleanSettings, type Locator } from './clean';
import type { TokenomicsConfig } from './types';

export interface ConfigFile {
  /** Only the valid keys the file sets; merge over settings and defaults. */
  readonly config: Partial<TokenomicsConfig>;
  readonly issues: CatalogIssue[];
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Parses and validates the file. With a catalog, custom models and price
 * overrides are also checked against it (unknown model → nearest known one),
 * so those problems carry a line too.
 */
export function parseConfigFile(text: string, path: string, catalog?: Catalog): ConfigFile {
  const source = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : '';
  if (source.trim() === '') return { config: {}, issues: [] };
  const errors: ParseError[] = [];
  const raw: unknown = parse(source, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const issues = errors.slice(0, 5).map((e) => ({
      origin: path,
      path: '',
      message: `not valid JSON: ${describeParseError(printParseErrorCode(e.error))}; the file is ignored until fixed (settings and defaults apply)`,
      line: lineAt(source, e.offset),
      severity: 'error' as const,
    }));
    return { config: {}, issues };
  }
  const root = parseTree(source);
  const locate: Locator = (segments) => {
    if (!root) return undefined;
    let node: Node | undefined = findNodeAtLocation(root, [...segments]);
    // An unknown or missing key: point at its parent object.
    for (let n = segments.length - 1; !node && n >= 0; n--) node = findNodeAtLocation(root, segments.slice(0, n));
    if (node?.parent?.type === 'property') node = node.parent;
    return node ? lineAt(source, node.offset) : 1;
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const got = raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw;
    return { config: {}, issues: [{ origin: path, path: '', message: `must contain a JSON object of settings, got ${got}; the file is ignored (settings and defaults apply)`, line: 1, severity: 'error' }] };
  }
  const { value, issues } = cleanSettings(raw, path, locate);
  if (catalog) {
    const checked = applyOverrides(catalog, { customModels: (value.customModels as unknown[]) ?? [], priceOverrides: (value.priceOverrides as unknown[]) ?? [] }, path);
    for (const issue of checked.issues) issues.push({ ...issue, line: issue.line ?? locate(segmentsOf(issue.path)) });
    for (const key of ['defaultModel', 'codingModel'] as const) {
      const name = value[key];
      if (typeof name !== 'string') continue;
      const r = resolveModel(checked.catalog, name);
      if (r.kind === 'unknown') {
        const hint = r.suggestion ? `; nearest known model: '${r.suggestion}'` : '';
        issues.push({ origin: path, path: key, message: `unknown model '${name}'${hint}; calls priced with it are unpriced until it is added under customModels`, line: locate([key]), severity: 'warning' });
      }
    }
  }
  return { config: value as Partial<TokenomicsConfig>, issues };
}

/** `priceOverrides[2].model` → `['priceOverrides', 2, 'model']`. */
function segmentsOf(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

function describeParseError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'property name expected',
    ValueExpected: 'value expected',
    ColonExpected: "':' expected",
    CommaExpected: "',' expected",
    CloseBraceExpected: "'}' expected",
    CloseBracketExpected: "']' expected",
    EndOfFileExpected: 'unexpected text after the end',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfComment: 'unterminated comment',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character',
  };
  return words[code] ?? code;
}
