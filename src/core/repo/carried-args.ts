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
/** An alternate constructor building its own class (`return cls(role="user", content=content)`). */
const OWN_CLASS = /^(cls|self\.__class__|type\(self\))$/;

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
  const own = fn.name.includes('.') ? fn.name.slice(0, fn.name.lastIndexOf('.')) : undefined;
  return [fn.returns, ...(fn.moreReturns ?? [])].some((r) => r !== undefined && builtFrom(r, param.name, 0, own));
}

/**
 * Whether every value `target` returns is plainly something else than its arguments: a call of another function or
 * an instance of another class (`return UserInput(button=choice)`, `return await self.ui.ask(question)`). A returned
 * local may hold anything (a list the arguments were trimmed into): not known, so not something else.
 */
export function returnsOther(target: Target): boolean {
  const { fn } = target;
  if (CONSTRUCTOR.test(fn.name)) return false;
  const own = fn.name.includes('.') ? fn.name.slice(0, fn.name.lastIndexOf('.')) : undefined;
  const returns = [fn.returns, ...(fn.moreReturns ?? [])].filter((r): r is Expr => r !== undefined);
  // No return in a body short enough for its returns to be read (extract-py.ts / extract-ts.ts): it returns nothing.
  if (!returns.length) return fn.endLine - fn.line <= READ_RETURNS_LINES;
  return returns.every((r) => r.k === 'call' && !TEXT_BUILDERS.test(exprText(r.callee)) && !OWN_CLASS.test(exprText(r.callee)) && exprText(r.callee) !== own);
}

/** Functions up to this many lines have their returns extracted (MAX_RETURN_LINES of the extractors). */
const READ_RETURNS_LINES = 60;

/**
 * Whether the returned expression is built from `name`. A call counts when it builds text, or builds the function's
 * own class (a message factory `Message.user(content)`); an instance of another class made from the argument (a
 * user's answer carrying its default button) is something else than the argument.
 */
function builtFrom(e: Expr, name: string, depth: number, own?: string): boolean {
  if (depth > 4) return false;
  const d = depth + 1;
  switch (e.k) {
    case 'name':
      return e.v === name;
    case 'member':
    case 'index':
      return builtFrom(e.obj, name, d, own);
    case 'or':
      return builtFrom(e.left, name, d, own) || builtFrom(e.right, name, d, own);
    case 'str':
      return e.v.includes(`{${name}}`);
    case 'unknown':
      return new RegExp(`(^|[^\\w.])${escape(name)}\\b`).test(e.text);
    case 'dict':
      return Object.values(e.entries).some((v) => builtFrom(v, name, d));
    case 'list':
      return e.items.some((v) => builtFrom(v, name, d));
    case 'call':
      if (!TEXT_BUILDERS.test(exprText(e.callee)) && !OWN_CLASS.test(exprText(e.callee)) && exprText(e.callee) !== own) return false;
      return [...e.args, ...Object.values(e.kw), ...(e.callee.k === 'member' ? [e.callee.obj] : [])].some((a) => builtFrom(a, name, d));
    default:
      return false;
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
