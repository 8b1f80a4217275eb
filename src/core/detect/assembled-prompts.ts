/**
 * Prompts assembled in code: a message whose text is a variable the function builds piece by piece
 * (`text = "Fix this error:\n" + err`, `text += f"<plan>{plan}</plan>"`, `history = "Terminal: " + history`)
 * or the return value of a method that does (`self._state_description()`), instead of one literal.
 *
 * The pieces of written text are the prompt: each is reported where it is written, and the request
 * that sends the message counts them. The flow is followed backwards from a place the text is sent as
 * a message (a `{role, content}` message, a message or text-part constructor, `message["content"] = …`):
 * through the assignments of a local variable in its function, `+` and f-string/template splices,
 * conditionals, `.strip()`-like calls, and the functions and methods of this file that return it.
 * A string that does not flow into a message (a log line, an error, a UI label) is never reached.
 */
import type { PromptKind } from '../report/types';
import type { SyntaxNode } from './parser';
import { CONFIDENCE, isFunctionLike, type PromptReader, type PromptRefs } from './prompt-reader';
import type { CallArgs, LanguageSyntax } from './syntax';
import { filteredList, tableTexts, unfilteredList } from './joined-items';
import { joinedLiteralList, mappedItems } from './mapped-items-ts';

/** How many hops (variable → its assignments, call → returned value) are followed from the message. */
const MAX_DEPTH = 8;
/** Pieces registered for one message at most (a very long assembly is priced on its first pieces). */
const MAX_PIECES = 100;
/** Methods that keep their receiver's text (`text.strip()`, `"…".format(x)`). */
const KEEPS_TEXT = /\.(strip|lstrip|rstrip|trim|trimStart|trimEnd|format|format_map|replace|replaceAll|lower|upper|encode|decode)$/;
/**
 * A written piece: a word (four letters or more), two words, or an XML-like tag the model reads
 * (`<agent_state>`); a command prefix (`"wtf " + args`) or a separator is not.
 */
const WRITTEN = /[A-Za-z]{4,}|[A-Za-z]{2,}\s+[A-Za-z]{2,}|<\/?[A-Za-z_][\w-]*>/;
/**
 * Message classes whose text argument is sent to the model, and text parts of a message's content.
 * Assistant messages are left out: a synthesized answer often ends the run (nothing reads it after).
 */
