/**
 * Prompt files sent inside a message list the call is given by name: `messages = [{"role": "system",
 * "content": CLARIFICATION_PROMPT}, …]; llm.gen(messages=messages)` where `CLARIFICATION_PROMPT =
 * _load_prompt("clarification.txt")` and the loader reads `os.path.join(_PROMPTS_DIR, name)`. The call's input
 * names one local; its value is a list of dicts whose `content` (or `text`, `system`, `prompt`) values the
 * evaluator follows through the loader to the file.
 *
 * Only the message fields that carry text are followed, one list deep: a `role` or a `name` is not a prompt, and a
 * path string in a message (a file the user attached) is not read by the code, so it is not a file value here.
 */
import type { Ctx, Val } from './evaluate';
import { exprText } from './extract';
import { INPUT_KEYS } from './extract-shared';
import type { CalleeFact, Expr } from './facts';
import type { LoadedPrompt } from './types';
import { PROMPT_TEXT_FILE } from './loaded-files';

/** Keys of a chat message that hold its text. */
const TEXT_KEYS = /^(content|text|system|prompt|instructions?|input)$/;
const MAX_ITEMS = 24;
/** Text files a prompt is kept in; a data file (`.csv`, `.json`) put into a message is the user's data, and a README is documentation. */
const NOT_PROMPT = /(^|\/)(readme|changelog|license|contributing)[^/]*$/i;

export type EvalIn = (e: Expr, ctx: Ctx) => Val | undefined;

/** The file values a message list (or one message dict) holds in its text fields. */
export function filesInMessages(v: Val | undefined, evaluate: EvalIn): Extract<Val, { t: 'file' }>[] {
  const out: Extract<Val, { t: 'file' }>[] = [];
  const fromDict = (d: Extract<Val, { t: 'dict' }>): void => {
    for (const [key, e] of Object.entries(d.entries)) {
      if (!TEXT_KEYS.test(key)) continue;
      const x = evaluate(e, d.ctx);
      if (x?.t === 'file' && PROMPT_TEXT_FILE.test(x.path) && !NOT_PROMPT.test(x.path) && !out.some((o) => o.path === x.path)) out.push(x);
    }
  };
  if (v?.t === 'dict') fromDict(v);
  else if (v?.t === 'list') {
    for (const item of v.items.slice(0, MAX_ITEMS)) {
      const x = evaluate(item, v.ctx);
      if (x?.t === 'dict') fromDict(x);
    }
  }
  return out;
}

/**
 * The names a call the repository pass found (a request through the repository's own chat-model family,
 * `self.llm.gen(model=…, messages=messages)`) gives as its input: its positional names and the names under input
 * keywords. Detection never saw the call, so these stand for the inputs its facts would list.
 */
export function inputNamesOf(expr: Extract<Expr, { k: 'call' }>): string[] {
  const named = (e: Expr | undefined): e is Expr => e?.k === 'name' || e?.k === 'member';
  const out = [...expr.args.filter(named), ...Object.entries(expr.kw).flatMap(([k, e]) => (INPUT_KEYS.test(k) && named(e) ? [e] : []))].map((e) => exprText(e));
  return [...new Set(out)].slice(0, 12);
}

/**
 * Loader calls written inline in a request's input: `messages=[{"role": "system", "content": _load_prompt("explain.txt")}]`,
 * `system=load_prompt("review.md")`, TypeScript `{ messages: [{ role: 'system', content: loadPrompt('writer') }] }`.
 * `inside` are the calls written within the request's lines (the function's call facts keep them even where the
 * request's own expression is cut short); each is evaluated where it is written, the loader's name argument bound,
 * and kept when it reads a prompt text file.
 */
export function inlineLoaderFiles(inside: readonly Expr[], ctx: Ctx, evaluate: EvalIn): Extract<Val, { t: 'file' }>[] {
  const out: Extract<Val, { t: 'file' }>[] = [];
  for (const e of inside.slice(0, MAX_ITEMS)) {
    const v = e.k === 'call' ? evaluate(e, ctx) : undefined;
    if (v?.t === 'file' && PROMPT_TEXT_FILE.test(v.path) && !NOT_PROMPT.test(v.path) && !out.some((o) => o.path === v.path)) out.push(v);
  }
  return out;
}

/** The prompt files read by the loader calls written within a request's lines, as inputs of it. */
export function inlineLoaded(call: { readonly line: number; readonly endLine: number; readonly callee: string }, calls: readonly CalleeFact[], ctx: Ctx, evaluate: EvalIn, readText: (path: string) => string | undefined): LoadedPrompt[] {
  const inside = calls.filter((c) => c.line >= call.line && c.line <= call.endLine && c.callee !== call.callee).map((c) => c.expr);
  return inlineLoaderFiles(inside, ctx, evaluate).flatMap((f) => {
    const text = readText(f.path);
    return text === undefined ? [] : [{ name: 'message', path: f.path, text, from: f.from }];
  });
}
