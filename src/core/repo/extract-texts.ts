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
import type { FunctionFact } from './facts';
import type { KeyRead, NameFlow, TextFact, TextFacts, TextPlace } from './sent-types';

export type { KeyRead, NameFlow, TextFact, TextFacts, TextPlace } from './sent-types';

/** Shortest literal part that makes an argument, return value or local a candidate text. */
const MIN_LITERAL = 8;
const MAX_NAMES = 12;
/** Calls whose text arguments are for people or the program, never a model: logging, errors, output, string helpers. */
const NOT_SENT = /(^|\.)(print|echo|secho|log|debug|info|warn|warning|error|exception|critical|fatal|trace|assert\w*|raise|format|join|replace|split|rsplit|strip|lstrip|rstrip|startswith|endswith|encode|decode|get|getenv|set|pop|setdefault|write|writelines|add_argument|option|argument|command|Option|Argument|re\.\w+|compile|match|search|sub|findall|fullmatch|sql|execute|markdown|toast|alert|confirm|prompt|input|getpass|open|Path|mkdir|exists|require|import|fetch|querySelector|getElementById|includes|indexOf|test|exec|\w*(Error|Exception|Warning))$/;
const KEY = /^[\w.-]{2,60}$/;
const APPEND = /^(append|extend|insert|push|unshift|concat|add_message|add_messages)$/;

export function extractTexts(root: SyntaxNode, python: boolean, calls: readonly SyntaxNode[], functions: readonly FunctionFact[]): TextFacts {
  const texts: TextFact[] = [];
  const flows: NameFlow[] = [];
  const keyReads: KeyRead[] = [];
  const seenKeys = new Set<string>();
  const fnAt = enclosing(functions);
  const push = (node: SyntaxNode, at: TextPlace): void => {
    const t = textOf(node, python, 0);
    if (!t || t.literal < MIN_LITERAL) return;
    const line = node.startPosition.row + 1;
    texts.push({ line, column: node.startPosition.column + 1, endLine: node.endPosition.row + 1, endColumn: node.endPosition.column + 1, text: t.text, placeholders: t.placeholders, fn: fnAt(line), at });
  };
  for (const call of calls) {
    const fnNode = call.childForFieldName('function') ?? call.childForFieldName('constructor');
    const callee = fnNode ? fnNode.text.replace(/\s+/g, '') : '';
    if (!callee || callee.length > 120) continue;
    const line = call.startPosition.row + 1;
    const args = call.childForFieldName('arguments');
    const member = fnNode?.type === 'attribute' ? fnNode.childForFieldName('attribute')?.text : fnNode?.type === 'member_expression' ? fnNode.childForFieldName('property')?.text : undefined;
    const receiver = fnNode?.type === 'attribute' || fnNode?.type === 'member_expression' ? fnNode.childForFieldName('object') : undefined;
    // `messages.append(HumanMessage(content=prompt))`: the list is built from what is appended.
    if (member && APPEND.test(member) && receiver && (receiver.type === 'identifier' || isSelfAttr(receiver))) {
      const names = namesOf(args, python);
      const keys = keysOf(args, python);
      const inner = callsOf(args, python);
      if (names.length || keys.length || inner.length) flows.push({ fn: fnAt(line), into: rootName(receiver), names, ...(keys.length ? { keys } : {}), ...(inner.length ? { calls: inner } : {}) });
    }
    if (NOT_SENT.test(callee)) continue;
    let index = 0;
    for (const a of args?.namedChildren ?? []) {
      if (!a || a.type === 'comment') continue;
      if (a.type === 'keyword_argument') {
        const name = a.childForFieldName('name')?.text;
        const value = a.childForFieldName('value');
        if (name && value) push(value, { call: callee, callLine: line, arg: name });
      } else if (a.type === 'list_splat' || a.type === 'dictionary_splat' || a.type === 'spread_element') index++;
      else push(a, { call: callee, callLine: line, arg: index++ });
    }
  }
  const kinds = python ? ['assignment', 'augmented_assignment', 'return_statement', 'subscript'] : ['variable_declarator', 'assignment_expression', 'augmented_assignment_expression', 'return_statement', 'subscript_expression'];
  for (const node of root.descendantsOfType(kinds)) {
    if (!node) continue;
    const line = node.startPosition.row + 1;
    if (node.type === 'return_statement') {
      const value = node.namedChildren[0];
      if (value) pushContained(value, python, (n) => push(n, { returned: true }));
      continue;
    }
    if (node.type === 'subscript' || node.type === 'subscript_expression') {
      const key = node.childForFieldName(python ? 'subscript' : 'index');
      const k = key && /^string$/.test(key.type) && !key.namedChildren.some((c) => c?.type === 'interpolation' || c?.type === 'template_substitution') ? stringValue(key) : undefined;
      const fn = fnAt(line);
      if (k && KEY.test(k) && !seenKeys.has(`${fn}#${k}`)) {
        seenKeys.add(`${fn}#${k}`);
        keyReads.push({ fn, key: k, line });
      }
      continue;
    }
    const left = node.childForFieldName(python || node.type !== 'variable_declarator' ? 'left' : 'name');
    const right = node.childForFieldName(python || node.type !== 'variable_declarator' ? 'right' : 'value');
    if (!left || !right || !(left.type === 'identifier' || isSelfAttr(left))) continue;
    const into = left.type === 'identifier' ? left.text : rootName(left);
    pushContained(right, python, (n) => push(n, { local: left.text }));
    if (BUILT.test(right.type)) {
      const names = namesOf(right, python).filter((n) => n !== into);
      const keys = keysOf(right, python);
      const inner = callsOf(right, python);
      if (names.length || keys.length || inner.length) flows.push({ fn: fnAt(line), into, names, ...(keys.length ? { keys } : {}), ...(inner.length ? { calls: inner } : {}) });
    }
  }
  return { ...(texts.length ? { texts } : {}), ...(flows.length ? { flows } : {}), ...(keyReads.length ? { keyReads } : {}) };
}

