/**
 * Texts a file may send, for the repository pass that finds which of them reach a request (sent-texts.ts):
 * text written as a call's argument (`ai.next(messages, "Make your own assumptions…")`, `Prompt(f"…")`),
 * returned by a function (`return roadmap + "\nUseful to know:\n" + philosophy`) or put in a local
 * (`user_input += """Is anything else unclear?…"""`), with their spans; how names flow into the lists and
 * texts a function assembles (`messages = [SystemMessage(content=system), …]`, `messages.append(…)`); and
 * reads of a mapping by a literal key (`preprompts["roadmap"]`), which may pick a prompt file of a directory
 * the code reads whole. Detection alone cannot tell which of these are prompts: only the call graph can.
 */
import type { SyntaxNode } from '../detect/parser';
import { isIdLikeText } from '../detect/text';
import type { FunctionFact } from './facts';
import type { KeyRead, NameFlow, TextFact, TextFacts, TextPlace } from './sent-types';

export type { KeyRead, NameFlow, TextFact, TextFacts, TextPlace } from './sent-types';

/** Shortest literal part that makes an argument, return value or local a candidate text. */
const MIN_LITERAL = 8;
const MAX_NAMES = 12;
/** Calls whose text arguments are for people or the program, never a model: logging, errors, output, string helpers. */
const NOT_SENT = /(^|\.)(print|echo|secho|log|debug|info|warn|warning|error|exception|critical|fatal|trace|assert\w*|raise|format|join|replace|split|rsplit|strip|lstrip|rstrip|startswith|endswith|encode|decode|get|getattr|hasattr|setattr|getenv|set|pop|setdefault|write|writelines|add_argument|option|argument|command|Option|Argument|re\.\w+|compile|match|search|sub|findall|fullmatch|sql|execute|markdown|toast|alert|confirm|prompt|input|getpass|open|Path|mkdir|exists|require|import|fetch|querySelector|getElementById|includes|indexOf|test|exec|\w*(Error|Exception|Warning))$/;
const KEY = /^[\w.-]{2,60}$/;
/** A web address alone (`f"https://api.example.com/{kind}"`): where a request goes, never the text it sends. */
const URL_ONLY = /^\s*(https?|wss?):\/\/\S*\s*$/i;
/** One lower-case word (`"required"`, `"max_content_length"`): an option, a key or an enum value, never the text a model reads. */
const OPTION_WORD = /^[a-z][a-z0-9_]*$/;
const APPEND = /^(append|extend|insert|push|unshift|concat|add_message|add_messages)$/;

