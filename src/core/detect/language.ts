/** What kind of file a path is, for detection: a grammar, a prompt/instruction file type, or unsupported. */
import type { Grammar } from './parser';
import type { TextFileKind } from './files';

export type FileClass = { readonly type: 'code'; readonly grammar: Grammar } | { readonly type: 'text'; readonly kind: TextFileKind };

const INSTRUCTION_BASENAMES = new Set(['agents.md', 'claude.md', 'gemini.md', '.cursorrules', '.windsurfrules', 'claude.local.md']);

/** Classifies by path (forward or back slashes) and, for code, an editor language id when given. */
export function classifyPath(path: string, languageId?: string): FileClass | undefined {
  const p = path.replace(/\\/g, '/');
  const base = p.slice(p.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  switch (languageId) {
    case 'typescript':
      return { type: 'code', grammar: 'typescript' };
    case 'typescriptreact':
      return { type: 'code', grammar: 'tsx' };
    case 'javascript':
    case 'javascriptreact':
      return { type: 'code', grammar: 'javascript' };
    case 'python':
      return { type: 'code', grammar: 'python' };
  }
  if (INSTRUCTION_BASENAMES.has(lower)) return { type: 'text', kind: 'instructions' };
  if (/(^|\/)\.github\/copilot-instructions\.md$/i.test(p) || /(^|\/)\.github\/instructions\/[^/]+\.instructions\.md$/i.test(p)) {
    return { type: 'text', kind: 'instructions' };
  }
  if (/(^|\/)\.cursor\/rules\/.+\.(mdc|md|txt)$/i.test(p)) return { type: 'text', kind: 'instructions' };
  if (/\.(ts|mts|cts)$/i.test(lower) && !/\.d\.(ts|mts|cts)$/i.test(lower)) return { type: 'code', grammar: 'typescript' };
  if (/\.tsx$/i.test(lower)) return { type: 'code', grammar: 'tsx' };
  if (/\.(js|mjs|cjs|jsx)$/i.test(lower)) return { type: 'code', grammar: 'javascript' };
  if (/\.(py|pyi)$/i.test(lower)) return { type: 'code', grammar: 'python' };
  if (lower.endsWith('.prompt')) return { type: 'text', kind: 'dotprompt' };
  if (lower.endsWith('.prompty')) return { type: 'text', kind: 'prompty' };
  if (/\.(jinja|jinja2|j2)$/i.test(lower)) return { type: 'text', kind: 'jinja' };
  if (/^agents\.ya?ml$/i.test(lower)) return { type: 'text', kind: 'crewai-agents' };
  if (/^tasks\.ya?ml$/i.test(lower)) return { type: 'text', kind: 'crewai-tasks' };
  if (/(^|\/)prompts?\/(.+\/)?[^/]+\.(md|mdx|txt)$/i.test(p) && !/^readme\.md$/i.test(lower)) return { type: 'text', kind: 'prompt-text' };
  return undefined;
}

/** The report's language label for a class. */
export function languageLabel(c: FileClass): string {
  if (c.type === 'code') return c.grammar;
  return c.kind;
}
