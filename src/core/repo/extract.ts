/** Entry point detection calls once per parsed file: the file's repository facts, and the model refs it can fill. */
import type { SyntaxNode } from '../detect/parser';
import type { Collected } from '../detect/syntax';
import type { DetectedCall, ValueRef } from '../detect/types';
import type { Expr, FileFacts } from './facts';
import { expr as pyExpr, extractPython } from './extract-py';
import { sessionStores } from './py-session-state';
import { extractTypeScript } from './extract-ts';
import { extractTexts } from './extract-texts';
import { formatCalls } from './extract-format-calls';
import { withStoreMethods } from './store-methods-ts';
import { withToolReaders } from './tool-readers-ts';

export function extractFacts(python: boolean, root: SyntaxNode, collected: Collected, calls: readonly DetectedCall[]): FileFacts {
  const spots: { id: string; node: SyntaxNode }[] = [];
  if (calls.length) {
    const wanted = new Set(calls.map((c) => c.id));
    for (const n of collected.calls) {
      const id = `c${n.startPosition.row + 1}.${n.startPosition.column + 1}`;
      if (!wanted.has(id)) continue;
      spots.push({ id, node: n });
      wanted.delete(id);
      if (wanted.size === 0) break;
    }
  }
  const extracted = python ? extractPython(root, collected, spots) : extractTypeScript(root, collected, spots);
  const stores = python ? sessionStores(root, pyExpr) : [];
  const facts = stores.length ? { ...extracted, sessionStores: stores } : extracted;
  const texts = extractTexts(python, collected.calls, collected.assigned ?? [], facts.functions);
  const formats = python ? formatCalls(collected.calls, facts.functions) : [];
  const sent = formats.length ? { ...texts, formats } : texts;
  const out = sent.texts || sent.flows || sent.keyReads || sent.formats ? { ...facts, sent } : facts;
  return python ? out : withToolReaders(withStoreMethods(out, root), root);
}

/** A `ValueRef` for a model expression detection could not resolve inside the file. */
export function valueRefOf(e: Expr, fn: string | undefined, params: readonly string[]): ValueRef | undefined {
  switch (e.k) {
    case 'name':
      return params.includes(e.v) && fn ? { kind: 'param', text: e.v, param: { function: fn, name: e.v }, line: e.line } : { kind: 'name', text: e.v, line: e.line };
    case 'member':
    case 'index':
      return { kind: 'member', text: exprText(e), line: e.line };
    case 'call':
      return { kind: 'call', text: e.text, line: e.line };
    case 'env':
      return e.def ? undefined : { kind: 'env', text: e.name, line: e.line };
    default:
      return undefined;
  }
}

export function exprText(e: Expr): string {
  switch (e.k) {
    case 'name':
      return e.v;
    case 'member':
      return `${exprText(e.obj)}.${e.prop}`;
    case 'index':
      return `${exprText(e.obj)}[${JSON.stringify(e.key)}]`;
    case 'lookup':
      return `${exprText(e.obj)}[${exprText(e.key)}]`;
    case 'call':
      return `${e.text}()`;
    case 'str':
      return JSON.stringify(e.v);
    case 'num':
      return String(e.v);
    case 'env':
      return `env ${e.name}`;
    default:
      return e.k === 'unknown' ? e.text : e.k;
  }
}
