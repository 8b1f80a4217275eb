/**
 * The language-neutral view of a parsed file that the detectors work on. Each
 * grammar (TypeScript/JavaScript, Python) implements it once; the framework
 * rules in `frameworks.ts` and the site logic in `code.ts` are shared.
 */
import type { SyntaxNode, SyntaxTree } from './parser';
import type { TextValue } from './text';

export interface CallArgs {
  readonly positional: readonly SyntaxNode[];
  /** Keyword arguments (Python) or the properties of object-literal arguments (TypeScript). */
  readonly named: ReadonlyMap<string, SyntaxNode>;
}

export interface Declaration {
  readonly name: string;
  readonly nameNode: SyntaxNode;
  /** The assigned value, or the whole function for function declarations. */
  readonly value: SyntaxNode;
  readonly isFunction: boolean;
}

export interface Collected {
  readonly calls: SyntaxNode[];
  /** Object / dict literals: checked for `{role, content}` messages and tool schemas. */
  readonly containers: SyntaxNode[];
  /** `message["content"] = …`: assignments to a subscript whose key is a string (Python). */
  readonly contentAssignments?: SyntaxNode[];
  readonly declarations: Declaration[];
  /** Python functions with decorators (tools, system_prompt hooks). */
  readonly decorated: SyntaxNode[];
  readonly loops: SyntaxNode[];
  readonly comments: SyntaxNode[];
  /** Local name → module it was imported from. */
  readonly imports: Map<string, string>;
  /** Assignments (augmented ones too) and return statements: texts a file may send (src/core/repo/extract-texts.ts). */
  readonly assigned?: SyntaxNode[];
}

export interface LanguageSyntax {
  readonly language: 'typescript' | 'python';
  collect(tree: SyntaxTree): Collected;
  /** Binds declarations so that identifiers can be resolved; call once after `collect`. */
  bind(collected: Collected): void;
  /** The callee as written without whitespace: `client.chat.completions.create`, `Agent`. */
  callee(call: SyntaxNode): string;
  args(call: SyntaxNode): CallArgs;
  /** Entries of an object / dict literal (after resolving an identifier to it). */
  entries(node: SyntaxNode): Map<string, SyntaxNode> | undefined;
  /** Elements of an array / list / tuple literal (after resolving an identifier to it). */
  items(node: SyntaxNode): SyntaxNode[] | undefined;
  /** The text an expression evaluates to, with placeholders for what is unknown. */
  text(node: SyntaxNode): TextValue;
  /** A string constant (no placeholders), after constant resolution. */
  stringConstant(node: SyntaxNode): string | undefined;
  number(node: SyntaxNode): number | undefined;
  /** The node a name was first declared with in this file (variable, field, parameter default, function). */
  lookup(name: string, from?: SyntaxNode): SyntaxNode | undefined;
  /** Every declaration of a name in this file, in document order. */
  declarations(name: string): readonly Declaration[];
  /** Identifier → the node it was declared with in this file (value or function); otherwise the node itself. */
  resolve(node: SyntaxNode): SyntaxNode;
  /** Identifier or attribute/member name for display, e.g. tool names. */
  name(node: SyntaxNode): string | undefined;
  /** Docstring of a (possibly decorated) function definition. */
  docstring(fn: SyntaxNode): SyntaxNode | undefined;
  /** Return expressions of a function (not of nested functions). */
  returns(fn: SyntaxNode): SyntaxNode[];
  /** Whether a node is a string-like literal (string, template, f-string, concatenation of them). */
  isTextLiteral(node: SyntaxNode): boolean;
  /** For `obj.method(...)`: the object expression; undefined for plain calls. */
  receiver(call: SyntaxNode): SyntaxNode | undefined;
}

/**
 * The nodes whose type is in `wanted`, depth-first in document order. Tree-sitter walks the tree
 * inside wasm and hands back only the matches: a cursor driven from JavaScript crossed into wasm
 * three or four times for every node, punctuation included (a fifth of detection's time).
 */
export function walk(tree: SyntaxTree, wanted: ReadonlySet<string>, visit: (node: SyntaxNode) => void): void {
  for (const node of tree.rootNode.descendantsOfType([...wanted])) if (node) visit(node);
}

/** `self._params()`, `build()`: the first expression the called function of this file returns. */
export function returnedByCall(syntax: LanguageSyntax, call: SyntaxNode, fn: SyntaxNode | null, isFunction: (n: SyntaxNode) => boolean): SyntaxNode | undefined {
  const name = fn ? syntax.name(fn) : undefined;
  const decl = name ? syntax.lookup(name, call) : undefined;
  return decl && isFunction(decl) ? syntax.returns(decl)[0] : undefined;
}

export function contains(outer: SyntaxNode, inner: SyntaxNode): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

/**
 * Declarations by name. Most names are declared once; for a name declared in several
 * functions (`messages` in two agent functions), a reference resolves to the declaration
 * in its innermost enclosing function, else the module-level one, else the first.
 */
