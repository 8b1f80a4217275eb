/** Collects prompt, call and loop sites while detecting, deduplicated by source range. */
import type { PromptKind, Span } from '../report/types';
import type { SyntaxNode } from './parser';
import { render, type TextValue } from './text';
import type { AnnotationValues, DetectedCall, DetectedLoop, DetectedPrompt } from './types';
import type { GraphCycleFact } from '../repo/facts';

export function spanOf(node: SyntaxNode): Span {
  return {
    line: node.startPosition.row + 1,
    column: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
  };
}

/**
 * Where a request is anchored: its span, except that a method chain written over several lines
 * (`model\n  .withConfig({…})\n  .invoke([…])`) starts at the line of the request method itself, the line a reader
 * (and a label) points at; the span still ends where the call does.
 */
export function requestSpanOf(node: SyntaxNode): Span {
  const span = spanOf(node);
  const fn = node.childForFieldName('function');
  const method = fn && (fn.type === 'member_expression' || fn.type === 'attribute') ? fn.childForFieldName(fn.type === 'attribute' ? 'attribute' : 'property') : undefined;
  if (!method || method.startPosition.row === node.startPosition.row) return span;
  // The `.` before the method name starts its line (`  .invoke(`): anchor there.
  return { ...span, line: method.startPosition.row + 1, column: Math.max(1, method.startPosition.column) };
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface PromptEntry {
  prompt: Mutable<DetectedPrompt>;
  readonly startIndex: number;
  readonly endIndex: number;
}

/** More specific kinds win when two rules see the same text. */
const KIND_RANK: Record<PromptKind, number> = { other: 0, 'user-template': 1, 'few-shot': 2, instructions: 3, 'tool-description': 4, system: 5 };

export class SiteRegistry {
  readonly prompts = new Map<string, PromptEntry>();
  readonly calls: Mutable<DetectedCall>[] = [];
  readonly loops: Mutable<DetectedLoop>[] = [];
  /** LangGraph cycles whose nodes are other files' functions, for the repository pass (graphs.ts). */
  readonly graphCycles: GraphCycleFact[] = [];
  truncated = false;

  constructor(private readonly maxSites: number) {}

  /** Registers the text at `node` as a prompt; returns its id, or undefined when capped. */
  addPrompt(node: SyntaxNode, value: TextValue, kind: PromptKind, confidence: number, reason: string): string | undefined {
    const key = `${node.startIndex}:${node.endIndex}`;
    const existing = this.prompts.get(key);
    if (existing) {
      const p = existing.prompt;
      if (confidence > p.confidence || (confidence === p.confidence && KIND_RANK[kind] > KIND_RANK[p.kind])) {
        p.confidence = Math.max(confidence, p.confidence);
        p.kind = kind;
        p.reason = reason;
      }
      return p.id;
    }
    if (this.prompts.size >= this.maxSites) {
      this.truncated = true;
      return undefined;
    }
    const span = spanOf(node);
    const rendered = render(value);
    const prompt: Mutable<DetectedPrompt> = {
      id: `p${span.line}.${span.column}`,
      ...span,
      kind,
      text: rendered.text,
      placeholders: rendered.placeholders,
      confidence,
      reason,
    };
    this.prompts.set(key, { prompt, startIndex: node.startIndex, endIndex: node.endIndex });
    return prompt.id;
  }

  addCall(call: Mutable<DetectedCall>): boolean {
    if (this.calls.length >= this.maxSites) {
      this.truncated = true;
      return false;
    }
    this.calls.push(call);
    return true;
  }

  addLoop(loop: Mutable<DetectedLoop>): boolean {
    if (this.loops.length >= this.maxSites) {
      this.truncated = true;
      return false;
    }
    this.loops.push(loop);
    return true;
  }

  /** Prompt ids whose text lies inside [start, end). */
  promptsWithin(start: number, end: number): string[] {
    const out: string[] = [];
    for (const e of this.prompts.values()) if (e.startIndex >= start && e.endIndex <= end) out.push(e.prompt.id);
    return out;
  }
}

export interface Annotated {
  line: number;
  column: number;
  annotation?: AnnotationValues;
}