/** Values whose names make up what they hold: lists, dicts, calls, texts assembled with `+` or interpolation. */
const BUILT = /^(list|tuple|dictionary|call|binary_operator|concatenated_string|string|conditional_expression|array|object|call_expression|new_expression|binary_expression|template_string|ternary_expression|parenthesized_expression)$/;

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
      const key = pair.childForFieldName('key');
      const value = pair.childForFieldName('value');
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

/** Names a value mentions: identifiers, not keyword names or attribute members (`HumanMessage(content=prompt)` → HumanMessage, prompt). */
function namesOf(node: SyntaxNode | null | undefined, python: boolean): string[] {
  if (!node) return [];
  const out = new Set<string>();
  for (const id of node.descendantsOfType(python ? ['identifier', 'attribute'] : ['identifier', 'shorthand_property_identifier', 'member_expression'])) {
    if (!id || out.size >= MAX_NAMES) continue;
    const parent = id.parent;
    if (id.type === 'attribute' || id.type === 'member_expression') {
      // `self.system` / `this.system`: the attribute as one name.
      if (isSelfAttr(id)) out.add(rootName(id));
      continue;
    }
    if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === id.id) continue;
    if ((parent?.type === 'attribute' || parent?.type === 'member_expression') && parent.namedChildren[0]?.id !== id.id) continue;
    out.add(id.text);
  }
  return [...out];
}

function callsOf(node: SyntaxNode | null | undefined, python: boolean): { callee: string; line: number }[] {
  if (!node) return [];
  const out: { callee: string; line: number }[] = [];
  for (const c of node.descendantsOfType(python ? 'call' : ['call_expression', 'new_expression'])) {
    const fn = c?.childForFieldName('function') ?? c?.childForFieldName('constructor');
    const callee = fn?.text.replace(/\s+/g, '');
    if (c && callee && callee.length <= 120 && out.length < MAX_NAMES) out.push({ callee, line: c.startPosition.row + 1 });
  }
  return out;
}

function keysOf(node: SyntaxNode | null | undefined, python: boolean): string[] {
  if (!node) return [];
  const out: string[] = [];
  for (const s of node.descendantsOfType(python ? 'subscript' : 'subscript_expression')) {
    const key = s?.childForFieldName(python ? 'subscript' : 'index');
    const k = key?.type === 'string' ? stringValue(key) : undefined;
    if (k && KEY.test(k) && !out.includes(k) && out.length < MAX_NAMES) out.push(k);
  }
  return out;
}

function enclosing(functions: readonly FunctionFact[]): (line: number) => string | undefined {
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
          const name = (c.childForFieldName('expression') ?? c.namedChildren[0])?.text.replace(/\s+/g, '') ?? 'value';
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
      if (node.type !== 'concatenated_string' && node.childForFieldName('operator')?.text !== '+') return undefined;
      const parts = node.type === 'concatenated_string' ? node.namedChildren : [node.childForFieldName('left'), node.childForFieldName('right')];
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
