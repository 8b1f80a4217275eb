/**
 * Python: a text built once per item and joined, that a prompt of the same function splices in.
 *
 *     history = "\n".join(f"- {c['name']} with arguments {c['args']} produced output: {c['out']}" for c in calls)
 *     lines = []; for i, img in enumerate(images): lines.append(f"- Image {i}: asset id {img.id}")
 *     block = "\n".join(lines)
 *     system = f"""You are … {history} …"""
 *
 * The per-item template is what the model reads around each item (its words count once per item): a prompt of its
 * own, as mapped-pieces.ts reads `items.map((x) => \`…\`).join("\n")` in TypeScript. Only a template with two
 * written words outside tags counts (`f"{i + 1} {line}"` numbers lines; `f"<doc>{d}</doc>"` wraps data), and only
 * when the joined local is spliced into a text this file already reports as a prompt (a joined list printed or
 * logged is no prompt).
 */
import type { SyntaxNode } from './parser';
import { CONFIDENCE } from './prompt-reader';
import type { SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';

/** Two written words outside XML-like tags. */
const TAG = /<\/?[A-Za-z_][^<>]*>/g;
const WORD = /[A-Za-z]{2,}/g;
const MIN_WORDS = 2;
/** A speaker's marker opening a transcript line (the legacy completion turn markers and their upper-case spellings). */
const TURN_PREFIX = /^(Human|AI|User|Assistant|System|Bot|HUMAN|USER|ASSISTANT|SYSTEM)\s*:\s*$/;
/** Joined locals looked at per file, and appended values per list. */
const MAX_JOINED = 40;
const MAX_APPENDS = 8;

export function joinedItemTemplatesPy(syntax: LanguageSyntax, collected: Collected, root: SyntaxNode, sites: SiteRegistry): void {
  if (syntax.language !== 'python' || !sites.prompts.size) return;
  const joined = collected.declarations.filter((d) => !d.isFunction && d.nameNode.type === 'identifier' && /\.join\s*\(/.test(d.value.text)).slice(0, MAX_JOINED);
  if (!joined.length) return;
  const prompts = root.descendantsOfType(['string', 'concatenated_string']).filter((s): s is SyntaxNode => Boolean(s) && sites.prompts.has(`${s!.startIndex}:${s!.endIndex}`));
  if (!prompts.length) return;
  for (const d of joined) {
    const fn = enclosingFunction(d.nameNode);
    if (!fn || !(splicedIntoPrompt(prompts, fn, d.name) || filledIntoPrompt(syntax, prompts, fn, d.name))) continue;
    for (const piece of itemTemplates(syntax, fn, d.value)) {
      if (sites.prompts.has(`${piece.startIndex}:${piece.endIndex}`)) continue;
      sites.addPrompt(piece, syntax.text(piece), 'other', CONFIDENCE.key, `per-item text joined into a prompt (${d.name})`);
    }
  }
}

/** `sep.join(<comprehension>)`, `sep.join(lines)` with `lines.append(f"…")` in the function, either arm of `a if c else b`. */
function itemTemplates(syntax: LanguageSyntax, fn: SyntaxNode, value: SyntaxNode): SyntaxNode[] {
  const v = unwrap(value);
  if (v.type === 'conditional_expression') {
    const kids = v.namedChildren.filter((c): c is SyntaxNode => Boolean(c));
    return kids.length === 3 ? [...itemTemplates(syntax, fn, kids[0]), ...itemTemplates(syntax, fn, kids[2])] : [];
  }
  if (v.type !== 'call' || !/\.join$/.test(syntax.callee(v)) || syntax.receiver(v)?.type !== 'string') return [];
  // `sep.join(f"…" for x in xs)`: the generator is the call's whole argument list.
  const bare = v.childForFieldName('arguments');
  const arg = bare?.type === 'generator_expression' ? bare : syntax.args(v).positional[0];
  const list = arg ? unwrap(arg) : undefined;
  if (!list) return [];
  let items: SyntaxNode[] = [];
  if (list.type === 'list_comprehension' || list.type === 'generator_expression') {
    const body = list.childForFieldName('body');
    items = body ? [unwrap(body)] : [];
    // `for mem in enumerate(memory)` over a module-level list ("memory" kept between requests): what any function appends.
    const memory = iteratedModuleList(syntax, list);
    if (memory) items.push(...appendedTo(rootOf(fn), memory));
  } else if (list.type === 'identifier') {
    items = appendedTo(fn, list.text);
  }
  return items.filter((n) => n.type === 'string' && n.descendantsOfType('interpolation').length > 0 && (writtenWords(n) >= MIN_WORDS || isTurnPrefix(n)));
}

/**
 * `f"Human: {m.content}"`, `f"AI: {m.content}"`: a speaker's turn written into a transcript the prompt quotes. One word,
 * yet the marker the model reads to tell the turns apart, once per message.
 */
function isTurnPrefix(n: SyntaxNode): boolean {
  const first = n.namedChildren.find((c) => c?.type === 'string_content' || c?.type === 'interpolation');
  return first?.type === 'string_content' && TURN_PREFIX.test(first.text);
}

/** `name.append(x)` in the function: each appended value. */
function appendedTo(fn: SyntaxNode, name: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const call of fn.descendantsOfType('call')) {
    const callee = call?.childForFieldName('function');
    if (callee?.type !== 'attribute' || callee.childForFieldName('object')?.text !== name || callee.childForFieldName('attribute')?.text !== 'append') continue;
    const arg = call!.childForFieldName('arguments')?.namedChildren[0];
    if (arg && out.length < MAX_APPENDS) out.push(unwrap(arg));
  }
  return out;
}

/** The module-level list a comprehension iterates (`for x in items`, `for i, x in enumerate(items)`), by name. */
function iteratedModuleList(syntax: LanguageSyntax, comprehension: SyntaxNode): string | undefined {
  const clause = comprehension.namedChildren.find((c) => c?.type === 'for_in_clause');
  let iterated = clause?.childForFieldName('right');
  if (iterated?.type === 'call' && syntax.callee(iterated) === 'enumerate') iterated = syntax.args(iterated).positional[0];
  if (iterated?.type !== 'identifier') return undefined;
  const bound = syntax.resolve(iterated);
  // Bound to a list literal written at module level (`memory = []`).
  return bound.id !== iterated.id && bound.type === 'list' && bound.parent?.parent?.parent?.type === 'module' ? iterated.text : undefined;
}

function rootOf(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

/** A prompt of the same function with `{name}` among its splices. */
function splicedIntoPrompt(prompts: readonly SyntaxNode[], fn: SyntaxNode, name: string): boolean {
  return prompts.some((p) => p.startIndex >= fn.startIndex && p.endIndex <= fn.endIndex && p.descendantsOfType('interpolation').some((i) => i?.namedChildren[0]?.type === 'identifier' && i.namedChildren[0].text === name));
}

/** `PROMPT.replace("{{history}}", name)` / `PROMPT.format(history=name)` in the function, on a text reported as a prompt. */
function filledIntoPrompt(syntax: LanguageSyntax, prompts: readonly SyntaxNode[], fn: SyntaxNode, name: string): boolean {
  for (const call of fn.descendantsOfType('call')) {
    if (!call) continue;
    const callee = syntax.callee(call);
    const invoked = INVOKE.test(callee);
    if (!/\.(replace|format)$/.test(callee) && !invoked) continue;
    const args = syntax.args(call);
    // `template.ainvoke({"conversation": name})`: a LangChain prompt template filled by a dict of its variables.
    const variables = invoked && args.positional[0] ? syntax.entries(args.positional[0]) : undefined;
    const given = callee.endsWith('.replace') ? [args.positional[1]] : invoked ? [...(variables?.values() ?? []), ...args.named.values()] : [...args.named.values()];
    if (!given.some((a) => a?.type === 'identifier' && a.text === name)) continue;
    const receiver = syntax.receiver(call);
    const text = receiver ? templateText(syntax, receiver) : undefined;
    if (text && prompts.some((p) => p.startIndex <= text.startIndex && text.endIndex <= p.endIndex)) return true;
  }
  return false;
}

/** Calls that fill a prompt template object's variables (LangChain `PromptTemplate` / `ChatPromptTemplate`). */
const INVOKE = /\.(a?invoke|format_messages|aformat_messages|format_prompt|aformat_prompt)$/;
/** A template object's factory (`PromptTemplate.from_template(TEXT)`, `PromptTemplate(template=TEXT)`): its text. */
const TEMPLATE_FACTORY = /(^|\.)(\w*PromptTemplate)(\.from_template)?$/;

/** The text a template receiver stands for: a text, or the text a prompt template object was built from. */
function templateText(syntax: LanguageSyntax, receiver: SyntaxNode): SyntaxNode {
  const bound = unwrap(syntax.resolve(receiver));
  if (bound.type !== 'call' || !TEMPLATE_FACTORY.test(syntax.callee(bound))) return bound;
  const args = syntax.args(bound);
  const text = args.positional[0] ?? args.named.get('template');
  return text ? unwrap(syntax.resolve(text)) : bound;
}

function writtenWords(n: SyntaxNode): number {
  const written = n.namedChildren.filter((c) => c?.type === 'string_content').map((c) => c!.text).join(' ');
  return (written.replace(TAG, ' ').match(WORD) ?? []).length;
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition') return n;
  return undefined;
}

function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}
