/**
 * Texts passed to the repository's conversation methods (facts from detect/message-builders.ts):
 * `convo.user("Skip this question.")` in any file, where some class of the repository defines `user` as
 * adding its argument to its message list with the role `user`. Each such text is a prompt of the file it
 * is written in. Only method calls (`x.user(…)`) are taken, at the argument the method adds.
 */
import type { DetectedPrompt } from '../detect/types';
import type { FunctionFact } from './facts';
import type { RepoStore } from './store';

export function builderPromptsByFile(store: RepoStore): Map<string, DetectedPrompt[]> {
  const builders = new Map<string, { param: number; role: string; kw?: string }[]>();
  for (const stored of store.files()) {
    for (const b of stored.facts.messageBuilders ?? []) {
      const list = builders.get(b.fn) ?? [];
      if (!list.some((x) => x.param === b.param)) list.push({ param: b.param, role: b.role, ...(b.kw ? { kw: b.kw } : {}) });
      builders.set(b.fn, list);
    }
  }
  const out = new Map<string, DetectedPrompt[]>();
  if (!builders.size) return out;
  for (const stored of store.files()) {
    const found: DetectedPrompt[] = [];
    const passed = localsPassed(stored.facts.functions, builders);
    for (const t of stored.facts.sent?.texts ?? []) {
      let call: string;
      let hit: { role: string } | undefined;
      if ('call' in t.at) {
        const { arg } = t.at;
        call = t.at.call;
        const dot = call.lastIndexOf('.');
        hit = dot > 0 ? builders.get(call.slice(dot + 1))?.find((b) => b.param === arg || (b.kw !== undefined && b.kw === arg)) : undefined;
      } else if ('local' in t.at) {
        // `msg = "This is a connection test…"` then `convo.user(msg)` in the same function.
        const use = passed.get(`${t.fn ?? ''}#${t.at.local}`);
        if (!use) continue;
        call = use.call;
        hit = use;
      } else continue;
      if (!hit) continue;
      found.push({
        id: `p${t.line}.${t.column}`,
        line: t.line,
        column: t.column,
        endLine: t.endLine,
        endColumn: t.endColumn,
        kind: hit.role === 'system' ? 'system' : 'user-template',
        text: t.text,
        placeholders: t.placeholders,
        confidence: 0.75,
        reason: `added as a ${hit.role} message by ${call}`,
      });
    }
    if (found.length) out.set(stored.file.path, found);
  }
  return out;
}

/** Locals a function passes to a message method (`convo.user(msg)`), by `fn#local`: the call and the role it adds. */
function localsPassed(functions: readonly FunctionFact[], builders: ReadonlyMap<string, readonly { param: number; role: string; kw?: string }[]>): Map<string, { call: string; role: string }> {
  const out = new Map<string, { call: string; role: string }>();
  for (const f of functions) {
    for (const c of f.calls) {
      const e = c.expr;
      if (e.k !== 'call' || e.callee.k !== 'member') continue;
      for (const b of builders.get(e.callee.prop) ?? []) {
        const arg = (b.kw !== undefined ? e.kw[b.kw] : undefined) ?? e.args[b.param];
        if (arg?.k === 'name' && !out.has(`${f.name}#${arg.v}`)) out.set(`${f.name}#${arg.v}`, { call: c.callee, role: b.role });
      }
    }
  }
  return out;
}
