/**
 * Reading the prompt text an expression holds: a text, a list of texts, a list of messages
 * (`{role, content}`, `("system", "…")`, `AIMessage(…)`), a function returning a text, and the
 * text declared elsewhere in the file that is spliced into it. Each text becomes a prompt site.
 */
import type { PromptKind } from '../report/types';
import type { SyntaxNode } from './parser';
import { kindOfRole } from './frameworks';
import { isCallNode } from './model-uses';
import type { SiteRegistry } from './sites';
import type { LanguageSyntax } from './syntax';
import { literal, literalLength, render, type TextValue } from './text';
import { passedText } from './passed-texts';
import { pushedItems } from './pushed-parts';
import { returnedParts } from './returned-parts';
import { splicedTexts } from './spliced-parts';
import { joinedItemExprs, tableTexts, unfilteredList } from './joined-items';

/** How sure a site is a prompt, by where it was found: an SDK position … a name only. */
export const CONFIDENCE = { position: 0.95, message: 0.9, tool: 0.85, key: 0.8, decorated: 0.9, named: 0.65, namedFunction: 0.6 };
/** Shortest text a name alone makes a prompt. */
export const MIN_NAMED_LITERAL = 20;
/** A web address alone (`https://example.com/articles/{id}`). */
const URL_ONLY = /^\s*(https?|wss?):\/\/\S*\s*$/i;
/** Helpers that turn data into prompt text. */
const SERIALIZER = /(^|\.)(format_as_xml|formatAsXml|dumps|dump|stringify|to_json|toJSON|pformat)$/;

export interface PromptRefs {
  readonly ids: string[];
  /** Values with no text of their own (a parameter, `userInput`): sized by assumption. */
  readonly placeholders: string[];
}

/** Reads the written pieces of a message text the code assembles (see assembled-prompts.ts). */
export type AssembledPieces = (node: SyntaxNode, kind: PromptKind, reason: string) => PromptRefs | undefined;

export class PromptReader {
  private pieces?: AssembledPieces;

  constructor(
    private readonly syntax: LanguageSyntax,
    private readonly sites: SiteRegistry,
  ) {}

  /** Texts assembled from pieces (a variable built with `+=`, a method's return value) are read piece by piece. */
  assembleWith(pieces: AssembledPieces): void {
    this.pieces = pieces;
  }

  /** The written pieces of a text the code assembles (undefined when it is one literal or has none). */
  assembledPieces(node: SyntaxNode, kind: PromptKind, reason: string): PromptRefs | undefined {
    return this.pieces?.(node, kind, reason);
  }

