/**
 * TypeScript: the methods of a state store's object literal that call each other on the store (for
 * store-method-loops.ts). A zustand store (`create((set, get) => ({ … }))`, a `createPersistStore` callback returning
 * a `methods` object) writes its actions as the methods of an object and calls them on the store: `get().onUserInput(…)`,
 * `useChatStore.getState().x(…)`, `methods.x(…)`. Callbacks written inside a method (`onFinish(message) {
 * get().onNewMessage(message); }` handed to the request) count as the method's own calls.
 *
 * Object methods are no functions of the facts (extract-ts.ts reads declared functions and classes), so they are read
 * here from the syntax tree, only in files that call a method on a store at all.
 */
import type { SyntaxNode } from '../detect/parser';
import type { FileFacts } from './facts';

export interface StoreMethodFact {
  readonly name: string;
  readonly line: number;
  readonly endLine: number;
  /** Methods it calls on the store (its callbacks' calls included). */
  readonly calls: readonly string[];
  /** It calls something that runs a tool the model asked for (`executeMcpAction`, `runTool`, `callTool`). */
  readonly runsTool: boolean;
}

/** File facts with the store methods read here. */
export type StoreMethodFacts = FileFacts & { readonly storeMethods?: readonly StoreMethodFact[] };

/** A call on the store itself: `get().onUserInput`, `_get().x`, `methods.x`, `useChatStore.getState().x`. */
export const ON_STORE = /^(?:_?get\(\)|methods|\w+\.getState\(\))\.([A-Za-z_$][\w$]*)$/;
/** A call that runs a tool the model asked for. */
const RUNS_TOOL = /(^|\.)(execute|run|call|invoke)\w*(tool|mcp|plugin|function)\w*$/i;
const FUNCTION_VALUES = /^(arrow_function|function_expression|function)$/;
const MAX_METHODS = 300;

export function withStoreMethods(facts: FileFacts, root: SyntaxNode): FileFacts {
  if (!/\b(_?get\(\)|getState\(\)|methods)\.\w+\(/.test(root.text)) return facts;
  const methods = storeMethods(root);
  if (!methods.length) return facts;
  const out: StoreMethodFacts = { ...facts, storeMethods: methods };
  return out;
}

function storeMethods(root: SyntaxNode): StoreMethodFact[] {
  const out: StoreMethodFact[] = [];
  for (const node of root.descendantsOfType(['method_definition', 'pair'])) {
    if (!node || node.parent?.type !== 'object' || out.length >= MAX_METHODS) continue;
    const fn = node.type === 'method_definition' ? node : node.childForFieldName('value');
    if (!fn || (node.type === 'pair' && !FUNCTION_VALUES.test(fn.type))) continue;
    const name = node.childForFieldName(node.type === 'pair' ? 'key' : 'name')?.text;
    if (!name || !/^[A-Za-z_$][\w$]*$/.test(name)) continue;
    const calls = new Set<string>();
    let runsTool = false;
    for (const c of fn.descendantsOfType('call_expression')) {
      const callee = c?.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '';
      const m = ON_STORE.exec(callee);
      if (m) calls.add(m[1]);
      else if (RUNS_TOOL.test(callee)) runsTool = true;
    }
    out.push({ name, line: node.startPosition.row + 1, endLine: node.endPosition.row + 1, calls: [...calls], runsTool });
  }
  // Only the methods of files that call one on the store: the others are plain objects' functions.
  return out.some((m) => m.calls.length) ? out : [];
}
