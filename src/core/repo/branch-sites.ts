/**
 * Python: a branch of a folded site that another caller's model takes is a site of its own. Detection folds the
 * requests a wrapper sends on exclusive branches of one function into one site (the default branch) with the others
 * as alternatives (site-groups.ts): one file cannot tell which branches run. The repository pass can: a wrapper that
 * switches on its model parameter (`if "claude" in model: client.messages.create(…)` / `elif "gpt" in model:
 * client.chat.completions.create(…)`) called by one part of the application with a Claude model and by another with
 * `model="gpt-4o-2024-05-13"` sends both requests. An alternative whose branch condition some application caller's
 * model satisfies, while that caller's model does not take the site's own branch, is revealed as a site on that
 * caller's model.
 *
 * Only conditions of the plain forms `"x" in param`, `param == "x"` and `param in ["x", "y"]` on a parameter of the
 * function are read; anything else (an `or`, a call) reveals nothing.
 */
import type { DetectedAlternative, DetectedCall } from '../detect/types';
import type { BranchTest, Expr } from './facts';
import { testsHold } from './branch-locals';
import { tryEval } from './eval-args';
import { modelOf } from './resolved-models';
import type { Evaluator } from './evaluate';
import type { RepoStore } from './store';
import type { ResolvedModel } from './types';
import { entryFirst, type CallerLookup, type Ctx } from './values';

const MAX_CALLERS = 12;

interface BranchSite {
  readonly call: DetectedCall;
  readonly model: ResolvedModel;
}

export class BranchSites {
  private readonly byFile = new Map<string, BranchSite[]>();

  constructor(
    private readonly store: RepoStore,
    private readonly evaluator: Evaluator,
    private readonly callers: CallerLookup,
  ) {}

  revealed(path: string): readonly DetectedCall[] {
    return this.sites(path).map((s) => s.call);
  }

  modelOf(path: string, callId: string): ResolvedModel | undefined {
    return this.sites(path).find((s) => s.call.id === callId)?.model;
  }

  private sites(path: string): BranchSite[] {
    let found = this.byFile.get(path);
    if (!found) this.byFile.set(path, (found = this.find(path)));
    return found;
  }

  private find(path: string): BranchSite[] {
    const stored = this.store.get(path);
    if (!stored || stored.file.language !== 'python') return [];
    const out: BranchSite[] = [];
    for (const call of stored.file.calls) {
      if (!call.alternatives?.length || call.role || call.agent) continue;
      const fact = stored.facts.calls.find((c) => c.id === call.id);
      const fn = fact?.fn ? stored.functions.get(fact.fn) : undefined;
      if (!fact?.when?.length || !fn) continue;
      const ctx: Ctx = { path, fn };
      const bounds = entryFirst(this.callers(path, fn.name), path).slice(0, MAX_CALLERS);
      if (!bounds.length) continue;
      for (const alt of call.alternatives) {
        const tests = alt.condition ? parseCondition(alt.condition, fn.params.map((p) => p.name), alt.line) : undefined;
        const model = alt.modelRef?.kind === 'param' ? alt.modelRef.text : undefined;
        if (!tests || !model || !fn.params.some((p) => p.name === model)) continue;
        const expr: Expr = { k: 'name', v: model, line: alt.line };
        for (const b of bounds) {
          const at: Ctx = { ...ctx, bound: b };
          const value = (e: Expr) => tryEval(this.evaluator, e, at);
          // The caller takes this alternative's branch and not the site's own.
          if (testsHold(tests, value) !== true || testsHold(fact.when, value) !== false) continue;
          const m = modelOf(value(expr), expr);
          if (!m) continue;
          out.push({ call: revealedSite(call, alt), model: { ...m, source: { ...m.source, detail: `${m.source.detail ?? m.model} (the branch ${alt.condition} its caller at ${b.ctx.path}:${b.line ?? '?'} takes)` } } });
          break;
        }
      }
    }
    return out;
  }
}

function revealedSite(call: DetectedCall, alt: DetectedAlternative): DetectedCall {
  return {
    ...call,
    id: `c${alt.line}.br`,
    line: alt.line,
    endLine: alt.line,
    column: 1,
    endColumn: 1,
    alternatives: undefined,
    model: alt.model,
    modelRef: alt.modelRef,
    providerHint: alt.providerHint,
    rule: 'py-branch-site',
  };
}

/** `"gpt" in model`, `model == "x"`, `model in ["x", "y"]` on a parameter → branch tests; anything else → undefined. */
export function parseCondition(text: string, params: readonly string[], line: number): BranchTest[] | undefined {
  const t = text.trim();
  const contains = /^(["'])([^"']+)\1\s+in\s+([A-Za-z_]\w*)$/.exec(t);
  if (contains && params.includes(contains[3])) return [{ k: 'contains', subject: { k: 'name', v: contains[3], line }, values: [contains[2]] }];
  const eq = /^([A-Za-z_]\w*)\s*==\s*(["'])([^"']+)\2$/.exec(t);
  if (eq && params.includes(eq[1])) return [{ k: 'eq', subject: { k: 'name', v: eq[1], line }, values: [eq[3]] }];
  const among = /^([A-Za-z_]\w*)\s+in\s+\[([^\]]*)\]$/.exec(t);
  if (among && params.includes(among[1])) {
    const values = [...among[2].matchAll(/(["'])([^"']+)\1/g)].map((m) => m[2]);
    if (values.length) return [{ k: 'eq', subject: { k: 'name', v: among[1], line }, values }];
  }
  return undefined;
}