export function extractTexts(python: boolean, calls: readonly SyntaxNode[], assigned: readonly SyntaxNode[], functions: readonly FunctionFact[]): TextFacts {
  const texts: TextFact[] = [];
  const flows: NameFlow[] = [];
  const keyReads: KeyRead[] = [];
  const seenKeys = new Set<string>();
  const fnAt = enclosing(functions);
  const addFlow = (into: string, value: SyntaxNode | null, line: number): void => {
    const parts = partsOf(value, python);
    const names = parts.names.filter((n) => n !== into);
    const { keys, calls: inner } = parts;
    if (names.length || keys.length || inner.length) flows.push({ fn: fnAt(line), into, names, ...(keys.length ? { keys } : {}), ...(inner.length ? { calls: inner } : {}) });
  };
  const push = (node: SyntaxNode, at: TextPlace): void => {
    const t = textOf(node, python, 0);
    // An id (`model="qwen2.5-vl-72b-instruct"`, `resource_filename("pkg.weights", …)`, `"image/png"`) is not text.
    if (!t || t.literal < MIN_LITERAL || URL_ONLY.test(t.text) || OPTION_WORD.test(t.text) || isIdLikeText(t.text)) return;
    const line = node.startPosition.row + 1;
    texts.push({ line, column: node.startPosition.column + 1, endLine: node.endPosition.row + 1, endColumn: node.endPosition.column + 1, text: t.text, placeholders: t.placeholders, fn: fnAt(line), at });
  };
  for (const call of calls) {
    // First / last named child rather than fields: a field lookup searches the grammar's field names each time.
    const args = call.lastNamedChild;
    if (!args || (args.type !== 'argument_list' && args.type !== 'arguments')) continue;
    const fnNode = call.firstNamedChild;
    const member = fnNode && (fnNode.type === 'attribute' || fnNode.type === 'member_expression') ? fnNode.lastNamedChild : null;
    const line = call.startPosition.row + 1;
    // `messages.append(HumanMessage(content=prompt))`: the list is built from what is appended.
    if (member && APPEND.test(member.text)) {
      const receiver = fnNode!.firstNamedChild;
      if (receiver && (receiver.type === 'identifier' || isSelfAttr(receiver))) {
        const into = rootName(receiver);
        addFlow(into, args, line);
        // `sections.push(\`<context>…\`)`, `knowledge.push({ question: "…" })`: the texts go into the list, read where it is sent.
        for (const a of args.namedChildren) if (a && a.type !== 'comment' && a.type !== 'keyword_argument') pushContained(a, python, (n) => push(n, { local: into, appended: true }));
        continue;
      }
    }
    const found: { node: SyntaxNode; arg: number | string }[] = [];
    let index = 0;
    for (const a of args.namedChildren) {
      if (!a) continue;
      const type = a.type;
      if (type === 'keyword_argument') {
        const value = a.lastNamedChild;
        if (value && TEXT_NODE.has(value.type)) found.push({ node: value, arg: a.firstNamedChild?.text ?? '' });
      } else if (type === 'comment') continue;
      else {
        const each = type === 'call' ? joinedItemText(a) : undefined;
        if (TEXT_NODE.has(type)) found.push({ node: a, arg: index });
        else if (each) found.push({ node: each, arg: index });
        index++;
      }
    }
    if (!found.length) continue;
    const callee = fnNode ? fnNode.text.replace(/\s+/g, '') : '';
    if (!callee || callee.length > 120 || NOT_SENT.test(callee)) continue;
    for (const f of found) push(f.node, { call: callee, callLine: line, arg: f.arg });
  }
  for (const node of assigned) {
    if (!node) continue;
    const line = node.startPosition.row + 1;
    if (node.type === 'return_statement') {
      const value = node.firstNamedChild;
      if (!value) continue;
      pushContained(value, python, (n) => push(n, { returned: true }));
      // `return preprompts["roadmap"] + …`: the keys a function's result is read by.
      if (value.endIndex - value.startIndex < 4000) {
        const fn = fnAt(line);
        for (const m of value.text.matchAll(KEY_READ)) {
          if (seenKeys.has(`${fn}#${m[1]}`)) continue;
          seenKeys.add(`${fn}#${m[1]}`);
          keyReads.push({ fn, key: m[1], line });
        }
      }
      continue;
    }
    const right = node.lastNamedChild;
    // TypeScript `actionSchemas.search = z.object({…})`: a part added to a local object (spread later into what is sent).
    const slot = !python && right?.type === 'call_expression' ? node.firstNamedChild : undefined;
    if (slot?.type === 'member_expression' && slot.namedChildren[0]?.type === 'identifier' && !isSelfAttr(slot)) addFlow(slot.namedChildren[0].text, right, line);
    const each = python && right?.type === 'call' ? joinedItemText(right) : undefined;
    if (!right || !(TEXT_NODE.has(right.type) || CONTAINER.has(right.type) || each)) continue;
    const left = node.firstNamedChild;
    if (left?.id === right.id) continue;
    if (!left || !(left.type === 'identifier' || isSelfAttr(left))) continue;
    const into = left.type === 'identifier' ? left.text : rootName(left);
    pushContained(each ?? right, python, (n) => push(n, { local: into }));
    addFlow(into, right, line);
  }
  return { ...(texts.length ? { texts } : {}), ...(flows.length ? { flows } : {}), ...(keyReads.length ? { keyReads } : {}) };
}

