/**
 * A conversation class of the repository: `def add(self, role, content): self.messages.append({"role": role,
 * "content": content})` and its shorthands `def user(self, content): return self.add("user", content)`. The
 * text a caller passes to such a method anywhere in the repository (`convo.user("Skip this question.")`)
 * becomes a message of the conversation the caller sends, whatever the variable is called. This file finds
 * the methods (facts); repo/message-builders.ts takes the texts passed to them as prompts.
 *
 * Only a role written as a literal makes a builder (a method that takes the role as a parameter is the adder
 * its shorthands call); a list append of another shape (`{"name": …, "value": …}`) is not a message.
 */
import type { MessageBuilderFact } from '../repo/facts';
import type { SyntaxNode } from './parser';
import type { Collected, LanguageSyntax } from './syntax';

/** Roles whose texts are prompts the caller writes (an assistant or tool message replays a model's output). */
const PROMPT_ROLES = /^(system|user|human|developer)$/;

export function findMessageBuilders(syntax: LanguageSyntax, collected: Collected): MessageBuilderFact[] {
  if (syntax.language !== 'python') return [];
  // The dict literals detection already collected: no walk of the whole tree.
  const adders = new Map<string, { content: number; role: number | string; cls: SyntaxNode }>();
  for (const dict of collected.containers) {
    if (dict.type !== 'dictionary') continue;
    const def = enclosingMethod(dict);
    const name = def?.fn.childForFieldName('name')?.text;
    if (!def || !name || adders.has(name)) continue;
    const adder = appendedMessage(dict, def.fn, paramNames(def.fn));
    if (adder) adders.set(name, { ...adder, cls: def.cls });
  }
  if (!adders.size) return [];
  const out: MessageBuilderFact[] = [];
  for (const [name, a] of adders) if (typeof a.role === 'string' && PROMPT_ROLES.test(a.role)) out.push({ fn: name, param: a.content, role: a.role });
  // Shorthands in the same classes: `def user(self, content): return self.add("user", content)`.
  for (const cls of new Set([...adders.values()].map((a) => a.cls))) {
    for (const stmt of cls.childForFieldName('body')?.namedChildren ?? []) {
      const def = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
      const name = def?.type === 'function_definition' ? def.childForFieldName('name')?.text : undefined;
      if (!def || !name || adders.has(name)) continue;
      const params = paramNames(def);
      for (const call of def.descendantsOfType('call')) {
        const fn = call?.childForFieldName('function');
        if (fn?.type !== 'attribute' || fn.childForFieldName('object')?.text !== 'self') continue;
        const adder = adders.get(fn.childForFieldName('attribute')?.text ?? '');
        const args = call!.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => Boolean(a) && a!.type !== 'comment') ?? [];
        if (!adder || typeof adder.role !== 'number') continue;
        const role = args[adder.role] ? syntax.stringConstant(args[adder.role]) : undefined;
        const content = args[adder.content];
        const index = content?.type === 'identifier' ? params.indexOf(content.text) : -1;
        if (role && PROMPT_ROLES.test(role) && index >= 0 && !out.some((o) => o.fn === name)) out.push({ fn: name, param: index, role });
      }
    }
  }
  return out;
}

/** The method a node sits in and its class (Python), if it sits in one. */
export function enclosingMethod(node: SyntaxNode): { fn: SyntaxNode; cls: SyntaxNode } | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type !== 'function_definition') continue;
    const holder = n.parent?.type === 'decorated_definition' ? n.parent : n;
    const cls = holder.parent?.type === 'block' ? holder.parent.parent : undefined;
    return cls?.type === 'class_definition' ? { fn: n, cls } : undefined;
  }
  return undefined;
}

/** Parameter names as callers pass them (without `self`/`cls`). */
export function paramNames(def: SyntaxNode): string[] {
  const names = (def.childForFieldName('parameters')?.namedChildren ?? []).map((p) => (p?.type === 'identifier' ? p.text : (p?.childForFieldName('name') ?? p?.namedChildren.find((c) => c?.type === 'identifier'))?.text ?? ''));
  return names[0] === 'self' || names[0] === 'cls' ? names.slice(1) : names;
}

/** `self.<list>.append({"role": role, "content": content})` (or the dict built first in a local): the parameters it takes. */
function appendedMessage(dict: SyntaxNode, def: SyntaxNode, params: string[]): { content: number; role: number | string } | undefined {
  let content: number | undefined;
  let role: number | string | undefined;
  for (const pair of dict.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    const k = key?.type === 'string' ? key.text.replace(/^['"]|['"]$/g, '') : undefined;
    if (!value || !k) continue;
    // `"content": content`, or the parameter cleaned up first (`self._dedent(content) if … else content`).
    if (k === 'content') content = value.type === 'identifier' ? params.indexOf(value.text) : params.findIndex((p) => value.descendantsOfType('identifier').some((id) => id?.text === p));
    if (k === 'role') role = value.type === 'identifier' ? params.indexOf(value.text) : value.type === 'string' ? value.text.replace(/^['"]|['"]$/g, '') : undefined;
  }
  if (content === undefined || content < 0 || role === undefined || role === -1) return undefined;
  return appendsToSelf(dict, def) ? { content, role } : undefined;
}

/** The dict (or the local it is assigned to) goes into `self.<attr>.append(…)`. */
function appendsToSelf(dict: SyntaxNode, def: SyntaxNode): boolean {
  const isAppend = (call: SyntaxNode | null | undefined): boolean => {
    const fn = call?.childForFieldName('function');
    return fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'append' && /^self\.\w+$/.test(fn.childForFieldName('object')?.text ?? '');
  };
  if (dict.parent?.type === 'argument_list' && isAppend(dict.parent.parent)) return true;
  const assign = dict.parent?.type === 'assignment' ? dict.parent.childForFieldName('left') : undefined;
  if (assign?.type !== 'identifier') return false;
  return def.descendantsOfType('call').some((c) => isAppend(c) && c!.childForFieldName('arguments')?.namedChildren.some((a) => a?.type === 'identifier' && a.text === assign.text));
}
