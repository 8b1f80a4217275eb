/**
 * Text edits behind the quick fixes, planned on the document text. Pure: the
 * glue wraps each `TextEditSpec` in a WorkspaceEdit (undoable), never writes.
 * Positions are 1-based lines and columns, like the report.
 */
import type { Span } from '../../core/report/types';

export interface TextEditSpec {
  readonly line: number;
  readonly column: number;
  /** Same as the start for an insertion. */
  readonly endLine: number;
  readonly endColumn: number;
  readonly newText: string;
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function toOffset(starts: readonly number[], line: number, column: number, textLength: number): number {
  const start = starts[Math.min(Math.max(line, 1), starts.length) - 1] ?? 0;
  return Math.min(start + Math.max(column, 1) - 1, textLength);
}

function toPosition(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

export function insertAt(starts: readonly number[], offset: number, newText: string): TextEditSpec {
  const p = toPosition(starts, offset);
  return { line: p.line, column: p.column, endLine: p.line, endColumn: p.column, newText };
}

export function previousNonSpace(text: string, before: number, floor: number): number {
  let i = before - 1;
  while (i >= floor && /\s/.test(text[i] ?? '')) i--;
  return i;
}

export type CodeLanguage = 'python' | 'typescript';

export function codeLanguageOf(languageId: string): CodeLanguage | undefined {
  if (languageId === 'python') return 'python';
  if (/^(typescript|typescriptreact|javascript|javascriptreact|tsx)$/.test(languageId)) return 'typescript';
  return undefined;
}

/** The value to write for a step option: Vercel AI SDK's `stopWhen` takes a condition, the rest a number. */
export function stepOptionValue(option: string, steps: number): string {
  return option === 'stopWhen' ? `stepCountIs(${steps})` : String(steps);
}

/**
 * Adds `option: N` (TypeScript, inside the trailing options object, or as a new
 * one) or `option=N` (Python keyword argument) before the call's closing paren.
 */
export function stepLimitEdit(text: string, call: Span, language: CodeLanguage, option: string, steps: number): TextEditSpec | undefined {
  return callOptionEdit(text, call, language, option, stepOptionValue(option, steps), true);
}

/**
 * Adds `option=value` (Python keyword argument) or `option: value` (TypeScript property of the
 * trailing options object) before the call's closing paren. `newArgument`: where the TypeScript
 * call ends in something else than an object literal, whether a new `{ option }` argument may be
 * added (a step option may; a request's options must not become a second argument).
 */
export function callOptionEdit(text: string, call: Span, language: CodeLanguage, option: string, value: string, newArgument: boolean): TextEditSpec | undefined {
  const starts = lineStarts(text);
  const start = toOffset(starts, call.line, call.column, text.length);
  const end = toOffset(starts, call.endLine, call.endColumn, text.length);
  const close = text.lastIndexOf(')', Math.min(end, text.length - 1));
  if (close < start) return undefined;
  const prev = previousNonSpace(text, close, start);
  const prevChar = text[prev];
  if (language === 'python') {
    const arg = `${option}=${value}`;
    if (prevChar === '(') return insertAt(starts, prev + 1, arg);
    return insertAt(starts, prev + 1, prevChar === ',' ? ` ${arg}` : `, ${arg}`);
  }
  const prop = `${option}: ${value}`;
  if (prevChar === '}') {
    const beforeBrace = previousNonSpace(text, prev, start);
    const c = text[beforeBrace];
    if (c === '{') return insertAt(starts, beforeBrace + 1, ` ${prop} `);
    return insertAt(starts, beforeBrace + 1, c === ',' ? ` ${prop}` : `, ${prop}`);
  }
  if (!newArgument) return undefined;
  if (prevChar === '(') return insertAt(starts, prev + 1, `{ ${prop} }`);
  return insertAt(starts, prev + 1, `, { ${prop} }`);
}

function commentFor(languageId: string, body: string): string {
  if (languageId === 'python' || languageId === 'yaml') return `# ${body}`;
  if (/^(markdown|prompt|prompty|plaintext|jinja)$/.test(languageId)) return `<!-- ${body} -->`;
  return `// ${body}`;
}

/** Inserts `// tokenomics: steps=25` (in the file's comment syntax) on its own line above `line`, indented alike. */
export function annotationEdit(text: string, line: number, languageId: string, values: Readonly<Record<string, number | string>>): TextEditSpec {
  const starts = lineStarts(text);
  const lineStart = starts[Math.min(Math.max(line, 1), starts.length) - 1] ?? 0;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const body = `tokenomics: ${Object.entries(values).map(([k, v]) => `${k}=${v}`).join(' ')}`;
  const p = toPosition(starts, lineStart);
  return { line: p.line, column: 1, endLine: p.line, endColumn: 1, newText: `${indent}${commentFor(languageId, body)}\n` };
}

/** Replaces the quoted model name inside the call's span (`"gpt-4o"` → `"gpt-4.1-mini"`), keeping the quotes. */
export function replaceModelEdit(text: string, call: Span, written: string, replacement: string): TextEditSpec | undefined {
  const starts = lineStarts(text);
  const start = toOffset(starts, call.line, call.column, text.length);
  const end = toOffset(starts, call.endLine, call.endColumn, text.length);
  const slice = text.slice(start, end + 1);
  for (const quote of ['"', "'", '`']) {
    const at = slice.indexOf(`${quote}${written}${quote}`);
    if (at < 0) continue;
    const from = toPosition(starts, start + at + 1);
    const to = toPosition(starts, start + at + 1 + written.length);
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column, newText: replacement };
  }
  return undefined;
}

/**
 * Turns a hand-written `while (true)` / `while True:` on the loop's first line
 * into a counted loop of `steps` iterations, keeping the body as it is.
 */
export function boundWhileTrueEdit(text: string, loop: Span, language: CodeLanguage, steps: number): TextEditSpec | undefined {
  const starts = lineStarts(text);
  const lineStart = starts[loop.line - 1];
  if (lineStart === undefined) return undefined;
  const lineEnd = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const pattern = language === 'python' ? /\bwhile\s+True\s*:/ : /\bwhile\s*\(\s*true\s*\)/;
  const m = pattern.exec(line);
  if (!m) return undefined;
  const replacement = language === 'python' ? `for _step in range(${steps}):` : `for (let step = 0; step < ${steps}; step++)`;
  const from = toPosition(starts, lineStart + m.index);
  return { line: from.line, column: from.column, endLine: from.line, endColumn: from.column + m[0].length, newText: replacement };
}