  /**
   * Registers the prompt(s) an expression holds: a text, a list of texts, a list of
   * messages (`{role, content}`, `("system", "…")`, `SystemMessage(…)`), or a function
   * returning a text. Text-free values (a parameter, `userInput`) come back as placeholders.
   */
  promptsFrom(node: SyntaxNode, kind: PromptKind, confidence: number, reason: string, depth = 0): PromptRefs {
    const syntax = this.syntax;
    const ids: string[] = [];
    const placeholders: string[] = [];
    if (depth > 4) return { ids, placeholders };
    const target = syntax.resolve(node);
    if (isFunctionLike(target)) {
      // `instructions=custom_instructions`: each text the function can return is a prompt.
      for (const returned of syntax.returns(target).slice(0, 10)) {
        const r = this.promptsFrom(returned, kind, confidence, reason, depth + 1);
        ids.push(...r.ids);
        placeholders.push(...r.placeholders);
      }
      return { ids, placeholders };
    }
    const items = syntax.items(target);
    if (items) {
      // `content.push({ type: "text", text: … })` after `const content = [...]`: the pushed items are sent too.
      for (const item of [...items.slice(0, 200), ...pushedItems(syntax, node, target)]) {
        const r = this.messageOrText(item, kind, confidence, reason, depth + 1);
        ids.push(...r.ids);
        placeholders.push(...r.placeholders);
      }
      return { ids, placeholders };
    }
    const entries = syntax.entries(target);
    if (entries) {
      // A single message object or a `{type: 'text', text}` part.
      return this.messageOrText(target, kind, confidence, reason, depth + 1);
    }
    if (this.pieces) {
      const assembled = this.pieces(node, kind, reason);
      if (assembled) return assembled;
    }
    // `trimPrompt(\`Given the contents …\`, 25_000)`: the prose a text helper is handed (passed-texts.ts).
    const passed = passedText(syntax, target);
    if (passed) return this.promptsFrom(passed, kind, confidence, reason, depth + 1);
    const value = syntax.text(target);
    if (literalLength(value) === 0) {
      for (const p of render(value).placeholders) placeholders.push(p);
      return { ids, placeholders };
    }
    // `${regularPrompt}\n\n${requestPrompt}`: an assembly of prompts declared elsewhere adds no text of its own;
    // its parts are the prompt sites (the text is reported where it is written, not again where it is joined).
    if (depth < 3 && isAssembly(target)) {
      const parts = this.assembledParts(target, kind, reason);
      if (parts.length) {
        ids.push(...parts);
        placeholders.push(...render(value).placeholders);
        return { ids, placeholders };
      }
    }
    // `[buildQuestionPrompt(q), languageSuffix()].join("\n\n")`: a list of values joined writes nothing either.
    if (depth < 3 && joinsValuesOnly(syntax, target)) {
      const parts = joinedItemExprs(syntax, target).flatMap((expr) => returnedParts(syntax, expr).map((part) => this.splicedPart(part, kind, reason, 'returned by a builder joined into')));
      if (parts.some(Boolean)) {
        ids.push(...parts.filter((p): p is string => Boolean(p)));
        placeholders.push(...render(value).placeholders);
        return { ids, placeholders };
      }
    }
    const id = this.sites.addPrompt(target, value, kind, confidence, reason);
    if (id) {
      ids.push(id);
      if (depth < 3) this.inlinedParts(target, kind, reason);
    }
    return { ids, placeholders };
  }

  /**
   * One prompt for a whole text expression the caller has judged (`x = base + "…"`), not read piece by piece:
   * its site spans the expression (so it carries the declaration's name), and the texts it splices in are sites too.
   */
  wholeText(node: SyntaxNode, kind: PromptKind, confidence: number, reason: string): string | undefined {
    const value = this.syntax.text(node);
    if (literalLength(value) === 0) return undefined;
    const id = this.sites.addPrompt(node, value, kind, confidence, reason);
    if (id) this.inlinedParts(node, kind, reason);
    return id;
  }

  /** One prompt of a text the caller has read itself (a per-item frame, a joined list), without following its splices. */
  addText(node: SyntaxNode, value: TextValue, kind: PromptKind, confidence: number, reason: string): string | undefined {
    return this.sites.addPrompt(node, value, kind, confidence, reason);
  }

  /** The prompt sites of the texts an assembly splices in (those declared in this file). */
  private assembledParts(node: SyntaxNode, kind: PromptKind, reason: string, depth = 0): string[] {
    const syntax = this.syntax;
    const ids: string[] = [];
    for (const sub of node.namedChildren) {
      if (sub?.type !== 'template_substitution' && sub?.type !== 'interpolation') continue;
      const expr = sub.namedChildren[0];
      // `${missionStatement}\n${descriptionGuideline}` with `descriptionGuideline = getDescriptionInstruction()`.
      const returned = returnedParts(syntax, expr ?? undefined);
      if (returned.length) {
        for (const part of returned) {
          const id = this.splicedPart(part, kind, reason);
          if (id) ids.push(id);
        }
        continue;
      }
      if (expr?.type !== 'identifier') continue;
      const target = syntax.resolve(expr);
      if (target.id === expr.id || !syntax.isTextLiteral(target)) continue;
      // An assembly of assemblies (`user = f"{system}\n\n{user}"`): its parts, not its joined text again.
      if (isAssembly(target)) {
        if (depth < 2) ids.push(...this.assembledParts(target, kind, reason, depth + 1));
        continue;
      }
      if (literalLength(syntax.text(target)) < MIN_NAMED_LITERAL || URL_ONLY.test(render(syntax.text(target)).text)) continue;
      const id = this.sites.addPrompt(target, syntax.text(target), kind, CONFIDENCE.key, `part of ${reason}`);
      if (id) ids.push(id);
    }
    return ids;
  }

