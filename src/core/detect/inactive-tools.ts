/**
 * Tools a request defines but never offers: the AI SDK's `activeTools` (`experimental_activeTools` before v5) lists
 * the tool names the model may call, and the SDK sends only those tools' definitions. A tool in `tools` whose key no
 * list of `activeTools` names (every list the value may take: a literal, both branches of a choice, each assignment
 * of the local in the function) is defined but not sent, so its description and schema are no prompt.
 *
 * Per file this records, for each tool-map entry of a request, where the tool comes from (`origin`: the factory it
 * is built by, `createQuestionTool(model)` held in a local, or the imported name it is) and whether it is offered.
 * The repository pass (repo/inactive-tools.ts) drops the texts written in an origin no request offers. A request
 * without `activeTools` offers every tool of its map, and a list it cannot read offers every tool too.
 */
import type { ToolOfferFact } from '../repo/prompt-facts';
import type { SyntaxNode } from './parser';
import type { Collected, LanguageSyntax } from './syntax';

const ACTIVE_KEY = /^(experimental_)?activeTools$/;
const MAX_ASSIGNMENTS = 12;
const MAX_FACTS = 60;
const WRAPPER = /^(as_expression|satisfies_expression|parenthesized_expression|non_null_expression)$/;

export function toolOffers(syntax: LanguageSyntax, collected: Collected): ToolOfferFact[] {
  const out: ToolOfferFact[] = [];
  if (syntax.language !== 'typescript') return out;
  for (const call of collected.calls) {
    if (out.length >= MAX_FACTS || !/tools/.test(call.text)) continue;
    for (const arg of syntax.args(call).positional.slice(0, 2)) {
      const entries = arg.type === 'object' ? syntax.entries(arg) : undefined;
      const tools = entries?.get('tools');
      if (!entries || !tools) continue;
      const activeKey = [...entries.keys()].find((k) => ACTIVE_KEY.test(k));
      const active = activeKey ? activeNames(syntax, entries.get(activeKey)!) : undefined;
      const map = objectEntries(syntax, tools);
      for (const [key, value] of map ?? []) {
        const origin = originOf(syntax, value);
        if (origin) out.push({ origin, offered: !active || active.has(key), line: value.startPosition.row + 1 });
      }
    }
  }
  return out;
}

function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  for (let i = 0; i < 4 && WRAPPER.test(n.type) && n.namedChildren[0]; i++) n = n.namedChildren[0];
  return n;
}

/** The entries of a tool map (`tools` or `const tools: T = { … } as T`). */
function objectEntries(syntax: LanguageSyntax, node: SyntaxNode): Map<string, SyntaxNode> | undefined {
  const target = unwrap(syntax.resolve(unwrap(node)));
  return target.type === 'object' ? syntax.entries(target) : undefined;
}

/**
 * Every tool name the `activeTools` value may list: string arrays, both branches of a choice, and for a local each
 * array assigned to it in the function (`let list = []` then `list = ['search', 'fetch']` per branch). Undefined
 * when some value is not such an array (the list is computed: nothing can be ruled out).
 */
function activeNames(syntax: LanguageSyntax, node: SyntaxNode): Set<string> | undefined {
  const names = new Set<string>();
  const values: SyntaxNode[] = [unwrap(node)];
  for (let i = 0; i < values.length && i < MAX_ASSIGNMENTS; i++) {
    const v = unwrap(values[i]);
    if (v.type === 'ternary_expression') {
      for (const side of [v.childForFieldName('consequence'), v.childForFieldName('alternative')]) if (side) values.push(side);
      continue;
    }
    if (v.type === 'identifier') {
      const bound = syntax.resolve(v);
      if (bound.id === v.id) return undefined;
      values.push(bound, ...assignedValues(v));
      continue;
    }
    if (v.type !== 'array') return undefined;
    for (const item of v.namedChildren) {
      const name = item ? syntax.stringConstant(item) : undefined;
      if (name === undefined) return undefined;
      names.add(name);
    }
  }
  return names;
}

/** The values assigned to a local (`name = …`) in the function the use is written in. */
function assignedValues(use: SyntaxNode): SyntaxNode[] {
  let fn: SyntaxNode | null = use.parent;
  while (fn && !/^(function_declaration|function_expression|arrow_function|method_definition|program)$/.test(fn.type)) fn = fn.parent;
  if (!fn) return [];
  const out: SyntaxNode[] = [];
  for (const a of fn.descendantsOfType('assignment_expression')) {
    if (out.length >= MAX_ASSIGNMENTS) break;
    const left = a?.childForFieldName('left');
    const right = a?.childForFieldName('right');
    if (left?.type === 'identifier' && left.text === use.text && right) out.push(right);
  }
  return out;
}

/** Where a tool of the map is built: the factory its value calls (directly or through a local), or the imported name it is. */
function originOf(syntax: LanguageSyntax, value: SyntaxNode): string | undefined {
  const v = unwrap(value);
  const id = v.type === 'identifier' || v.type === 'shorthand_property_identifier' ? v : undefined;
  const bound = id ? unwrap(syntax.resolve(id)) : v;
  if (id && bound.id === id.id) return id.text;
  if (bound.type !== 'call_expression') return undefined;
  const callee = bound.childForFieldName('function');
  // `tool({ … })` written in place is its own origin only through its enclosing factory: not followed here.
  return callee?.type === 'identifier' && callee.text !== 'tool' ? callee.text : undefined;
}
