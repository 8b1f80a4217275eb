/**
 * Options objects on the way from a text to a request (sent-texts.ts). TypeScript wrappers take one object
 * (`generator.generateObject({ schema, system, messages })`, read back as `const { system } = options` or
 * `options.system`), and helpers return one (`return { system: sections.join('\n'), urlList }`, read back as
 * `const { system } = getPrompt(…)`). The field the request sends is followed into the object the caller
 * writes or the helper returns; a field that is not sent (`urlList`, `schema`, `model`) is not.
 */
import type { Expr, FunctionFact } from './facts';
import { dictParts } from './spreads';

/** The value of field `name` in an object literal passed or returned; undefined for anything else. */
export function fieldOf(obj: Expr | undefined, name: string): Expr | undefined {
  return obj?.k === 'dict' ? obj.entries[name] : undefined;
}

/** What a caller passes for a parameter, narrowed to the field sent when it passes an object literal. */
export function passedField(arg: Expr | undefined, key: string | undefined): Expr | undefined {
  if (!arg || key === undefined || arg.k !== 'dict') return arg;
  return arg.entries[key];
}

/** The values of an object literal that carry text to the request: the field sent, or every field when it is unknown. */
export function fieldsSent(obj: Extract<Expr, { k: 'dict' }>, key: string | undefined): Expr[] {
  // Objects spread into the literal (`{ think, ...actionSchemas }`) may hold the field, or every field (spreads.ts).
  if (key !== undefined) return obj.entries[key] ? [obj.entries[key]] : [...(obj.spreads ?? [])];
  return dictParts(obj);
}

/**
 * Object literals and zod schemas a function returns (first and later returns; a long builder's, returnedObjects):
 * `return { system: sections.join('\n') }`, `return z.object({ think: z.string().describe('…') })`.
 */
export function returnedObjects(fn: FunctionFact): Expr[] {
  return [fn.returns, ...(fn.moreReturns ?? []), ...(fn.returnedObjects ?? [])].filter((r): r is Expr => r?.k === 'dict' || (r?.k === 'call' && /^z\./.test(r.text)));
}

/**
 * Whether what a caller passes as argument `arg` (position or keyword) may be in what the function returns: true
 * unless the function is a value helper we can read (its returns known) whose returns never mention that parameter
 * (`askQuestion(query)` returning the user's answer, not `query`). A function whose returns are not read keeps all.
 */
export function keepsArgument(fn: FunctionFact, arg: number | string): boolean {
  const returns = [fn.returns, ...(fn.moreReturns ?? [])].filter((r): r is Expr => Boolean(r));
  if (!returns.length) return true;
  const positional = fn.params.filter((q) => q.fromObject === undefined);
  const param = typeof arg === 'number' ? positional[arg] : fn.params.find((q) => q.name === arg);
  if (!param) return true;
  const names = new Set<string>();
  for (const r of returns) namesOf(r, names, 0);
  return names.has(param.name) || names.has('*');
}

function namesOf(e: Expr, out: Set<string>, depth: number): void {
  if (depth > 8) return;
  const d = depth + 1;
  switch (e.k) {
    case 'name':
      out.add(e.v);
      return;
    case 'member':
    case 'index':
      return namesOf(e.obj, out, d);
    case 'lookup':
      namesOf(e.obj, out, d);
      return namesOf(e.key, out, d);
    case 'call':
      // \`return new Promise((resolve) => rl.question(query, resolve))\`: the value is what the callback resolves (input, I/O), not the arguments.
      if (e.text === 'Promise') return;
      namesOf(e.callee, out, d);
      for (const a of [...e.args, ...Object.values(e.kw)]) namesOf(a, out, d);
      return;
    case 'or':
      namesOf(e.left, out, d);
      return namesOf(e.right, out, d);
    case 'env':
      if (e.def) namesOf(e.def, out, d);
      return;
    case 'dict':
      for (const v of Object.values(e.entries)) namesOf(v, out, d);
      return;
    case 'list':
      for (const v of e.items) namesOf(v, out, d);
      return;
    case 'read':
      return namesOf(e.path, out, d);
    case 'path':
      for (const v of e.parts) namesOf(v, out, d);
      return;
    case 'unknown':
      // Past the extraction's depth, or a template: every identifier written in it may be the parameter.
      for (const n of e.text.match(/[A-Za-z_$][\w$]*/g) ?? []) out.add(n);
      if (!e.text) out.add('*');
      return;
    default:
      return;
  }
}