/**
 * `"\n".join(f"<tool_response>{r}</tool_response>" for r in results)`: the text each item is wrapped in, written once
 * and repeated per item (tool results put in tags and sent back as the next user message). Python only.
 */
function joinedItemText(call: SyntaxNode): SyntaxNode | undefined {
  const fn = call.firstNamedChild;
  if (fn?.type !== 'attribute' || fn.lastNamedChild?.text !== 'join' || fn.firstNamedChild?.type !== 'string') return undefined;
  const args = call.lastNamedChild;
  // `sep.join(x for x in xs)` puts the generator in place of the argument list; `sep.join([… for …])` inside it.
  const comprehension = args?.type === 'generator_expression' ? args : args?.namedChildren.length === 1 ? args.namedChildren[0] : undefined;
  if (comprehension?.type !== 'generator_expression' && comprehension?.type !== 'list_comprehension') return undefined;
  const body = comprehension.firstNamedChild;
  return body && (body.type === 'string' || body.type === 'concatenated_string') ? body : undefined;
}

/** Nodes that may be a text written in the code. */
const TEXT_NODE = new Set(['string', 'concatenated_string', 'binary_operator', 'template_string', 'binary_expression', 'parenthesized_expression']);
/** Lists and dicts (of messages, of content parts). */
const CONTAINER = new Set(['list', 'tuple', 'dictionary', 'array', 'object']);
const KEY_READ = /\[\s*["']([\w.-]{2,60})["']\s*\]/g;


/** A text itself, or the text parts of a content list (`[{"type": "text", "text": f"Request: {x}"}]`). */
function pushContained(node: SyntaxNode, python: boolean, push: (n: SyntaxNode) => void, depth = 0): void {
  if (depth > 3) return;
  if (node.type === 'parenthesized_expression' && node.namedChildren[0]) return pushContained(node.namedChildren[0], python, push, depth + 1);
  if (/^(list|tuple|array)$/.test(node.type)) {
    for (const item of node.namedChildren.slice(0, 20)) if (item) pushContained(item, python, push, depth + 1);
    return;
  }
  if (/^(dictionary|object)$/.test(node.type)) {
    for (const pair of node.namedChildren.slice(0, 20)) {
      if (pair?.type !== 'pair') continue;
      const key = pair.firstNamedChild;
      const value = pair.lastNamedChild;
      const k = key ? (key.type === 'string' ? stringValue(key) : key.text) : undefined;
      if (value && k && /^(text|content)$/.test(k)) pushContained(value, python, push, depth + 1);
    }
    return;
  }
  push(node);
}

function isSelfAttr(n: SyntaxNode): boolean {
  return (n.type === 'attribute' || n.type === 'member_expression') && /^(self|this)$/.test(n.namedChildren[0]?.text ?? '');
}

function rootName(n: SyntaxNode): string {
  return n.text.replace(/\s+/g, '');
}

/**
 * What a value is built from, in one walk of it: the names it mentions (identifiers, not keyword names or attribute
 * members: `HumanMessage(content=prompt)` → HumanMessage, prompt; `self.x` as one name), literal keys it reads
 * (`preprompts["clarify"]`) and the calls in it.
 */
function partsOf(node: SyntaxNode | null | undefined, python: boolean): { names: string[]; keys: string[]; calls: { callee: string; line: number }[] } {
  const names = new Set<string>();
  const keys: string[] = [];
  const calls: { callee: string; line: number }[] = [];
  if (!node) return { names: [], keys, calls };
  const types = python ? ['identifier', 'attribute', 'subscript', 'call'] : ['identifier', 'shorthand_property_identifier', 'member_expression', 'subscript_expression', 'call_expression', 'new_expression'];
  for (const n of node.descendantsOfType(types)) {
    if (!n) continue;
    const parent = n.parent;
    switch (n.type) {
      case 'attribute':
      case 'member_expression':
        if (isSelfAttr(n) && names.size < MAX_NAMES) names.add(rootName(n));
        break;
      case 'subscript':
      case 'subscript_expression': {
        const key = n.lastNamedChild;
        const k = key?.type === 'string' ? stringValue(key) : undefined;
        if (k && KEY.test(k) && !keys.includes(k) && keys.length < MAX_NAMES) keys.push(k);
        break;
      }
      case 'call':
      case 'call_expression':
      case 'new_expression': {
        const fn = n.firstNamedChild;
        const callee = fn?.text.replace(/\s+/g, '');
        if (callee && callee.length <= 120 && calls.length < MAX_NAMES) calls.push({ callee, line: n.startPosition.row + 1 });
        break;
      }
      default:
        if (names.size >= MAX_NAMES) break;
        if (parent?.type === 'keyword_argument' && parent.firstNamedChild?.id === n.id) break;
        if ((parent?.type === 'attribute' || parent?.type === 'member_expression') && parent.namedChildren[0]?.id !== n.id) break;
        names.add(n.text);
    }
  }
  return { names: [...names], keys, calls };
}

export function enclosing(functions: readonly FunctionFact[]): (line: number) => string | undefined {
  const sorted = [...functions].sort((a, b) => a.line - b.line);
  return (line) => {
    let best: FunctionFact | undefined;
    for (const f of sorted) {
      if (f.line > line) break;
      if (line <= f.endLine && (!best || f.line >= best.line)) best = f;
    }
    return best?.name;
  };
}

interface RenderedText {
  readonly text: string;
  readonly placeholders: string[];
  /** Characters written in the code (placeholders excluded). */
  readonly literal: number;
}

/** A string, f-string, template or `+` concatenation with at least one written piece, rendered with `{name}` placeholders. */
export function textOf(node: SyntaxNode, python: boolean, depth: number): RenderedText | undefined {
  if (depth > 8) return undefined;
  switch (node.type) {
    case 'parenthesized_expression':
      return node.namedChildren[0] ? textOf(node.namedChildren[0], python, depth + 1) : undefined;
    case 'string':
    case 'template_string': {
      let text = '';
      const placeholders: string[] = [];
      let literal = 0;
      for (const c of node.namedChildren) {
        if (!c) continue;
        if (c.type === 'interpolation' || c.type === 'template_substitution') {
          const name = c.firstNamedChild?.text.replace(/\s+/g, '') ?? 'value';
          placeholders.push(name);
          text += `{${name}}`;
        } else if (c.type === 'string_content' || c.type === 'string_fragment' || c.type === 'escape_sequence') {
          const piece = unescape(c.text);
          literal += piece.trim().length;
          text += piece;
        }
      }
      return /[A-Za-z]{2,}/.test(text.replace(/\{[^}]*\}/g, '')) ? { text, placeholders, literal } : undefined;
    }
    case 'concatenated_string':
    case 'binary_operator':
    case 'binary_expression': {
      if (node.type !== 'concatenated_string' && node.child(1)?.type !== '+') return undefined;
      const parts = node.type === 'concatenated_string' ? node.namedChildren : [node.firstNamedChild, node.lastNamedChild];
      let text = '';
      const placeholders: string[] = [];
      let literal = 0;
      let written = false;
      for (const p of parts) {
        if (!p) continue;
        const t = textOf(p, python, depth + 1);
        if (t) {
          written = true;
          text += t.text;
          placeholders.push(...t.placeholders);
          literal += t.literal;
        } else {
          const name = p.text.replace(/\s+/g, '').slice(0, 60);
          placeholders.push(name);
          text += `{${name}}`;
        }
      }
      return written ? { text, placeholders, literal } : undefined;
    }
    default:
      return undefined;
  }
}

function stringValue(node: SyntaxNode): string {
  return node.namedChildren
    .filter((c) => c?.type === 'string_content' || c?.type === 'string_fragment')
    .map((c) => c!.text)
    .join('');
}

function unescape(s: string): string {
  return s.replace(/\\([nrt"'\\])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '' : c));
}