  /** Text declared elsewhere in the file and spliced into a prompt (`${categoriesContext}`) is a prompt site of its own. */
  private inlinedParts(node: SyntaxNode, kind: PromptKind, reason: string): void {
    const syntax = this.syntax;
    // `${x}` / `{x}` splices, and the items a joined list splices in (`[intro, TYPES[t], line(t)].join("\n")`: joined-items.ts).
    const spliced = node.descendantsOfType(['template_substitution', 'interpolation']).slice(0, 20).map((sub) => sub?.namedChildren[0]);
    for (const expr of [...spliced, ...joinedItemExprs(syntax, node)]) {
      if (expr && (expr.type === 'subscript' || expr.type === 'subscript_expression') && !expr.parent?.type.match(/substitution|interpolation/)) {
        for (const t of tableTexts(syntax, expr) ?? []) this.splicedPart(t, kind, reason, 'table entry joined into');
        continue;
      }
      if (isCallNode(expr) && SERIALIZER.test(syntax.callee(expr))) {
        this.serializedData(syntax.args(expr).positional[0], reason);
        continue;
      }
      // `${parts.join('\n')}`: a list the function fills and splices in, each pushed text a piece (assembled-prompts.ts).
      // `${steps.map((s) => \`${s.step}. ${s.query}\`).join('\n')}`: the frame written per item and the records it reads (mapped-items-ts.ts).
      if (isCallNode(expr) && /\.join$/.test(syntax.callee(expr)) && (syntax.receiver(expr)?.type === 'identifier' || isMapCall(syntax, syntax.receiver(expr)))) {
        this.pieces?.(expr, kind === 'system' ? 'system' : 'other', reason);
        continue;
      }
      // `${buildInstructions(extra)}`, or `${guideline}` after `guideline = getGuideline()`: what the builder returns.
      const returned = returnedParts(syntax, expr ?? undefined);
      if (returned.length) {
        for (const part of returned) this.splicedPart(part, kind, reason);
        continue;
      }
      if (expr?.type !== 'identifier') continue;
      let target = syntax.resolve(expr);
      // A local that starts empty and is built in steps (`ctx = ""`, then `ctx = "…"`, `ctx += f"…"` under an `if`): each written piece.
      if (target.id !== expr.id && syntax.isTextLiteral(target) && literalLength(syntax.text(target)) === 0 && this.pieces?.(expr, kind === 'system' ? 'system' : 'other', reason)) continue;
      if (target.id === expr.id) continue;
      // `const preview = followUp ? history.map((m) => \`${m.role}: ${m.content}\`).join('\n') : \`user: ${query}\``, or
      // `const context = sources.map(…).join(…)`: a value joined per item or picked between arms, read piece by piece.
      if (syntax.language === 'typescript' && (joinsMapped(syntax, target) || (target.type === 'ternary_expression' && [target.childForFieldName('consequence'), target.childForFieldName('alternative')].some((arm) => arm && joinsMapped(syntax, arm)))) && this.pieces?.(expr, kind === 'system' ? 'system' : 'other', reason)) continue;
      if (target.type === 'ternary_expression') target = target.childForFieldName('consequence') ?? target;
      else if (target.type === 'conditional_expression') target = target.namedChildren[0] ?? target;
      // `user = f"{system}\n\n{user}"`: a text that only joins other values writes nothing of its own.
      if (!syntax.isTextLiteral(target) || isAssembly(target) || literalLength(syntax.text(target)) < MIN_NAMED_LITERAL) continue;
      // `{PRICING_URL}`, `{support_url}`: a web address is where something is, not text written for the model.
      if (URL_ONLY.test(render(syntax.text(target)).text)) continue;
      this.sites.addPrompt(target, syntax.text(target), kind === 'system' ? 'system' : 'other', CONFIDENCE.key, `part of ${reason}`);
    }
    // Dict entries spliced in (`{tips["Abstract"]}`) and constants concatenated (`"…" + error_list`): spliced-parts.ts.
    for (const target of splicedTexts(syntax, node)) {
      if (!syntax.isTextLiteral(target) || isAssembly(target) || literalLength(syntax.text(target)) < MIN_NAMED_LITERAL) continue;
      this.sites.addPrompt(target, syntax.text(target), kind === 'system' ? 'system' : 'other', CONFIDENCE.key, `entry or constant spliced into ${reason}`);
    }
  }

