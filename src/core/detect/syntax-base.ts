/**
 * What the Python and TypeScript views of a tree share: binding names to their
 * declarations, resolving identifiers, evaluating a node's text once, reading
 * constants and what a function of the file returns. Each grammar supplies its
 * node types through the abstract members.
 */
import type { SyntaxNode } from './parser';
import { boundNames, parameterSlot } from './local-bindings';
import { Scope, type CallArgs, type Collected, type Declaration } from './syntax';
import { placeholder, type TextValue } from './text';

/** How many names or nested expressions are followed before giving up (cycles, deep chains). */
export const MAX_DEPTH = 12;
/** Parameters followed to a caller's argument inside one resolution. */
const MAX_CALLER_HOPS = 3;

export abstract class SyntaxBase {
  private scope = new Scope([], () => false);
  /** Evaluated texts by node id: prompts, calls and their links ask for the same nodes many times. */
  private readonly texts = new Map<number, TextValue>();

  /** Strips wrappers that keep a value as it is: parentheses, `await`, type assertions. */
  protected abstract unwrap(node: SyntaxNode): SyntaxNode;
  /** Whether a node is a bare name that may refer to a declaration of the file. */
  protected abstract isName(node: SyntaxNode): boolean;
  /** Whether a node holds declarations of its own (a function body). */
  protected abstract isFunctionScope(node: SyntaxNode): boolean;
  /** Whether a declaration's value is a function, whose value is what it returns. */
  protected abstract isFunction(node: SyntaxNode): boolean;
  /** Node type of `object.member` in this grammar. */
  protected abstract readonly memberType: string;
  protected abstract evaluate(node: SyntaxNode, depth: number): TextValue;
  abstract returns(fn: SyntaxNode): SyntaxNode[];
  /** The callee as written (see LanguageSyntax.callee), read from the tree. */
  protected abstract readCallee(call: SyntaxNode): string;
  /** A call's arguments, read from the tree; `depth`: how many spread dicts were followed to get here. */
  protected abstract readArgs(call: SyntaxNode, depth: number): CallArgs;

  /**
   * Callees and arguments by call node id: every rule asks for them, most for every call of the
   * file, and each read crosses into wasm for each argument. Read once per call and shared
   * (the lists are never changed by their readers).
   */
  private readonly callees = new Map<number, string>();
  private readonly argLists = new Map<number, CallArgs>();

  bind(collected: Collected): void {
    this.texts.clear();
    this.callees.clear();
    this.argLists.clear();
    this.bound.clear();
    this.calls = collected.calls;
    this.scope = new Scope(collected.declarations, (n) => this.isFunctionScope(n));
  }

  callee(call: SyntaxNode): string {
    let callee = this.callees.get(call.id);
    if (callee === undefined) this.callees.set(call.id, (callee = this.readCallee(call)));
    return callee;
  }

  args(call: SyntaxNode): CallArgs {
    let args = this.argLists.get(call.id);
    if (!args) this.argLists.set(call.id, (args = this.readArgs(call, 0)));
    return args;
  }

  /** For `obj.method(...)`: the object expression; undefined for plain calls. */
  receiver(call: SyntaxNode): SyntaxNode | undefined {
    const fn = call.childForFieldName('function');
    return fn?.type === this.memberType ? (fn.childForFieldName('object') ?? undefined) : undefined;
  }

  lookup(name: string, from?: SyntaxNode): SyntaxNode | undefined {
    return this.scope.lookup(name, from);
  }

  /** Every declaration of a name in this file (fields of several classes, locals of several functions). */
  declarations(name: string): readonly Declaration[] {
    return this.scope.all(name);
  }

  /** By function node id: the names it binds itself without a recorded declaration (local-bindings.ts). */
  private readonly bound = new Map<number, Map<string, number>>();

  private bindsItself = (fn: SyntaxNode, name: string): boolean => {
    let names = this.bound.get(fn.id);
    if (!names) this.bound.set(fn.id, (names = boundNames(fn)));
    return names.has(name);
  };