const MEMBER_NAME = new Set(['attribute', 'member_expression']);

export class Scope {
  private readonly byName = new Map<string, { readonly value: SyntaxNode; readonly decl: Declaration }[]>();

  constructor(
    declarations: readonly Declaration[],
    private readonly isFunctionScope: (node: SyntaxNode) => boolean,
  ) {
    for (const d of declarations) {
      const list = this.byName.get(d.name);
      const entry = { value: d.value, decl: d };
      if (list) list.push(entry);
      else this.byName.set(d.name, [entry]);
    }
  }

  lookup(name: string, from?: SyntaxNode): SyntaxNode | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    if (list.length === 1 || !from) return list[0].value;
    let byScope = this.scoped.get(name);
    if (!byScope) {
      byScope = new Map();
      for (const e of list) {
        const id = this.scopeOf(e.decl);
        if (!byScope.has(id)) byScope.set(id, e.value);
      }
      this.scoped.set(name, byScope);
    }
    for (const id of this.functionScopesAbove(from)) {
      const hit = byScope.get(id);
      if (hit) return hit;
    }
    return byScope.get(null) ?? list[0].value;
  }

  /** Every declaration of the name, in document order (a class's field and another class's field of that name). */
  all(name: string): readonly Declaration[] {
    return this.byName.get(name)?.map((e) => e.decl) ?? [];
  }

  /**
   * What a bare name refers to: as `lookup`, except that a declaration inside a function that does not hold `from`
   * is no binding of it when a function around `from` binds the name itself in a way no declaration records (a
   * parameter, a destructured or unassigned local: `const { model } = options` beside another function's `model =
   * 'gpt-4o-mini'`); `self.model = …` and `this.model = …` declare an attribute, never the bare name.
   */
  binding(name: string, from: SyntaxNode, bindsItself: (fn: SyntaxNode, name: string) => boolean): SyntaxNode | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    const bare = list.filter((e) => !MEMBER_NAME.has(e.decl.nameNode.type));
    if (bare.length === 0) return undefined;
    if (bare.length !== list.length || bare.some((e) => this.scopeOf(e.decl) !== null)) {
      const above = this.functionScopesAbove(from);
      const visible = bare.find((e) => {
        const id = this.scopeOf(e.decl);
        return id === null || above.includes(id);
      });
      if (!visible) {
        for (let n = from.parent; n; n = n.parent) if (this.isFunctionScope(n) && bindsItself(n, name)) return undefined;
        return bare[0].value;
      }
      if (bare.length !== list.length) return this.innermost(bare, above);
    }
    return this.lookup(name, from);
  }

  /** Of declarations of one name, the one in the innermost function around the use, else a module-level one, else the first. */
  private innermost(list: readonly { readonly value: SyntaxNode; readonly decl: Declaration }[], above: readonly number[]): SyntaxNode {
    for (const id of above) {
      const hit = list.find((e) => this.scopeOf(e.decl) === id);
      if (hit) return hit.value;
    }
    return (list.find((e) => this.scopeOf(e.decl) === null) ?? list[0]).value;
  }

  /**
   * By node id: the function scopes that are the node or hold it, innermost first. Lookups from
   * one function share its ancestors, so each climbs only to the first ancestor already known
   * (every `parent` read crosses into wasm and builds a node object).
   */
  private readonly scopesOf = new Map<number, readonly number[]>();

  /** Ids of the function scopes around `from` (not `from` itself), innermost first. */
  private functionScopesAbove(from: SyntaxNode): readonly number[] {
    const unknown: SyntaxNode[] = [];
    let scopes: readonly number[] = [];
    for (let n = from.parent; n; n = n.parent) {
      const known = this.scopesOf.get(n.id);
      if (known) {
        scopes = known;
        break;
      }
      unknown.push(n);
    }
    for (let i = unknown.length - 1; i >= 0; i--) {
      const n = unknown[i];
      if (this.isFunctionScope(n)) scopes = [n.id, ...scopes];
      this.scopesOf.set(n.id, scopes);
    }
    return scopes;
  }

  /** For names declared more than once: declaration by the id of its function (null: module level). */
  private readonly scoped = new Map<string, Map<number | null, SyntaxNode>>();

  /** Id of the function a declaration belongs to; null at module level. */
  private scopeOf(d: Declaration): number | null {
    const known = this.scopeIds.get(d);
    if (known !== undefined) return known;
    // A function's own name belongs to the scope around it (a decorated Python function's too).
    const own = d.isFunction && (this.isFunctionScope(d.value) || d.value.type === 'decorated_definition');
    let id: number | null = null;
    for (let n = own ? d.value.parent : d.nameNode.parent; n; n = n.parent) {
      if (this.isFunctionScope(n)) {
        id = n.id;
        break;
      }
    }
    this.scopeIds.set(d, id);
    return id;
  }

  private readonly scopeIds = new Map<Declaration, number | null>();
}