const MESSAGE_CALL = /(^|\.)((User|Human|System|Developer)Message(Param)?|\w*Text(Part|Param|Block|Content)\w*|ContentPart\w*Text\w*)$/;
/** Dict keys a message's text is written under (`message["content"] = …`). */
const CONTENT_KEY = /^["'](content|text)["']$/;
/** A variable that holds a message (`msg`, `img_message`, `last_message`). */
const MESSAGE_NAME = /(^|_)(msg|message)s?$|Message$/i;

const ASSIGNMENT = new Set(['assignment', 'augmented_assignment', 'assignment_expression', 'augmented_assignment_expression', 'variable_declarator']);

export class AssembledPrompts {
  /** Per function: each local name's assigned values (one walk of the function, kept). */
  private readonly assignments = new Map<number, Map<string, SyntaxNode[]>>();

  constructor(
    private readonly syntax: LanguageSyntax,
    private readonly prompts: PromptReader,
  ) {}

  /**
   * The written pieces of a message text that is not one literal; undefined when the value is a
   * literal or a constant (read as before) or when no written piece is found (a parameter only).
   */
  piecesOf(value: SyntaxNode, kind: PromptKind, reason: string): PromptRefs | undefined {
    const syntax = this.syntax;
    const target = syntax.resolve(value);
    if (isFunctionLike(target)) return undefined;
    // A local given several values (`conv = "\\n".join(…)`, then `conv = trim(conv)`) is read through all of them.
    if (syntax.isTextLiteral(target) && !(syntax.language !== 'python' && this.isAssembly(target)) && !this.reassigned(value)) return undefined;
    const out = { ids: [] as string[], placeholders: [] as string[] };
    this.visit(value, kind, reason, 0, new Set(), out);
    return out.ids.length ? out : undefined;
  }

  /** `UserMessage(content=text)`, `TextPart(text=label)`: a message constructor given assembled text. */
  messageCall(callee: string, args: () => CallArgs): void {
    if (!MESSAGE_CALL.test(callee)) return;
    const a = args();
    const value = a.named.get('content') ?? a.named.get('text') ?? a.positional[0];
    if (!value) return;
    const target = this.syntax.resolve(value);
    const kind: PromptKind = /System|Developer/.test(callee) ? 'system' : 'user-template';
    if (this.syntax.isTextLiteral(target)) {
      if (hasWords(this.syntax, target)) this.prompts.promptsFrom(value, kind, CONFIDENCE.message, `text of ${callee.split('.').pop()}`);
      return;
    }
    this.piecesOf(value, kind, `text of ${callee.split('.').pop()}`);
  }

  /** `message["content"] = precursor + description + "…"`: the text a message's content is set to. */
  contentAssignment(node: SyntaxNode): void {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || !right || left.type !== 'subscript' && left.type !== 'subscript_expression') return;
    const obj = left.childForFieldName('value') ?? left.childForFieldName('object');
    const key = left.childForFieldName('subscript') ?? left.childForFieldName('index');
    if (!obj || !key || !CONTENT_KEY.test(key.text) || !MESSAGE_NAME.test(obj.text.split('.').pop() ?? '')) return;
    this.piecesOf(right, 'user-template', `content of ${obj.text}`);
  }

  private reassigned(node: SyntaxNode): boolean {
    const n = unwrapParens(node);
    if (n.type !== 'identifier') return false;
    const fn = enclosingFunction(n);
    return Boolean(fn && (this.assignmentsIn(fn).get(n.text)?.length ?? 0) > 1);
  }

  /**
   * TypeScript: a text joined from values (`base + "\\n\\n" + buildSection()`, `dedent(systemPrompt)`) is
   * read piece by piece; a text with all of its words in one literal is read as one prompt.
   */
  private isAssembly(node: SyntaxNode): boolean {
    const n = unwrapParens(node);
    if (n.type === 'binary_expression') return n.childForFieldName('operator')?.text === '+' && [n.childForFieldName('left'), n.childForFieldName('right')].some((c) => c && !isWrittenLiteral(this.syntax, c) && (c.type !== 'binary_expression' || this.isAssembly(c)));
    if (n.type === 'call_expression') return !n.namedChildren.some((c) => c?.type === 'template_string') && !this.syntax.args(n).positional.some((a) => isWrittenLiteral(this.syntax, a));
    return false;
  }

  /** `slot`: the value a `.replace(slot, value)` inserts, where a lone word (`"TypeScript"` picked in a switch) is a value, not written text. */
  private visit(node: SyntaxNode, kind: PromptKind, reason: string, depth: number, seen: Set<string>, out: { ids: string[]; placeholders: string[] }, slot = false): void {
    if (depth > MAX_DEPTH || out.ids.length >= MAX_PIECES) return;
    const syntax = this.syntax;
    const n = unwrapParens(node);
    switch (n.type) {
      case 'string':
      case 'template_string':
      case 'concatenated_string': {
        // `const inputVar = "{{input}}"; output += "\n" + inputVar`: a template variable's name, filled with the input.
        if (/^\{\{\s*[\w.]+\s*\}\}$/.test(n.text.slice(1, -1).trim())) return;
        const written = hasWords(syntax, n);
        if ((!written && !splicesOnly(n)) || ((slot || isParameterDefault(n)) && !/\s/.test(n.text.slice(1, -1).trim()))) return;
        if (written) {
          const r = this.prompts.promptsFrom(n, kind, CONFIDENCE.key, `part of ${reason}`);
          out.ids.push(...r.ids);
          out.placeholders.push(...r.placeholders);
        }
        // `f"{stats_text}{tabs_text}"`: locals spliced into the piece are pieces too. A template of splices and
        // separators only (`\`\n\n${TEMPLATE.replace("{slot}", value || "No value.")}\``) is no text itself, but
        // what it splices is sent.
        for (const sub of n.descendantsOfType(['interpolation', 'template_substitution']).slice(0, 30)) {
          const expr = sub?.namedChildren[0];
          if (expr) this.visit(expr, kind, reason, depth + 1, seen, out);
        }
        return;
      }
      case 'binary_operator':
      case 'binary_expression': {
        const op = n.childForFieldName('operator')?.text;
        // TypeScript `value || "No artifact found."`, `a ?? b`: either text is sent (Python's `or` is a boolean_operator).
        if (op !== '+' && !(n.type === 'binary_expression' && (op === '||' || op === '??'))) return;
        // Written sides first: a long assembly on one side must not use up the pieces before the text written beside it.
        const sides = [n.childForFieldName('left'), n.childForFieldName('right')].filter((c): c is SyntaxNode => Boolean(c));
        sides.sort((a, b) => Number(isWrittenLiteral(syntax, b)) - Number(isWrittenLiteral(syntax, a)));
        for (const side of sides) this.visit(side, kind, reason, depth, seen, out, op !== '+');
        return;
      }
      case 'spread_element':
      case 'list_splat': {
        // `lines.push(...helperLines(x))`: the spread list's items.
        const inner = n.namedChildren[0];
        if (inner) this.visit(inner, kind, reason, depth, seen, out);
        return;
      }
      case 'list':
      case 'array':
        for (const item of n.namedChildren.slice(0, 30)) if (item) this.visit(item, kind, reason, depth + 1, seen, out);
        return;
      case 'list_comprehension':
      case 'generator_expression': {
        const body = n.childForFieldName('body');
        if (body) this.visit(body, kind, reason, depth + 1, seen, out);
        return;
      }
      case 'boolean_operator':
      case 'conditional_expression':
      case 'ternary_expression':
        // A branch or fallback of one word (`blocks if blocks else "None"`, `x or "Empty"`) is a value put in
        // place of a missing one, not written text: as for a `.replace` slot, only a phrase is read.
        for (const c of n.namedChildren) if (c) this.visit(c, kind, reason, depth + 1, seen, out, true);
        return;
      case 'identifier':
        return this.visitName(n, kind, reason, depth, seen, out, slot);
      case 'call':
      case 'call_expression':
        // dedent`…`, dedent("…"): a literal given to a text helper.
        if (syntax.isTextLiteral(n) && (n.namedChildren.some((c) => c?.type === 'template_string') || syntax.args(n).positional.some((a) => isWrittenLiteral(syntax, a)))) {
          if (!hasWords(syntax, n)) return;
          const r = this.prompts.promptsFrom(n, kind, CONFIDENCE.key, `part of ${reason}`);
          out.ids.push(...r.ids);
          out.placeholders.push(...r.placeholders);
          return;
        }
        return this.visitCall(n, kind, reason, depth, seen, out);
      case 'subscript':
      case 'subscript_expression': {
        // `instructions[editType]`: a local table of texts picked by key sends one of its values.
        // `TYPES[type]` of a module-level table of texts: the entries (joined-items.ts).
        const table = this.localTable(n) ?? (tableTexts(syntax, n)?.length ? tableTexts(syntax, n) : undefined);
        if (table) {
          for (const value of table) this.visit(value, kind, reason, depth + 1, seen, out);
          return;
        }
        out.placeholders.push(n.text);
        return;
      }
      case 'attribute':
      case 'member_expression':
        // A value the code fills (`self.task`, `state["plan"]`): sized by assumption.
        out.placeholders.push(n.text);
        return;
      default:
        return;
    }
  }

  /** A local variable: every value the function assigns or appends to it; a constant of the file: its text. */
  private visitName(n: SyntaxNode, kind: PromptKind, reason: string, depth: number, seen: Set<string>, out: { ids: string[]; placeholders: string[] }, slot = false): void {
    const fn = enclosingFunction(n);
    const key = `${fn?.id ?? 'module'}:${n.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    const before = out.ids.length + out.placeholders.length;
    const values = fn ? this.assignmentsIn(fn).get(n.text) : undefined;
    if (values?.length) {
      for (const v of values) this.visit(v, kind, reason, depth + 1, seen, out, slot);
    } else {
      const target = this.syntax.resolve(n);
      if (target.id !== n.id && this.syntax.isTextLiteral(target)) this.visit(target, kind, reason, depth + 1, seen, out, slot);
    }
    // A parameter, or a value computed by code of another module: its text is filled at run time.
    if (out.ids.length + out.placeholders.length === before) out.placeholders.push(n.text);
  }

  private visitCall(n: SyntaxNode, kind: PromptKind, reason: string, depth: number, seen: Set<string>, out: { ids: string[]; placeholders: string[] }): void {
    const syntax = this.syntax;
    const callee = syntax.callee(n);
    const receiver = syntax.receiver(n);
    if (receiver && KEEPS_TEXT.test(callee)) {
      // `text.replace(old, inserted)`: the inserted text is sent too.
      const inserted = /\.(replace|replaceAll)$/.test(callee) ? syntax.args(n).positional[1] : undefined;
      if (inserted) this.visit(inserted, kind, reason, depth + 1, seen, out, true);
      return this.visit(receiver, kind, reason, depth, seen, out);
    }
    // `[…].filter(Boolean)`, `filter(None, parts)`: the list minus its empty items.
    const kept = filteredList(syntax, n);
    if (kept) return this.visit(kept, kind, reason, depth, seen, out);
    if (receiver && /\.join$/.test(callee)) {
      // Python `"\\n".join(parts)`: the items; TypeScript `parts.join("\\n")`: the array (through `.filter(…)`).
      const joined = syntax.language === 'python' ? syntax.args(n).positional[0] : receiver;
      const list = joined && unfilteredList(syntax, joined);
      // TypeScript: a local list the function fills (`lines = [...]`, then `lines.push(…)` in branches): its initial items and every
      // pushed value. (Python's appended lists are left to joined-returns.ts: read here, their short headers (`f"--- Step {i} ---"`) fired.)
      if (list && syntax.language !== 'python' && this.filledLocally(list)) return this.visit(list, kind, reason, depth, seen, out);
      if (this.mappedOrListed(n, receiver, kind, reason, out)) return;
      for (const item of (list && syntax.items(list)?.slice(0, 30)) ?? (list ? [list] : [])) this.visit(item, kind, reason, depth + 1, seen, out);
      return;
    }
    // `self._state_description()`, `build_history()`: what a function of this file returns.
    const fnNode = n.childForFieldName('function');
    const name = fnNode ? syntax.name(fnNode) : undefined;
    const selfCall = !receiver || /^(self|this|cls)$/.test(receiver.text);
    const decl = name && selfCall ? syntax.lookup(name, n) : undefined;
    if (decl && isFunctionLike(decl)) {
      const key = `fn:${decl.id}`;
      if (seen.has(key)) return;
      seen.add(key);
      for (const r of syntax.returns(decl).slice(0, 8)) this.visit(r, kind, reason, depth + 1, seen, out);
      return;
    }
    // `sanitize(text)`: a helper of another module handed the text keeps it.
    for (const a of syntax.args(n).positional.slice(0, 3)) if (a.type === 'identifier') this.visit(a, kind, reason, depth, seen, out);
  }

  /**
   * TypeScript `items.map(cb).join(sep)` and `LIST.join(sep)` (mapped-items-ts.ts): the frame the callback writes per
   * item and the file's records it reads; a list of plain strings as one text. True when the join was read so.
   */
  private mappedOrListed(join: SyntaxNode, receiver: SyntaxNode, kind: PromptKind, reason: string, out: { ids: string[]; placeholders: string[] }): boolean {
    const syntax = this.syntax;
    const add = (id: string | undefined): void => void (id && out.ids.push(id));
    const mapped = mappedItems(syntax, unwrapParens(receiver));
    if (mapped) {
      if (mapped.frame) add(this.prompts.addText(mapped.frame, syntax.text(mapped.frame), kind, CONFIDENCE.key, `text written around each item joined into ${reason}`));
      if (mapped.records) add(this.prompts.addText(mapped.records.list, mapped.records.value, kind, CONFIDENCE.key, `records whose fields are joined into ${reason}`));
      out.placeholders.push(receiver.text.slice(0, 40));
      return true;
    }
    const list = syntax.resolve(receiver);
    const sepNode = syntax.args(join).positional[0];
    const joined = joinedLiteralList(syntax, list, sepNode ? syntax.stringConstant(sepNode) ?? ',' : ',');
    if (!joined) return false;
    add(this.prompts.addText(list, joined, kind, CONFIDENCE.key, `list joined into ${reason}`));
    return true;
  }

  /** The values of an object or dict literal a local name is assigned, when a subscript reads that name. */
  private localTable(n: SyntaxNode): SyntaxNode[] | undefined {
    const obj = n.childForFieldName('object') ?? n.childForFieldName('value');
    const fn = obj?.type === 'identifier' ? enclosingFunction(obj) : undefined;
    const values = fn && obj ? this.assignmentsIn(fn).get(obj.text) : undefined;
    if (values?.length !== 1) return undefined;
    const table = unwrapParens(values[0]!);
    if (table.type !== 'object' && table.type !== 'dictionary') return undefined;
    return table.namedChildren.slice(0, 30).map((pair) => pair?.type === 'pair' ? pair.childForFieldName('value') : null).filter((v): v is SyntaxNode => Boolean(v));
  }

  /** A local name with values pushed into it after its declaration (more than one value in its function). */
  private filledLocally(node: SyntaxNode): boolean {
    return this.reassigned(node);
  }

  private assignmentsIn(fn: SyntaxNode): Map<string, SyntaxNode[]> {
    let map = this.assignments.get(fn.id);
    if (map) return map;
    map = new Map();
    for (const a of fn.descendantsOfType([...ASSIGNMENT, 'call', 'call_expression'])) {
      if (!a) continue;
      const owner = enclosingFunction(a);
      if (a.type === 'call' || a.type === 'call_expression') {
        // A push in a callback (`items.forEach((x) => lines.push(…))`) fills the list of the function around it.
        if (owner?.id !== fn.id && !callbackOf(owner, fn)) continue;
        // `parts.append(f"…")`, `lines.push(\`…\`)`: a list the text is later joined from.
        const target = a.childForFieldName('function');
        const obj = target?.childForFieldName('object');
        const method = target?.childForFieldName('attribute') ?? target?.childForFieldName('property');
        // `lines.push(a, b)` adds every argument.
        const values = method && /^(append|extend|push|unshift)$/.test(method.text) ? this.syntax.args(a).positional.slice(0, 12) : [];
        if (obj?.type === 'identifier' && values.length) map.set(obj.text, [...(map.get(obj.text) ?? []), ...values]);
        continue;
      }
      if (owner?.id !== fn.id) continue;
      const left = a.childForFieldName('left') ?? a.childForFieldName('name');
      const right = a.childForFieldName('right') ?? a.childForFieldName('value');
      if (left?.type !== 'identifier' || !right) continue;
      const list = map.get(left.text) ?? [];
      list.push(right);
      map.set(left.text, list);
    }
    this.assignments.set(fn.id, map);
    return map;
  }
}