  private calls: readonly SyntaxNode[] = [];

  /**
   * A parameter whose name other functions of the file also declare: what the file's first call of its function
   * passes there (`calculateImportance(description)` for `async function calculateImportance(description)`), the
   * value the name held when it was resolved file-wide, now read where it flows from.
   */
  private callerArgument(name: SyntaxNode): SyntaxNode | undefined {
    if (this.scope.all(name.text).length === 0) return undefined;
    for (let fn = name.parent; fn; fn = fn.parent) {
      if (!this.isFunctionScope(fn)) continue;
      const slot = parameterSlot(fn, name.text);
      if (!slot) continue;
      if (this.following >= MAX_CALLER_HOPS) return undefined;
      let first: SyntaxNode | undefined;
      this.following++;
      try {
        for (const call of this.calls) {
          if (call.startIndex >= fn.startIndex && call.endIndex <= fn.endIndex) continue;
          const callee = this.callee(call);
          if (callee !== slot.callee && !(slot.method && /^(self|this|cls)\./.test(callee) && callee.slice(callee.indexOf('.') + 1) === slot.callee)) continue;
          const args = this.args(call);
          const arg = args.named.get(name.text) ?? args.positional[slot.index];
          if (!arg) continue;
          // The first caller that passes something the file knows (not another bare parameter or loop variable).
          if (!this.isName(this.resolve(arg))) return arg;
          first ??= arg;
        }
      } finally {
        this.following--;
      }
      return first;
    }
    return undefined;
  }

  /** How many parameters are being followed to their callers now (a call cycle stops here). */
  private following = 0;

  resolve(node: SyntaxNode): SyntaxNode {
    let current = this.unwrap(node);
    for (let i = 0; i < MAX_DEPTH; i++) {
      if (!this.isName(current)) return current;
      const target = this.scope.binding(current.text, current, this.bindsItself) ?? this.callerArgument(current);
      if (!target || target.id === current.id) return current;
      // A function is returned as is; the caller decides how to read it.
      current = this.unwrap(target);
    }
    return current;
  }

  text(node: SyntaxNode, depth = 0): TextValue {
    const cached = this.texts.get(node.id);
    if (cached) return cached;
    const value = this.evaluate(node, depth);
    if (depth === 0 || value.parts.every((p) => typeof p === 'string')) this.texts.set(node.id, value);
    return value;
  }

  stringConstant(node: SyntaxNode): string | undefined {
    const value = this.text(node);
    if (value.parts.length === 0 || value.parts.some((p) => typeof p !== 'string')) return undefined;
    return value.parts.join('');
  }

  /** A name's text: the declared value's, or a placeholder named after it (unknown, or a function). */
  protected nameText(n: SyntaxNode, depth: number): TextValue {
    const target = this.resolve(n);
    if (target === n || this.isName(target) || this.isFunction(target)) return placeholder(n.text);
    return this.text(target, depth + 1);
  }

  /** `a ?? b`, `a or b`: the left side when it has any text, else the right. */
  protected eitherText(left: SyntaxNode, right: SyntaxNode, depth: number): TextValue {
    const l = this.text(left, depth + 1);
    return l.parts.every((p) => typeof p !== 'string') ? this.text(right, depth + 1) : l;
  }

  /** `build_prompt()`: a call to a function of this file has the text that function returns. */
  protected returnedText(callee: SyntaxNode | null, depth: number): TextValue | undefined {
    if (!callee || !this.isName(callee)) return undefined;
    const target = this.resolve(callee);
    if (!this.isFunction(target)) return undefined;
    const returned = this.returns(target)[0];
    return returned ? this.text(returned, depth + 1) : undefined;
  }
}

/** `60 * 5`, `-1`, `a + b` on numbers read from the code. */
export function arithmetic(op: string | undefined, l: number | undefined, r: number | undefined): number | undefined {
  if (l === undefined || r === undefined) return undefined;
  if (op === '*') return l * r;
  if (op === '+') return l + r;
  if (op === '-') return l - r;
  return undefined;
}
