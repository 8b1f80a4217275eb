/**
 * Text edits behind the savings findings' quick fixes, planned on the document
 * text from the edit the core computed (`FindingFix`). Pure, like edits.ts: the
 * glue wraps each in a WorkspaceEdit the user picks; nothing is written here.
 * An edit whose target text no longer looks as the report said (the document
 * changed since) is not offered.
 */
import type { Span } from '../../core/report/types';
import { callOptionEdit, insertAt, lineStarts, previousNonSpace, toOffset, type CodeLanguage, type TextEditSpec } from './edits';

/**
 * `max_completion_tokens=1024` (Python) or `max_completion_tokens: 1024` in the request's options
 * object (TypeScript). Not where Python passes `**kwargs` (the key may be in them: a duplicate
 * keyword fails at run time) or TypeScript passes its options as a variable.
 */
export function outputCapEdit(text: string, call: Span, language: CodeLanguage, option: string, value: number): TextEditSpec | undefined {
  const starts = lineStarts(text);
  const callText = text.slice(toOffset(starts, call.line, call.column, text.length), toOffset(starts, call.endLine, call.endColumn, text.length));
  if (language === 'python' && /\(\s*\*\*|,\s*\*\*/.test(callText)) return undefined;
  return callOptionEdit(text, call, language, option, String(value), false);
}

const PY_MARK = '"cache_control": {"type": "ephemeral"}';
const TS_MARK = "cache_control: { type: 'ephemeral' }";

/**
 * Marks Anthropic's system prompt for the prompt cache. `text`: the string value at `at` becomes a
 * one-block list carrying `cache_control`. `blocks`: the last block (a dict or object literal at
 * `at`) gets `cache_control` as its last key.
 */
export function cacheControlEdit(text: string, at: Span, shape: 'text' | 'blocks', language: CodeLanguage): TextEditSpec | undefined {
  const starts = lineStarts(text);
  const start = toOffset(starts, at.line, at.column, text.length);
  const end = toOffset(starts, at.endLine, at.endColumn, text.length);
  const target = text.slice(start, end);
  if (shape === 'text') {
    if (target.trim() === '' || /^[[{]/.test(target)) return undefined;
    const block = language === 'python' ? `[{"type": "text", "text": ${target}, ${PY_MARK}}]` : `[{ type: 'text', text: ${target}, ${TS_MARK} }]`;
    return { ...at, newText: block };
  }
  if (!target.startsWith('{') || !target.endsWith('}')) return undefined;
  const mark = language === 'python' ? PY_MARK : TS_MARK;
  const prev = previousNonSpace(text, end - 1, start);
  const c = text[prev];
  const insertion = c === '{' ? ` ${mark} ` : c === ',' ? ` ${mark}` : `, ${mark}`;
  return insertAt(starts, prev + 1, insertion);
}
