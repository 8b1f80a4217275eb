/**
 * How a LangGraph builder call is written, for detect/graphs.ts. The same edge can be spelled several ways, and the
 * cycle it closes is the same loop in each:
 * - positionally, `add_conditional_edges("critique", route, {"revise": "write"})`;
 * - with keywords, in the current names (`source=`, `path=`, `path_map=`) or the first releases' names
 *   (`start_key=`, `condition=`, `conditional_edge_mapping=`; `add_edge(start_key=, end_key=)`);
 * - in LangGraph.js, as one options object (`addConditionalEdges({ source, path, pathMap })`).
 * The graph itself may be a `StateGraph`, a `MessageGraph` (the state is the message list) or the first releases'
 * plain `Graph` — the last only when imported from LangGraph, since networkx and others have a `Graph` with
 * `add_node`/`add_edge` too.
 */
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

/** The graph classes a builder chain starts from, whatever the module path (`langgraph.graph.message.MessageGraph`). */
const GRAPH_CLASS = /(^|\.)(StateGraph|MessageGraph)$/;
/** A plain `Graph` is LangGraph's only when the module it is imported from (or written with) says so. */
const LANGGRAPH_MODULE = /(^|[/.@])langgraph\b|@langchain\/langgraph/;

/** True for the callee of a call that creates a LangGraph graph builder. */
export function isGraphClass(callee: string, imports?: ReadonlyMap<string, string>): boolean {
  if (GRAPH_CLASS.test(callee)) return true;
  if (callee === 'Graph') return LANGGRAPH_MODULE.test(imports?.get('Graph') ?? '');
  return /\.Graph$/.test(callee) && LANGGRAPH_MODULE.test(callee);
}

/** A builder call's arguments by role, each taken from its position, else from one of its keyword names. */
export interface BuilderArgs {
  readonly first?: SyntaxNode;
  readonly second?: SyntaxNode;
  readonly third?: SyntaxNode;
}

const KEYWORDS: Record<'node' | 'edge' | 'conditional', readonly (readonly string[])[]> = {
  node: [['node', 'key'], ['action']],
  edge: [['start_key', 'source', 'start'], ['end_key', 'target', 'end']],
  conditional: [['source', 'start_key'], ['path', 'condition'], ['path_map', 'conditional_edge_mapping', 'pathMap', 'then_map']],
};

export function builderArgs(syntax: LanguageSyntax, call: SyntaxNode, kind: keyof typeof KEYWORDS): BuilderArgs {
  const { positional, named } = syntax.args(call);
  const names = KEYWORDS[kind];
  // LangGraph.js: `addConditionalEdges({ source: "agent", path: route, pathMap: {…} })`.
  const options = syntax.language === 'typescript' && positional.length === 1 && positional[0].type === 'object' ? syntax.entries(positional[0]) : undefined;
  if (options?.has('source')) {
    const pick = (i: number): SyntaxNode | undefined => names[i]?.map((n) => options.get(n)).find(Boolean);
    return { first: pick(0), second: pick(1), third: pick(2) };
  }
  // Python keywords fill the roles after the positional arguments (`add_conditional_edges("a", path=route)`).
  const role = (i: number): SyntaxNode | undefined => positional[i] ?? (syntax.language === 'python' ? names[i]?.map((n) => named.get(n)).find(Boolean) : undefined);
  return { first: role(0), second: role(1), third: role(2) };
}

/**
 * The node names a router written inline returns: `lambda x: "accept" if x["critique"] is None else "revise"`, an
 * arrow function `(s) => (s.done ? END : "agent")`. Only the results are read, not the strings its test compares.
 */
export function inlineRouterResults(syntax: LanguageSyntax, router: SyntaxNode): SyntaxNode[] {
  const body = router.type === 'lambda' || router.type === 'arrow_function' ? router.childForFieldName('body') : undefined;
  if (!body || body.type === 'statement_block' || body.type === 'block') return [];
  const out: SyntaxNode[] = [];
  const visit = (n: SyntaxNode, depth: number): void => {
    const u = n.type === 'parenthesized_expression' && n.namedChildren[0] ? n.namedChildren[0] : n;
    if (depth > 8) return;
    if (u.type === 'conditional_expression') {
      // Python: `a if test else b` (children: a, test, b).
      const parts = u.namedChildren;
      if (parts[0]) visit(parts[0], depth + 1);
      if (parts[2]) visit(parts[2], depth + 1);
    } else if (u.type === 'ternary_expression') {
      for (const f of ['consequence', 'alternative']) {
        const side = u.childForFieldName(f);
        if (side) visit(side, depth + 1);
      }
    } else out.push(u);
  };
  visit(body, 0);
  void syntax;
  return out;
}
