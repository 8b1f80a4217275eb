/**
 * Whether an argument given to one of the repository's own functions is in what the call gives back. A
 * value built from a call (`convo = AgentConvo(self).template("review", …)`, `answer = self.ask_question("Why?")`)
 * holds the texts written as its arguments only where the function passes them into its result: a
 * constructor (the instance keeps what it is built from), a message builder (the text joins the instance's
 * messages), a function whose return is built from the parameter (`return f"…{task}…"`, `return text.strip()`).
 * A template's name, a question put to the user, a label for a log are given to functions that return
 * something else (a rendered file, the user's answer): they are not texts of the value. Where the body is
 * not the repository's (a library call), nothing is known and every argument counts, as before.
 */
import type { Expr, FunctionFact } from './facts';
import type { StoredFile } from './store';
import { exprText } from './extract';

/** Calls that build a text from their receiver and arguments. */
const TEXT_BUILDERS = /(^|\.)(format|format_map|join|strip|lstrip|rstrip|dedent|replace|substitute|safe_substitute|concat|trim|str|String)$/;
const CONSTRUCTOR = /(^|\.)(__init__|constructor)$/;
/** A class called by its name (`Message(…)`, `models.Message(…)`) or through `cls`: an instance is built. */
const CONSTRUCTED = /^(cls|self\.__class__|type\(self\)|([\w.]*\.)?[A-Z]\w*)$/;

export interface Target {
  readonly file: StoredFile;
  readonly fn: FunctionFact;
}

/** Whether the argument `arg` (a position as the caller writes it, or a keyword) reaches the value `target` returns. */
export function carriedArg(target: Target, arg: number | string): boolean {
  const { file, fn } = target;
  if (CONSTRUCTOR.test(fn.name)) return true;
  const positional = fn.params.filter((q) => q.fromObject === undefined);
  const param = typeof arg === 'number' ? positional[arg] : fn.params.find((q) => q.name === arg);
  // Past the named parameters (`*args`, `**kwargs`): where it goes is not written down.
  if (!param) return true;
  const short = fn.name.slice(fn.name.lastIndexOf('.') + 1);
  const index = positional.indexOf(param);
  if (file.facts.messageBuilders?.some((m) => m.fn === short && m.param === index)) return true;
  return [fn.returns, ...(fn.moreReturns ?? [])].some((r) => r !== undefined && builtFrom(r, param.name, 0));
}

function builtFrom(e: Expr, name: string, depth: number): boolean {
  if (depth > 4) return false;
  const d = depth + 1;
  switch (e.k) {
    case 'name':
      return e.v === name;
    case 'member':
    case 'index':
      return builtFrom(e.obj, name, d);
    case 'or':
      return builtFrom(e.left, name, d) || builtFrom(e.right, name, d);
    case 'str':
      return e.v.includes(`{${name}}`);
    case 'unknown':
      return new RegExp(`(^|[^\\w.])${escape(name)}\\b`).test(e.text);
    case 'dict':
      return Object.values(e.entries).some((v) => builtFrom(v, name, d));
    case 'list':
      return e.items.some((v) => builtFrom(v, name, d));
    case 'call':
      // A text builder, or a constructor (`return cls(role="user", content=content)`): the value holds its inputs.
      if (!TEXT_BUILDERS.test(exprText(e.callee)) && !CONSTRUCTED.test(exprText(e.callee))) return false;
      return [...e.args, ...Object.values(e.kw), ...(e.callee.k === 'member' ? [e.callee.obj] : [])].some((a) => builtFrom(a, name, d));
    default:
      return false;
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