  /** A written fragment spliced into a prompt: a site of its own unless too short, a web address or only splices. */
  private splicedPart(target: SyntaxNode, kind: PromptKind, reason: string, how = 'returned by a builder spliced into'): string | undefined {
    const syntax = this.syntax;
    if (!syntax.isTextLiteral(target) || isAssembly(target) || literalLength(syntax.text(target)) < MIN_NAMED_LITERAL) return undefined;
    if (URL_ONLY.test(render(syntax.text(target)).text)) return undefined;
    return this.sites.addPrompt(target, syntax.text(target), kind === 'system' ? 'system' : 'other', CONFIDENCE.key, `${how} ${reason}`);
  }

  /**
   * `{format_as_xml(SQL_EXAMPLES)}`, `${JSON.stringify(examples)}`: a list or dict of this file turned into prompt
   * text. Its strings are the prompt's content (few-shot examples when so named); keys and nesting add little.
   */
  private serializedData(arg: SyntaxNode | undefined, reason: string): void {
    if (arg?.type !== 'identifier') return;
    const syntax = this.syntax;
    const data = syntax.resolve(arg);
    if (data.id === arg.id || !(syntax.items(data) || syntax.entries(data))) return;
    const strings = data
      .descendantsOfType('string')
      .slice(0, 500)
      .filter((n): n is SyntaxNode => Boolean(n) && !isDictKey(n!))
      .map((n) => syntax.stringConstant(n))
      .filter((t): t is string => Boolean(t));
    if (literalLength(literal(strings.join('\n'))) < MIN_NAMED_LITERAL) return;
    const kind = kindFromName(arg.text);
    this.sites.addPrompt(data, literal(strings.join('\n')), kind === 'other' ? 'few-shot' : kind, CONFIDENCE.key, `data formatted into ${reason}`);
  }

  private messageOrText(item: SyntaxNode, kind: PromptKind, confidence: number, reason: string, depth: number): PromptRefs {
    const syntax = this.syntax;
    const entries = syntax.entries(item);
    if (entries) {
      const roleNode = entries.get('role');
      const role = roleNode ? this.roleOf(roleNode) : undefined;
      // `append`: the Claude Agent SDK's `{type: "preset", append: "…"}` system prompt.
      const content = entries.get('content') ?? entries.get('parts') ?? entries.get('text') ?? entries.get('append');
      if (!content) return { ids: [], placeholders: [] };
      const k = (role ? kindOfRole(role) : undefined) ?? kind;
      return this.promptsFrom(content, k, role ? CONFIDENCE.message : confidence, role ? `${role} message` : reason, depth);
    }
    const tuple = syntax.items(item);
    if (tuple && tuple.length === 2) {
      const role = syntax.stringConstant(tuple[0]);
      const k = role ? kindOfRole(role) : undefined;
      if (k) return this.promptsFrom(tuple[1], k, CONFIDENCE.message, `${role} message`, depth);
    }
    const target = syntax.resolve(item);
    if (target.type === 'call' || target.type === 'call_expression' || target.type === 'new_expression') {
      const callee = syntax.callee(target);
      // An `AIMessage` in a list of messages is a few-shot example (alone it is just a value).
      const classKind = /(^|\.)AIMessage$/.test(callee) ? 'few-shot' : undefined;
      if (classKind) {
        const a = syntax.args(target);
        const content = a.positional[0] ?? a.named.get('content');
        return content ? this.promptsFrom(content, classKind, CONFIDENCE.message, 'AI message', depth) : { ids: [], placeholders: [] };
      }
      // `SystemMessage(…)` and friends are registered when their own call is visited.
      if (/Message(PromptTemplate)?|Template|MessagesPlaceholder/.test(callee) && !syntax.isTextLiteral(target)) return { ids: [], placeholders: [] };
    }
    return this.promptsFrom(item, kind, confidence, reason, depth);
  }

