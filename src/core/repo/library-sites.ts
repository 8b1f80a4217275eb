/**
 * The pieces library-runs.ts builds its sites from: the order callers are followed in, a builder's model
 * argument, the detected call a library call becomes, and the receivers it looks at.
 */
import type { DetectedCall } from '../detect/types';
import type { Expr } from './facts';
import { exprText } from './extract';
import { CALLED_MODEL_NAME, type ModelSlot } from './library-objects';
import { foreignKind } from './foreign-clients';
import { mainVariant } from './type-defaults';
import { entryFirst, type Bound } from './values';

export type CallExpr = Extract<Expr, { k: 'call' }>;

/**
 * The callers to follow first: the application's own (entryFirst), of those the default variant's (not
 * `experimental/`'s), and a module's own `if __name__ == "__main__":` block (that module run alone) after the
 * functions and other modules that call it as part of the application.
 */
export function orderedCallers(callers: readonly Bound[], path: string): readonly Bound[] {
  const ordered = entryFirst(callers, path);
  const main = mainVariant(ordered, (b) => b.ctx.path);
  const all = [...main, ...ordered.filter((b) => !main.includes(b))];
  const standalone = (b: Bound): boolean => !b.ctx.fn && b.ctx.path === path;
  return [...all.filter((b) => !standalone(b)), ...all.filter(standalone)];
}

/** The builder's model argument: its keyword, else its position. */
export function argAt(call: CallExpr, slot: ModelSlot): Expr | undefined {
  for (const k of slot.kw) if (call.kw[k]) return call.kw[k];
  return slot.arg !== undefined ? call.args[slot.arg] : undefined;
}

export function siteCall(expr: CallExpr, library: string): DetectedCall {
  const inputs = [...expr.args, ...Object.values(expr.kw)].flatMap((a) => (a.k === 'name' || a.k === 'member' ? [exprText(a)] : []));
  return {
    id: `c${expr.line}.lib`,
    line: expr.line,
    column: 1,
    endLine: expr.line,
    endColumn: 1,
    framework: library,
    callee: exprText(expr.callee),
    promptIds: [],
    tools: [],
    agent: false,
    inputPlaceholders: inputs.slice(0, 4),
    rule: 'library-object',
  };
}

export function foreignCall(expr: CallExpr, library: string): DetectedCall {
  const kind = expr.callee.k === 'member' ? foreignKind(expr.callee.prop) : undefined;
  return { ...siteCall(expr, library), rule: 'foreign-client', ...(kind ? { kind } : {}) };
}

/** A callee that may be a model object called itself: a name or attribute named like one (`llm`, `self.qa_llm`, `agent.chat_model`). */
export function calledModel(callee: Expr): boolean {
  const last = callee.k === 'name' ? callee.v : callee.k === 'member' ? callee.prop : undefined;
  return last !== undefined && CALLED_MODEL_NAME.test(last);
}

/** Call facts keep a deep `self` as unknown text: the name again. */
export function withSelf(e: Expr): Expr {
  if (e.k === 'unknown' && e.text === 'self') return { k: 'name', v: 'self', line: e.line };
  return e.k === 'member' ? { ...e, obj: withSelf(e.obj) } : e;
}
