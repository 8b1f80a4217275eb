/**
 * LangGraph compositions (Python and JS): a compiled `StateGraph` is an agent loop only where its edges
 * form a cycle (an edge or conditional edge back to an earlier node). A straight pipeline is one run of
 * its nodes: no loop, each request inside a node stays its own site. The cycle's bound comes from the
 * code: a counter compared in a conditional edge's router (`if state["revisions"] >= 3`), else
 * `recursion_limit` in a config, else LangGraph's default. The requests made inside the cycle's node
 * functions are priced as steps of the loop.
 */
import type { CallInfo } from './call-links';
import { builderArgs, inlineRouterResults } from './graph-builder-args';
import { nodeSends } from './graph-node-sends';
import { passPlan, sentTogether } from './graph-passes';
import { stateGraphOf } from './model-uses';
import type { SyntaxNode } from './parser';
import { requestSpanOf, spanOf, type SiteRegistry } from './sites';
import type { GraphCycleFact } from '../repo/facts';
import { contains, type Collected, type LanguageSyntax } from './syntax';
import type { ValueRef } from './types';

const ADD_NODE = /\.(add_node|addNode)$/;
const ADD_EDGE = /\.(add_edge|addEdge)$/;
const ADD_CONDITIONAL = /\.(add_conditional_edges|addConditionalEdges)$/;
const ADD_SEQUENCE = /\.(add_sequence|addSequence)$/;
const SET_ENTRY = /\.(set_entry_point|setEntryPoint)$/;
const END_NAMES = /^(END|"__end__"|'__end__')$/;
const START_NAMES = /^(START|"__start__"|'__start__')$/;
const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
/** What a loop counter is called. */
const COUNTER = /(count|iteration|revision|step|turn|round|attempt|retries|loop|len\()/i;
/** What a limit is called. */
const LIMIT = /(max|limit|cap|budget)/i;

interface Graph {
  readonly root: SyntaxNode;
  readonly nodes: Map<string, SyntaxNode | undefined>;
  readonly edges: Map<string, Set<string>>;
  /** Routers of conditional edges, by source node. */
  readonly routers: Map<string, SyntaxNode>;
  /** The builder call that adds each node's outgoing edges (the last one), and each node's function as written. */
  readonly edgeCalls: Map<string, SyntaxNode>;
  readonly nodeRefs: Map<string, string>;
  /** Nodes built by a factory picked from a table (`factories[spec.key]()`): the factory calls it may be. */
  readonly nodeChoices: Map<string, string[]>;
  /** Nodes that run the tools the model asked for (a prebuilt `ToolNode`): no request, no person waited for. */
  readonly toolNodes: Set<string>;
}

export interface GraphLoopOptions {
  readonly fileOption: (key: string) => SyntaxNode | undefined;
}

export function findGraphLoops(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry, calls: readonly CallInfo[], options: GraphLoopOptions): void {
  const graphs = new Map<number, Graph>();
  const graphOf = (call: SyntaxNode): Graph | undefined => {
    const receiver = syntax.receiver(call);
    const root = receiver ? stateGraphOf(syntax, syntax.resolve(receiver), collected.imports) : undefined;
    if (!root) return undefined;
    let g = graphs.get(root.id);
    if (!g) graphs.set(root.id, (g = { root, nodes: new Map(), edges: new Map(), routers: new Map(), edgeCalls: new Map(), nodeRefs: new Map(), nodeChoices: new Map(), toolNodes: new Set() }));
    return g;
  };
  for (const call of collected.calls) {
    const callee = syntax.callee(call);
    if (!ADD_NODE.test(callee) && !ADD_EDGE.test(callee) && !ADD_CONDITIONAL.test(callee) && !ADD_SEQUENCE.test(callee) && !SET_ENTRY.test(callee)) continue;
    const g = graphOf(call);
    if (g) readBuilderCall(syntax, g, call, callee);
  }
  const loopByGraph = new Map<number, string>();
  const compiled: { call: SyntaxNode; graph: Graph }[] = [];
  const built: { call: SyntaxNode; graph: Graph }[] = [];
  for (const call of collected.calls) {
    if (!/\.compile$/.test(syntax.callee(call))) continue;
    const g = graphOf(call);
    if (g) built.push({ call, graph: g });
  }
  built.push(...returnedBuilders(syntax, graphs, built, collected.imports));
  for (const { call, graph: g } of built) {
    compiled.push({ call, graph: g });
    addCommandEdges(syntax, g);
    const cycle = cycleNodes(g);
    if (!cycle.size) continue; // a straight pipeline: one run of its nodes, no loop
    const inCycle = calls.filter((c) => !c.call.agent && c.call.role !== 'binding' && [...cycle].some((name) => {
      const fn = g.nodes.get(name);
      return fn !== undefined && contains(fn, c.node);
    }));
    const priced = inCycle[0] ?? calls.find((c) => c.rule.role === 'call' && !c.call.agent) ?? calls.find((c) => c.call.role === 'binding');
    // A node that is a runnable, not a function (`_get_messages | llm`, the model itself): the cycle runs the model
    // each pass though no request is written in the file; priced on the model the run is given.
    const runnable = priced ? undefined : [...cycle].find((name) => g.nodes.get(name) && nodeSends(syntax, g.nodes.get(name)!));
    // A cycle with no model request or binding in the file prices nothing here: the repository pass finds the
    // requests its nodes (functions of other files) send (repo/graph-cycles.ts).
    if (!priced && !runnable) {
      sites.graphCycles.push(...openCycles(syntax, g, cycle));
      continue;
    }
    const counter = counterBound(syntax, g, cycle);
    const bound = counter && 'value' in counter ? counter : recursionLimit(syntax, options);
    const boundRef = counter && 'ref' in counter && !bound ? { boundRef: { ref: counter.ref, offset: counter.offset } } : {};
    // A counter bound (not a recursion limit) that fewer request nodes write than send: each pass runs them all.
    const nodes = [...cycle].map((name) => ({ name, fn: g.nodes.get(name) })).map(({ name, fn }) => ({ name, text: fn?.text, requests: fn ? sentTogether(inCycle.filter((c) => contains(fn, c.node))) : [] }));
    const plan = priced && counter && (bound === counter || 'boundRef' in boundRef) ? passPlan(nodes, counter.counter) : undefined;
    const span = spanOf(call);
    const id = `l${span.line}.${span.column}`;
    const added = sites.addLoop({
      id,
      ...span,
      framework: 'langgraph',
      maxSteps: bound?.value,
      stepOption: bound?.option,
      unbounded: false,
      ...(priced ? { callId: priced.call.id } : {}),
      ...boundRef,
      ...(plan ? { perPass: { writers: plan.writers, callIds: [priced!.call.id, ...plan.requests.filter((r) => r !== priced!.call.id)] } } : {}),
      rule: priced ? 'graph-cycle' : 'graph-cycle-runnable',
    });
    if (!added) return;
    loopByGraph.set(g.root.id, id);
    for (const c of inCycle) c.call.usedBy ??= id;
    if (priced && !inCycle.includes(priced) && !priced.call.usedBy) priced.call.usedBy = id;
  }
  linkSubgraphs(syntax, sites, compiled, loopByGraph);
}

/**
 * A builder its function returns uncompiled (`def setup_graph(self): workflow = StateGraph(…); …; return workflow`):
 * the caller compiles it (`self.graph = self.graph_setup.setup_graph().compile()`), so its cycles run as those of
 * a graph compiled here. Anchored at the returned value.
 */
function returnedBuilders(syntax: LanguageSyntax, graphs: ReadonlyMap<number, Graph>, compiled: readonly { graph: Graph }[], imports: ReadonlyMap<string, string>): { call: SyntaxNode; graph: Graph }[] {
  const out: { call: SyntaxNode; graph: Graph }[] = [];
  for (const g of graphs.values()) {
    if (compiled.some((c) => c.graph === g)) continue;
    let fn: SyntaxNode | null = g.root.parent;
    while (fn && !/^(function_definition|function_declaration|method_definition|arrow_function|function_expression)$/.test(fn.type)) fn = fn.parent;
    const returned = fn ? syntax.returns(fn).find((r) => stateGraphOf(syntax, syntax.resolve(r), imports)?.id === g.root.id) : undefined;
    if (returned) out.push({ call: returned, graph: g });
  }
  return out;
}

/** A compiled graph used as a node of another graph's cycle is a step of that loop, not a task of its own. */
function linkSubgraphs(syntax: LanguageSyntax, sites: SiteRegistry, compiled: readonly { call: SyntaxNode; graph: Graph }[], loopByGraph: ReadonlyMap<number, string>): void {
  for (const parent of compiled) {
    const parentLoop = loopByGraph.get(parent.graph.root.id);
    if (!parentLoop) continue;
    for (const fn of parent.graph.nodes.values()) {
      if (!fn) continue;
      const sub = compiled.find((c) => c.call.id === fn.id || contains(fn, c.call));
      const subLoop = sub && sub !== parent ? loopByGraph.get(sub.graph.root.id) : undefined;
      const loop = subLoop ? sites.loops.find((l) => l.id === subLoop) : undefined;
      if (loop && !loop.stepOf) loop.stepOf = parentLoop;
    }
  }
  void syntax;
}

function readBuilderCall(syntax: LanguageSyntax, g: Graph, call: SyntaxNode, callee: string): void {
  const nameOf = (n: SyntaxNode | undefined): string | undefined => (n ? nodeName(syntax, n) : undefined);
  const edge = (from: string | undefined, to: string | undefined): void => {
    if (!from || !to) return;
    g.edgeCalls.set(from, call);
    let set = g.edges.get(from);
    if (!set) g.edges.set(from, (set = new Set()));
    set.add(to);
  };
  if (ADD_NODE.test(callee)) {
    const { first, second } = builderArgs(syntax, call, 'node');
    const named = first ? (syntax.stringConstant(first) ?? (second ? nameOf(first) : undefined)) : undefined;
    const fnNode = named !== undefined ? second : first;
    const name = named ?? (fnNode ? syntax.name(fnNode) : undefined);
    if (name) g.nodes.set(name, fnNode ? syntax.resolve(fnNode) : undefined);
    // `humanNode<State, Update>`: the function without its type arguments.
    const ref = fnNode?.text.replace(/<[\s\S]*$/, '').trim();
    if (name && ref && /^[A-Za-z_$][\w$.]*$/.test(ref)) g.nodeRefs.set(name, ref);
    const choices = fnNode ? factoryChoices(syntax, fnNode) : undefined;
    if (name && choices?.length) g.nodeChoices.set(name, choices);
    if (name && fnNode && isToolNode(syntax, fnNode)) g.toolNodes.add(name);
  } else if (ADD_EDGE.test(callee)) {
    const { first, second } = builderArgs(syntax, call, 'edge');
    const sources = first ? (syntax.items(first) ?? [first]) : [];
    for (const s of sources) edge(nameOf(s), nameOf(second));
  } else if (SET_ENTRY.test(callee)) {
    edge('__start__', nameOf(syntax.args(call).positional[0] ?? syntax.args(call).named.get('key')));
  } else if (ADD_SEQUENCE.test(callee)) {
    const args = syntax.args(call).positional;
    const items = args[0] ? (syntax.items(args[0]) ?? []) : [];
    const names = items.map((i) => syntax.stringConstant(i) ?? syntax.name(i));
    for (let i = 0; i + 1 < names.length; i++) edge(names[i], names[i + 1]);
    for (const [i, item] of items.entries()) if (names[i]) g.nodes.set(names[i]!, syntax.resolve(item));
  } else if (ADD_CONDITIONAL.test(callee)) {
    const { first, second: router, third: pathMap } = builderArgs(syntax, call, 'conditional');
    const from = nameOf(first);
    if (!from || !router) return;
    const routerFn = syntax.resolve(router);
    g.routers.set(from, routerFn);
    for (const to of conditionalTargets(syntax, router, routerFn, pathMap)) edge(from, to);
  }
}

/**
 * `factories[spec.key]()` with `factories = {"market": lambda: create_market_analyst(llm), …}`: a node built by one of
 * a table's factories, picked per loop pass. The calls the table's lambdas make, as written.
 */
function factoryChoices(syntax: LanguageSyntax, fnNode: SyntaxNode): string[] | undefined {
  const picked = fnNode.type === 'call' ? fnNode.childForFieldName('function') : undefined;
  const table = picked?.type === 'subscript' ? picked.childForFieldName('value') : undefined;
  const entries = table ? syntax.entries(syntax.resolve(table)) : undefined;
  if (!entries) return undefined;
  const out: string[] = [];
  for (const v of entries.values()) {
    const body = v.type === 'lambda' ? v.childForFieldName('body') : undefined;
    if (body?.type === 'call' && /^[A-Za-z_][\w.]*$/.test(body.childForFieldName('function')?.text ?? '')) out.push(body.text);
  }
  return out.length === entries.size ? out : undefined;
}

/** A prebuilt `ToolNode(tools)`, or one taken from a table of them (`self.tool_nodes[key]`). */
function isToolNode(syntax: LanguageSyntax, fnNode: SyntaxNode): boolean {
  const v = syntax.resolve(fnNode);
  if (/^(\w+\.)*ToolNode\s*\(/.test(v.text)) return true;
  return (v.type === 'subscript' || v.type === 'attribute') && /(^|\.)tool_?nodes\b/i.test(v.text);
}

/** A node's name as an edge call writes it: a string, START/END, or the attribute that holds it. */
function nodeName(syntax: LanguageSyntax, n: SyntaxNode): string | undefined {
  if (START_NAMES.test(n.text)) return '__start__';
  if (END_NAMES.test(n.text)) return '__end__';
  const s = syntax.stringConstant(n);
  if (s !== undefined) return s;
  // Names held in attributes, as a `for spec in specs:` loop adds one node per spec (`current = spec.agent_node`).
  const v = n.type === 'identifier' ? syntax.resolve(n) : n;
  if (v.type === 'attribute' || v.type === 'member_expression') return v.text.replace(/\s+/g, '');
  return n.type === 'identifier' ? n.text : undefined;
}

/** Where a conditional edge may go: its path map (dict values or list), else the strings its router returns. */
function conditionalTargets(syntax: LanguageSyntax, router: SyntaxNode, routerFn: SyntaxNode, pathMap: SyntaxNode | undefined): string[] {
  if (pathMap) {
    const entries = syntax.entries(pathMap);
    if (entries) return [...entries.values()].map((v) => nodeName(syntax, v) ?? v.text);
    const items = syntax.items(pathMap);
    if (items) return items.map((v) => nodeName(syntax, v) ?? v.text);
  }
  if (/^(tools_condition|toolsCondition)$/.test(router.text)) return ['tools', '__end__'];
  const out: string[] = [];
  for (const r of inlineRouterResults(syntax, routerFn)) {
    const s = END_NAMES.test(r.text) ? '__end__' : syntax.stringConstant(r);
    if (s) out.push(s);
  }
  for (const r of syntax.returns(routerFn)) {
    const s = END_NAMES.test(r.text) ? '__end__' : syntax.stringConstant(r);
    if (s) out.push(s);
    // `return [Send("node", …) for …]`, `Send("node", …)`
    for (const m of r.text.matchAll(/Send\(\s*["'](\w+)["']/g)) out.push(m[1]);
  }
  // `def route(state) -> Literal["tools", "__end__"]`
  const annotation = routerFn.type === 'decorated_definition' ? routerFn.childForFieldName('definition')?.childForFieldName('return_type') : routerFn.childForFieldName('return_type');
  for (const m of annotation?.text.matchAll(/["'](\w+)["']/g) ?? []) out.push(m[1]);
  return out;
}

/**
 * Edges a node function sets itself: `return Command(goto="tools")` (or a list of names), and the targets its
 * `-> Command[Literal["a", "b"]]` annotation names. A node that routes itself this way is also read for the
 * counter that bounds its cycle, as a conditional edge's router is.
 */
function addCommandEdges(syntax: LanguageSyntax, g: Graph): void {
  for (const [name, fn] of g.nodes) {
    if (!fn || g.routers.has(name)) continue;
    const def = fn.type === 'decorated_definition' ? fn.childForFieldName('definition') : fn;
    if (!def || !/function/.test(def.type)) continue;
    const targets = new Set<string>();
    for (const r of syntax.returns(fn)) {
      if (!/^Command\s*\(/.test(r.text)) continue;
      const goto = syntax.args(r).named.get('goto');
      for (const item of goto ? (syntax.items(goto) ?? [goto]) : []) {
        const s = END_NAMES.test(item.text) ? '__end__' : syntax.stringConstant(item);
        if (s) targets.add(s);
      }
    }
    const annotation = def.childForFieldName('return_type')?.text ?? '';
    if (/^Command\b/.test(annotation)) for (const m of annotation.matchAll(/["'](\w+)["']/g)) targets.add(m[1]);
    if (!targets.size) continue;
    let set = g.edges.get(name);
    if (!set) g.edges.set(name, (set = new Set()));
    for (const t of targets) set.add(t);
    g.routers.set(name, fn);
  }
}

/**
 * The cycles of a graph whose requests are in other files, one per group of nodes that reach each other (a condense
 * cycle and a human-review cycle of one graph are two), anchored at the edge call that closes each, with the counter
 * that bounds it.
 */
function openCycles(syntax: LanguageSyntax, g: Graph, cycle: ReadonlySet<string>): GraphCycleFact[] {
  const out: GraphCycleFact[] = [];
  const done = new Set<string>();
  for (const start of cycle) {
    if (done.has(start)) continue;
    const group = new Set([...cycle].filter((n) => n === start || (reachesNode(g, start, n) && reachesNode(g, n, start))));
    for (const n of group) done.add(n);
    const closing = [...group].find((n) => [...(g.edges.get(n) ?? [])].some((t) => group.has(t)) && g.routers.has(n)) ?? [...group].find((n) => [...(g.edges.get(n) ?? [])].some((t) => group.has(t)));
    const call = closing ? g.edgeCalls.get(closing) : undefined;
    if (!call) continue;
    const counter = counterBound(syntax, g, group);
    // A router written as an attribute (`self.logic.should_continue`) resolves to itself here: its function is elsewhere.
    const routers = [...new Set([...group].map((n) => g.routers.get(n)).filter((r) => r && /^(attribute|member_expression)$/.test(r.type)).map((r) => r!.text.replace(/\s+/g, '')))];
    out.push({
      ...requestSpanOf(call),
      nodes: [...group].map((name) => ({
        name,
        ...(g.nodeRefs.has(name) ? { fn: g.nodeRefs.get(name) } : {}),
        ...(g.nodeChoices.has(name) ? { choices: g.nodeChoices.get(name) } : {}),
        ...(g.toolNodes.has(name) ? { tools: true } : {}),
        next: [...(g.edges.get(name) ?? [])].filter((t) => group.has(t)),
      })),
      ...(counter && 'value' in counter ? { maxSteps: counter.value, stepOption: counter.option } : {}),
      ...(routers.length ? { routers } : {}),
    });
  }
  return out;
}

function reachesNode(g: Graph, from: string, target: string): boolean {
  const seen = new Set<string>();
  const stack = [...(g.edges.get(from) ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === target) return true;
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push(...(g.edges.get(n) ?? []));
  }
  return false;
}

/** Nodes that lie on a cycle of the graph. */
function cycleNodes(g: Graph): Set<string> {
  const out = new Set<string>();
  for (const n of g.edges.keys()) if (n !== '__start__' && reachesNode(g, n, n)) out.add(n);
  return out;
}

type CounterBound = ({ value: number; option: string } | { ref: ValueRef; offset: number }) & { counter: string };

/**
 * `if state["revision_number"] > 3: return END` in a router on the cycle: a counter that bounds it. A limit read
 * from configuration (`configurable.max_loops`) comes back as a reference for the repository pass.
 */
function counterBound(syntax: LanguageSyntax, g: Graph, cycle: ReadonlySet<string>): CounterBound | undefined {
  let unresolved: CounterBound | undefined;
  for (const [from, router] of g.routers) {
    if (!cycle.has(from)) continue;
    const body = router.type === 'decorated_definition' ? router.childForFieldName('definition') : router;
    if (!body) continue;
    for (const c of body.descendantsOfType(['comparison_operator', 'binary_expression'])) {
      if (!c) continue;
      const m = /^(.+?)\s*(>=|>|<=|<)\s*(.+)$/s.exec(c.text);
      if (!m) continue;
      const left = c.namedChildren[0];
      const right = c.namedChildren[c.namedChildren.length - 1];
      if (!left || !right) continue;
      // The limit is the side that is a number; written `N < count`, the comparison reads flipped.
      const l = syntax.number(left);
      const r = syntax.number(right);
      const [counter, value, op] = r !== undefined && l === undefined ? [left, r, m[2]] : l !== undefined && r === undefined ? [right, l, FLIP[m[2]]] : [undefined, undefined, m[2]];
      if (!counter && l === undefined && r === undefined && !unresolved) {
        // Both sides read at run time: the counter is the one named like one, the other is the limit.
        const isCounter = (n: SyntaxNode): boolean => COUNTER.test(n.text) && !LIMIT.test(syntax.name(n) ?? n.text);
        const [cnt, limit, o] = isCounter(left) && !isCounter(right) ? [left, right, m[2]] : isCounter(right) && !isCounter(left) ? [right, left, FLIP[m[2]]] : [];
        if (cnt && limit && (limit.type === 'attribute' || limit.type === 'member_expression' || limit.type === 'subscript' || limit.type === 'identifier')) {
          unresolved = { ref: { kind: limit.type === 'identifier' ? 'name' : 'member', text: limit.text.replace(/\s+/g, ''), line: limit.startPosition.row + 1 }, offset: o === '>' || o === '<=' ? 1 : 0, counter: cnt.text };
        }
      }
      if (!counter || value === undefined || value <= 0) continue;
      if (!COUNTER.test(counter.text)) continue;
      // `count > N → END` and `count <= N → continue` allow N + 1 passes; `>=` and `<` allow N.
      return { value: value + (op === '>' || op === '<=' ? 1 : 0), option: c.text.replace(/\s+/g, ' '), counter: counter.text };
    }
  }
  return unresolved;
}

function recursionLimit(syntax: LanguageSyntax, options: GraphLoopOptions): { value: number; option: string } | undefined {
  const limit = options.fileOption('recursion_limit') ?? options.fileOption('recursionLimit');
  const value = limit ? syntax.number(limit) : undefined;
  return value ? { value, option: 'recursion_limit' } : undefined;
}