/** Whether a literal has written words of its own (not only the values it splices in). */
function hasWords(syntax: LanguageSyntax, node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  if (n.type === 'concatenated_string' || n.type === 'binary_operator' || n.type === 'binary_expression') return n.namedChildren.some((c) => c && hasWords(syntax, c));
  if (n.type !== 'string' && n.type !== 'template_string') return syntax.isTextLiteral(n) && syntax.text(n).parts.some((p) => typeof p === 'string' && WRITTEN.test(p));
  return n.namedChildren.some((c) => c && /^(string_content|string_fragment)$/.test(c.type) && WRITTEN.test(c.text));
}

/** A template or f-string with splices and no letters of its own (`\`\n\n${a}\``, `f"{a}\n{b}"`): it only joins values. */
function splicesOnly(n: SyntaxNode): boolean {
  if (n.type !== 'string' && n.type !== 'template_string') return false;
  let splices = 0;
  for (const c of n.namedChildren) {
    if (!c) continue;
    if (c.type === 'interpolation' || c.type === 'template_substitution') splices++;
    else if (/^(string_content|string_fragment)$/.test(c.type) && /[A-Za-z]/.test(c.text)) return false;
  }
  return splices > 0;
}

function isWrittenLiteral(syntax: LanguageSyntax, node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  return (n.type === 'string' || n.type === 'template_string') && syntax.isTextLiteral(n);
}

function unwrapParens(node: SyntaxNode): SyntaxNode {
  let n = node;
  for (let i = 0; i < 6 && (n.type === 'parenthesized_expression' || n.type === 'await' || n.type === 'await_expression'); i++) {
    const inner = n.namedChildren.find((c) => c && c.type !== 'comment');
    if (!inner) break;
    n = inner;
  }
  return n;
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (isFunctionLike(p) && p.type !== 'decorated_definition') return p;
  return undefined;
}

/** Whether `inner` is an anonymous callback nested (through other callbacks) directly in `fn`. */
function callbackOf(inner: SyntaxNode | undefined, fn: SyntaxNode): boolean {
  for (let f = inner, i = 0; f && i < 4; f = enclosingFunction(f), i++) {
    if (f.id === fn.id) return true;
    if (f.type !== 'arrow_function' && f.type !== 'function_expression' && f.type !== 'lambda') return false;
  }
  return false;
}

/** `tool_format: ToolFormat = "markdown"`: a one-word default of a parameter is an option value, not written text. */
function isParameterDefault(n: SyntaxNode): boolean {
  return /^(default_parameter|typed_default_parameter|required_parameter|optional_parameter|assignment_pattern)$/.test(n.parent?.type ?? '');
}
