/**
 * Prompt and instruction files: `*.prompt` (Dotprompt), `*.prompty`, Markdown and
 * text under `prompts/`, Jinja templates, CrewAI `agents.yaml`/`tasks.yaml`, and
 * coding-agent instruction files (AGENTS.md, CLAUDE.md, copilot-instructions,
 * Cursor rules) that ride along with every request a coding agent makes.
 */
import { parseDocument, isMap, isScalar, type Node as YamlNode, LineCounter } from 'yaml';
import type { PromptKind, Span } from '../report/types';
import { render, literal } from './text';
import type { DetectedFile, DetectedPrompt, DetectIssue } from './types';

export type TextFileKind = 'dotprompt' | 'prompty' | 'prompt-text' | 'jinja' | 'crewai-agents' | 'crewai-tasks' | 'instructions';

interface Section {
  readonly kind: PromptKind;
  readonly text: string;
  /** 0-based offset in the file. */
  readonly offset: number;
}

export function detectTextFile(text: string, path: string, kind: TextFileKind): DetectedFile {
  const issues: DetectIssue[] = [];
  const lines = lineStarts(text);
  const prompts: DetectedPrompt[] = [];
  const push = (s: Section, confidence: number, reason: string): void => {
    if (!s.text.trim()) return;
    const span = spanAt(lines, s.offset, s.offset + s.text.length);
    const rendered = render(literal(s.text));
    prompts.push({ id: `p${span.line}.${span.column}`, ...span, kind: s.kind, text: rendered.text, placeholders: rendered.placeholders, confidence, reason });
  };
  let fileModel: string | undefined;
  let fileMaxOutputTokens: number | undefined;
  let language = 'text';
  switch (kind) {
    case 'dotprompt':
    case 'prompty': {
      language = kind === 'dotprompt' ? 'prompt' : 'prompty';
      const fm = frontMatter(text);
      if (fm) {
        const meta = readFrontMatter(fm.yaml, path, issues, fm.yamlOffset, lines);
        fileModel = meta.model;
        fileMaxOutputTokens = meta.maxOutputTokens;
      }
      const bodyOffset = fm ? fm.bodyOffset : 0;
      const sections = kind === 'dotprompt' ? dotpromptSections(text.slice(bodyOffset)) : promptySections(text.slice(bodyOffset));
      for (const s of sections) push({ ...s, offset: s.offset + bodyOffset }, 1, `${kind} template`);
      break;
    }
    case 'jinja':
      language = 'jinja';
      push({ kind: 'user-template', text, offset: 0 }, 0.9, 'jinja template');
      break;
    case 'prompt-text': {
      language = /\.mdx?$/i.test(path) ? 'markdown' : 'text';
      const fm = frontMatter(text);
      const bodyOffset = fm ? fm.bodyOffset : 0;
      if (fm) fileModel = readFrontMatter(fm.yaml, path, issues, fm.yamlOffset, lines).model;
      push({ kind: /system/i.test(path) ? 'system' : 'other', text: text.slice(bodyOffset), offset: bodyOffset }, 0.85, 'file under prompts/');
      break;
    }
    case 'instructions':
      language = /\.mdc?$/i.test(path) ? 'markdown' : 'text';
      push({ kind: 'instructions', text, offset: 0 }, 1, 'coding-agent instruction file');
      break;
    case 'crewai-agents':
    case 'crewai-tasks':
      language = 'yaml';
      {
        const found = crewaiYaml(text, kind, issues, lines);
        prompts.push(...found.prompts);
        fileModel = found.model;
      }
      break;
  }
  return {
    path,
    language,
    kind: kind === 'instructions' ? 'instructions' : kind.startsWith('crewai') ? 'crewai-config' : 'prompt-file',
    prompts,
    calls: [],
    loops: [],
    annotations: [],
    issues,
    fileModel,
    fileMaxOutputTokens,
    truncated: false,
  };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

function spanAt(starts: readonly number[], start: number, end: number): Span {
  const a = positionAt(starts, start);
  const b = positionAt(starts, end);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

function frontMatter(text: string): { yaml: string; yamlOffset: number; bodyOffset: number } | undefined {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  if (!m) return undefined;
  return { yaml: m[1], yamlOffset: m[0].indexOf(m[1]), bodyOffset: m[0].length };
}

interface FrontMatterFacts {
  model?: string;
  maxOutputTokens?: number;
}

function readFrontMatter(yaml: string, path: string, issues: DetectIssue[], yamlOffset: number, starts: readonly number[]): FrontMatterFacts {
  const doc = parseDocument(yaml, { prettyErrors: false });
  for (const e of doc.errors.slice(0, 3)) {
    const at = spanAt(starts, yamlOffset + (e.pos?.[0] ?? 0), yamlOffset + (e.pos?.[1] ?? 0));
    issues.push({ ...at, code: 'parse-error', message: `front matter of ${path}: ${e.message.split('\n')[0]}` });
  }
  const data = doc.toJS({ maxAliasCount: 50 }) as unknown;
  const facts: FrontMatterFacts = {};
  if (!data || typeof data !== 'object') return facts;
  const d = data as Record<string, unknown>;
  const model = d.model;
  if (typeof model === 'string') facts.model = model;
  else if (model && typeof model === 'object') {
    // prompty: model: { configuration: { azure_deployment | name | model }, parameters: { max_tokens } }
    const m = model as Record<string, unknown>;
    const conf = (m.configuration ?? {}) as Record<string, unknown>;
    const name = conf.model ?? conf.name ?? conf.azure_deployment ?? m.id ?? m.name;
    if (typeof name === 'string') facts.model = name;
    const params = (m.parameters ?? {}) as Record<string, unknown>;
    if (typeof params.max_tokens === 'number') facts.maxOutputTokens = params.max_tokens;
  }
  const config = (d.config ?? {}) as Record<string, unknown>;
  const max = config.maxOutputTokens ?? config.max_tokens ?? config.maxTokens;
  if (typeof max === 'number') facts.maxOutputTokens = max;
  return facts;
}

/** Dotprompt: `{{role "system"}}` switches the role of what follows. */
function dotpromptSections(body: string): Section[] {
  const marker = /\{\{\s*role\s+["'](\w+)["']\s*\}\}/g;
  const out: Section[] = [];
  let kind: PromptKind = 'user-template';
  let last = 0;
  for (const m of body.matchAll(marker)) {
    out.push({ kind, text: body.slice(last, m.index), offset: last });
    kind = roleKind(m[1]);
    last = m.index! + m[0].length;
  }
  out.push({ kind, text: body.slice(last), offset: last });
  return out;
}

/** Prompty: `system:` / `user:` / `assistant:` lines start sections. */
function promptySections(body: string): Section[] {
  const marker = /^[ \t]*(system|user|assistant|developer)[ \t]*:[ \t]*$/gim;
  const out: Section[] = [];
  let kind: PromptKind = 'system';
  let last = 0;
  for (const m of body.matchAll(marker)) {
    out.push({ kind, text: body.slice(last, m.index), offset: last });
    kind = roleKind(m[1]);
    last = m.index! + m[0].length;
  }
  out.push({ kind, text: body.slice(last), offset: last });
  return out;
}

function roleKind(role: string): PromptKind {
  const r = role.toLowerCase();
  if (r === 'system' || r === 'developer') return 'system';
  if (r === 'assistant' || r === 'model') return 'few-shot';
  return 'user-template';
}

const CREWAI_KEYS: Record<'crewai-agents' | 'crewai-tasks', Readonly<Record<string, PromptKind>>> = {
  'crewai-agents': { role: 'system', goal: 'system', backstory: 'system' },
  'crewai-tasks': { description: 'user-template', expected_output: 'instructions' },
};

/** CrewAI `agents.yaml` / `tasks.yaml`: one prompt per text field of each agent or task. */
function crewaiYaml(
  text: string,
  kind: 'crewai-agents' | 'crewai-tasks',
  issues: DetectIssue[],
  starts: readonly number[],
): { prompts: DetectedPrompt[]; model?: string } {
  let model: string | undefined;
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  for (const e of doc.errors.slice(0, 3)) {
    const at = spanAt(starts, e.pos?.[0] ?? 0, e.pos?.[1] ?? 0);
    issues.push({ ...at, code: 'parse-error', message: `YAML: ${e.message.split('\n')[0]}` });
  }
  const out: DetectedPrompt[] = [];
  if (!isMap(doc.contents)) return { prompts: out };
  const keys = CREWAI_KEYS[kind];
  for (const item of doc.contents.items) {
    const name = isScalar(item.key) ? String(item.key.value) : '?';
    if (!isMap(item.value)) continue;
    for (const field of item.value.items) {
      const key = isScalar(field.key) ? String(field.key.value) : '';
      const value = field.value as YamlNode | null;
      if (key === 'llm' && isScalar(value) && typeof value.value === 'string') model ??= value.value;
      const promptKind = keys[key];
      if (!promptKind || !isScalar(value) || typeof value.value !== 'string' || !value.range) continue;
      const [start, , end] = value.range;
      const span = spanAt(starts, start, end);
      const rendered = render(literal(value.value));
      out.push({
        id: `p${span.line}.${span.column}`,
        ...span,
        kind: promptKind,
        text: rendered.text,
        placeholders: rendered.placeholders,
        confidence: 0.95,
        reason: `${key} of ${name} in ${kind === 'crewai-agents' ? 'agents.yaml' : 'tasks.yaml'}`,
      });
    }
  }
  return { prompts: out, model };
}