  /** A message role: `"system"`, or an enum member such as smolagents' `MessageRole.SYSTEM`. */
  roleOf(node: SyntaxNode): string | undefined {
    const s = this.syntax.stringConstant(node);
    if (s !== undefined) return s;
    if (node.type !== 'attribute' && node.type !== 'member_expression') return undefined;
    const member = this.syntax.name(node)?.toLowerCase();
    return member && kindOfRole(member) ? member : undefined;
  }
}

/** A template or f-string made only of spliced values and separators (whitespace, punctuation). */
/** `[a(…), b].join(sep)` (TypeScript) / `sep.join([a(…), b])` (Python): a written list of values only, no text of its own. */
function joinsValuesOnly(syntax: LanguageSyntax, node: SyntaxNode): boolean {
  if (!isCallNode(node) || !/\.join$/.test(syntax.callee(node))) return false;
  const receiver = syntax.receiver(node);
  const listNode = syntax.language === 'python' ? (receiver?.type === 'string' ? syntax.args(node).positional[0] : undefined) : receiver;
  const list = listNode ? unfilteredList(syntax, listNode) : undefined;
  if (!list || (list.type !== 'list' && list.type !== 'array')) return false;
  const items = list.namedChildren.filter((c): c is SyntaxNode => Boolean(c) && c!.type !== 'comment');
  return items.length > 0 && items.every((item) => !syntax.isTextLiteral(item) || /^[\s\p{P}]*$/u.test(render(syntax.text(item)).literalText));
}

function isAssembly(node: SyntaxNode): boolean {
  if (node.type !== 'template_string' && node.type !== 'string') return false;
  let substitutions = 0;
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'template_substitution' || c.type === 'interpolation') substitutions++;
    else if ((c.type === 'string_fragment' || c.type === 'string_content') && !/^[\s\p{P}]*$/u.test(c.text.replace(/\\[nrt]/g, '')) && !isLabelFragment(c.text)) return false;
  }
  return substitutions > 0;
}

/**
 * `\n\nUser request: ` between `{instruction}` and `{content}`: short labels, one per line, that name the values
 * after them. A template made of such labels and values declared elsewhere writes no prompt of its own.
 */
function isLabelFragment(text: string): boolean {
  const lines = text.replace(/\\[nrt]/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.length > 0 && lines.every((l) => /^[A-Z][A-Za-z]*(?: [A-Za-z]+){0,2}:$/.test(l));
}

export function isFunctionLike(n: SyntaxNode): boolean {
  return /^(function_definition|decorated_definition|function_declaration|arrow_function|function_expression|function|method_definition)$/.test(n.type);
}

function isDictKey(n: SyntaxNode): boolean {
  return n.parent?.type === 'pair' && n.parent.childForFieldName('key')?.id === n.id;
}

export function kindFromName(name: string): PromptKind {
  if (/example|shot/i.test(name)) return 'few-shot';
  if (/system|persona|backstory|preamble/i.test(name)) return 'system';
  if (/instruction/i.test(name)) return 'instructions';
  if (/user|human|template|question|query|task/i.test(name)) return 'user-template';
  if (/tool|description/i.test(name)) return 'tool-description';
  return 'other';
}

/** `items.map(cb)`, also after `.slice(…)`/`.filter(…)`. */
function isMapCall(syntax: LanguageSyntax, node: SyntaxNode | undefined): boolean {
  return Boolean(node && isCallNode(node) && /\.map$/.test(syntax.callee(node)));
}

/** `items.map(cb).join(sep)` (TypeScript): a text joined from a template written per item. */
function joinsMapped(syntax: LanguageSyntax, node: SyntaxNode): boolean {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildren[0]) n = n.namedChildren[0];
  return isCallNode(n) && /\.join$/.test(syntax.callee(n)) && isMapCall(syntax, syntax.receiver(n));
}
