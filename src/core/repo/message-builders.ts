/**
 * Texts passed to the repository's conversation methods (facts from detect/message-builders.ts):
 * `convo.user("Skip this question.")` in any file, where some class of the repository defines `user` as
 * adding its argument to its message list with the role `user`. Each such text is a prompt of the file it
 * is written in. Only method calls (`x.user(…)`) are taken, at the argument the method adds.
 */
import type { DetectedPrompt } from '../detect/types';
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
    for (const t of stored.facts.sent?.texts ?? []) {
      if (!('call' in t.at)) continue;
      const { call, arg } = t.at;
      const dot = call.lastIndexOf('.');
      const hit = dot > 0 ? builders.get(call.slice(dot + 1))?.find((b) => b.param === arg || (b.kw !== undefined && b.kw === arg)) : undefined;
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
