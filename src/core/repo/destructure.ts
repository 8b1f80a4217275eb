/**
 * TypeScript destructuring as locals: `const { model, config: cfg } = await req.json()` binds
 * `model` to `(await req.json()).model` and `cfg` to its `.config`, so a value read from a request
 * body or an options object can be followed like any other local.
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr, StateDefault } from './facts';
import type { FunctionBucket } from './extract-shared';

/** React state hooks whose initial value is the UI's default (`useState(init)`, `useLocalStorage(key, init)`). */
const STATE_HOOK = /^(React\.)?use(State|LocalStorage|SessionStorage|Cookie|LocalStorageState|PersistedState|Persistent\w*|Stored\w*)$/;

/**
 * Adds destructured locals to the functions' buckets; returns the initial values of UI state
 * hooks (`const [model, setModel] = useLocalStorage("model", { model: "claude-…" })`).
 */
export function addDestructuredLocals(root: SyntaxNode, buckets: readonly FunctionBucket[], expr: (n: SyntaxNode, depth: number) => Expr, depth: number): StateDefault[] {
  const states: StateDefault[] = [];
  for (const d of root.descendantsOfType('variable_declarator')) {
    const pattern = d?.childForFieldName('name');
    const value = d?.childForFieldName('value');
    if (!d || !value) continue;
    if (pattern?.type === 'array_pattern') {
      const state = stateDefault(pattern, value, expr);
      if (state) states.push(state);
      else addArrayItems(pattern, value, innermost(buckets, d.startIndex, d.endIndex), expr, depth);
      continue;
    }
    if (pattern?.type !== 'object_pattern') continue;
    const owner = innermost(buckets, d.startIndex, d.endIndex);
    if (!owner) continue;
    const source = expr(value, depth);
    const line = d.startPosition.row + 1;
    for (const p of pattern.namedChildren) {
      if (p?.type === 'shorthand_property_identifier_pattern') owner.locals[p.text] ??= { k: 'member', obj: source, prop: p.text, line };
      else if (p?.type === 'pair_pattern') {
        const key = p.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '');
        const alias = p.childForFieldName('value');
        if (key && alias?.type === 'identifier') owner.locals[alias.text] ??= { k: 'member', obj: source, prop: key, line };
      } else if (p?.type === 'object_assignment_pattern') {
        // `{ model = "gpt-4o" } = options`: the field, else its default.
        const left = p.childForFieldName('left');
        const right = p.childForFieldName('right');
        if (left?.type === 'shorthand_property_identifier_pattern' && right) {
          owner.locals[left.text] ??= { k: 'or', left: { k: 'member', obj: source, prop: left.text, line }, right: expr(right, depth), line };
        }
      }
    }
  }
  return states;
}

/**
 * `const [platform, model] = id.split('__')`: each name is the item at its place of what the value gives (an id
 * naming a provider and a model, split at run time; split-values.ts computes the parts when the id is known).
 */
function addArrayItems(pattern: SyntaxNode, value: SyntaxNode, owner: FunctionBucket | undefined, expr: (n: SyntaxNode, depth: number) => Expr, depth: number): void {
  if (!owner) return;
  const source = expr(value, depth);
  const line = pattern.startPosition.row + 1;
  // Holes (`const [, model] = …`) are not named children: count places by the commas before each name.
  let place = 0;
  for (const c of pattern.children) {
    if (!c) continue;
    if (c.type === ',') place++;
    else if (c.type === 'identifier') owner.locals[c.text] ??= { k: 'index', obj: source, key: String(place), line };
  }
}

/** Initial values read: literals (a number: a limit the UI sets, requeue-loops.ts), names, attribute paths, and picks from a list (list-values.ts). */
const STATE_INIT = new Set(['string', 'number', 'object', 'identifier', 'member_expression', 'binary_expression', 'call_expression', 'subscript_expression']);

function stateDefault(pattern: SyntaxNode, value: SyntaxNode, expr: (n: SyntaxNode, depth: number) => Expr): StateDefault | undefined {
  const name = pattern.namedChildren[0];
  if (value.type !== 'call_expression' || name?.type !== 'identifier') return undefined;
  const hook = value.childForFieldName('function')?.text ?? '';
  if (!STATE_HOOK.test(hook)) return undefined;
  const args = (value.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is SyntaxNode => Boolean(a) && a!.type !== 'comment');
  const written = /State$/.test(hook) && !/Storage|Persist|Stored/.test(hook) ? args[0] : (args[1] ?? args[0]);
  const lazy = written ? lazyInitial(written) : undefined;
  if (lazy) return { name: name.text, value: expr(lazy, 1), line: value.startPosition.row + 1 };
  const init = written;
  if (!init || !STATE_INIT.has(init.type)) return undefined;
  // A pick from an options list (`MODELS.find((m) => !m.hidden)?.value || MODELS[0].value`) is read a little deeper.
  const pick = init.type === 'binary_expression' || init.type === 'call_expression' || init.type === 'subscript_expression';
  return { name: name.text, value: expr(init, pick ? 1 : 2), line: value.startPosition.row + 1 };
}

/**
 * A lazy initial value (`useState(() => { const p = params.get('model'); return ok(p) ? p : config.defaultModel; })`):
 * what the function returns, its expression body or the last return of its own block.
 */
function lazyInitial(init: SyntaxNode): SyntaxNode | undefined {
  if (init.type !== 'arrow_function' && init.type !== 'function_expression' && init.type !== 'function') return undefined;
  const body = init.childForFieldName('body');
  if (!body) return undefined;
  if (body.type !== 'statement_block') return body;
  const returns = body.namedChildren.filter((c) => c?.type === 'return_statement');
  return returns[returns.length - 1]?.namedChildren[0] ?? undefined;
}

function innermost(buckets: readonly FunctionBucket[], start: number, end: number): FunctionBucket | undefined {
  let best: FunctionBucket | undefined;
  for (const b of buckets) {
    if (b.node.startIndex <= start && end <= b.node.endIndex && (!best || b.node.endIndex - b.node.startIndex < best.node.endIndex - best.node.startIndex)) best = b;
  }
  return best;
}
