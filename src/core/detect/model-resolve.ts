/**
 * Following a call's model argument to its value inside one file: literals, variables, constants,
 * default parameters, class attribute defaults and `self.x` assignments, dicts keyed by name,
 * `os.getenv("M", "gpt-4o")` / `process.env.M ?? "…"` defaults, helpers of the file returning a literal,
 * and conditionals (their branches become alternatives). What cannot be resolved here becomes a
 * `ValueRef` for the repository pass. Dict keys, `str.replace` arguments and identifiers are never
 * taken as model names.
 */
import { PROVIDER_FACTORY } from './ai-sdk-surface';
import { chooseDefault, defaultString } from './branches';
import { fieldDeclaration } from './class-fields';
import { guardedReassignments, type GuardedArm } from './guarded-assignments';
import type { SyntaxNode } from './parser';
import { spanOf } from './sites';
import type { LanguageSyntax } from './syntax';
import type { DetectedAlternative, ModelOrigin, ValueRef } from './types';

export interface ModelValue {
  readonly model?: string;
  readonly provider?: string;
  readonly origin?: ModelOrigin;
  readonly ref?: ValueRef;
  /** Other values a conditional or a keyed dict may give (the chosen one is `model`). */
  readonly alternatives?: readonly DetectedAlternative[];
}

/** Callees that read a value with a fallback: the fallback is the model when the setting is absent. */
const ENV_READ = /^(os\.getenv|os\.environ\.get|getenv|environ\.get)$/;
/** String methods that keep the model a string names (`name.replace("openai/", "")`): the receiver is the model. */
const STRING_METHOD = /\.(replace|strip|lstrip|rstrip|lower|upper|removeprefix|removesuffix|trim|toLowerCase|toUpperCase|replaceAll)$/;
/** Words that name a setting, never a model (a dict key or a variable's name read as a string). */
const NOT_A_MODEL = /^(model|models|model_name|modelname|model_id|modelid|llm|name|default|provider|engine|deployment|none|null|undefined|true|false|auto|string|str|text|chat|completion|env|config|settings)$/i;

export function looksLikeModel(s: string): boolean {
  if (!/^[\w.:/@-]{2,120}$/.test(s) || !/[a-z]/i.test(s) || NOT_A_MODEL.test(s)) return false;
  // `gpt_4_1_mini`, `MODEL_NAME`: an identifier's spelling, not an id a provider accepts.
  if (/^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)+$/.test(s) && !/[-.:/]/.test(s)) return false;
  return true;
}

export class ModelValues {
  constructor(
    private readonly syntax: LanguageSyntax,
    private readonly imports: ReadonlyMap<string, string>,
    /** Recognises model constructors and factories (`ChatOpenAI(…)`, `openai('…')`): their model argument and provider. */
    private readonly modelArgOf: (call: SyntaxNode, callee: string) => { node?: SyntaxNode; provider?: string } | undefined,
  ) {}

  resolve(node: SyntaxNode, depth = 0): ModelValue {
    if (depth > 6) return {};
    const syntax = this.syntax;
    const n = unwrapExpr(node);
    const literal = this.literal(n);
    if (literal) return literal;
    switch (n.type) {
      case 'identifier':
      case 'shorthand_property_identifier':
        return this.name(n, depth);
      case 'attribute':
      case 'member_expression':
        return this.member(n, depth);
      case 'subscript':
      case 'subscript_expression':
        return this.subscript(n, depth);
      case 'call':
      case 'call_expression':
      case 'new_expression':
        return this.call(n, depth);
      case 'conditional_expression': {
        // Python `a if cond else b`.
        const [a, cond, b] = n.namedChildren;
        return a && b ? this.branches([[a, cond?.text], [b, cond ? `not (${cond.text})` : undefined]], depth) : {};
      }
      case 'ternary_expression': {
        const c = n.childForFieldName('condition');
        const a = n.childForFieldName('consequence');
        const b = n.childForFieldName('alternative');
        if (!a || !b) return {};
        // `flag ? xai('special') : configured(model)`: the literal is the case the flag turns on; the computed else-arm
        // runs by default (repo/ternary-default.ts), even where only the repository pass can resolve it.
        if (this.literalArm(a) && !this.literalArm(b)) return this.branches([[b, c ? `!(${c.text})` : undefined], [a, c?.text]], depth, true);
        return this.branches([[a, c?.text], [b, c ? `!(${c.text})` : undefined]], depth);
      }
      case 'boolean_operator':
      case 'binary_expression': {
        const op = n.childForFieldName('operator')?.text ?? (n.type === 'boolean_operator' ? n.children[1]?.text : undefined);
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        if (!left || !right || !(op === 'or' || op === '??' || op === '||')) return {};
        return this.fallback(left, right, depth);
      }
      default:
        return {};
    }
  }

  /** A model written in place: a string, or a provider factory called with one (`openai('gpt-4o')`). */
  private literalArm(raw: SyntaxNode): boolean {
    const n = unwrapExpr(raw);
    if (n.type === 'string' || n.type === 'template_string') return this.syntax.stringConstant(n) !== undefined;
    const first = n.type === 'call_expression' ? n.childForFieldName('arguments')?.namedChildren[0] : undefined;
    return !!first && (first.type === 'string' || first.type === 'template_string') && PROVIDER_FACTORY.test(this.syntax.callee(n));
  }

  private literal(n: SyntaxNode): ModelValue | undefined {
    if (n.type !== 'string' && n.type !== 'template_string' && n.type !== 'concatenated_string') return undefined;
    const s = this.syntax.stringConstant(n);
    if (s === undefined) return {};
    return looksLikeModel(s) ? { model: s, origin: { from: 'code', line: spanOf(n).line } } : {};
  }

  /** `a or b`, `a ?? b`, `a || b`: the left when it names a model; an environment read falls back to the right. */
  private fallback(left: SyntaxNode, right: SyntaxNode, depth: number): ModelValue {
    const l = this.resolve(left, depth + 1);
    if (l.model) return l;
    const r = this.resolve(right, depth + 1);
    if (!r.model) return l.ref ? l : r;
    if (l.ref?.kind === 'env') return { ...r, origin: { from: 'env-default', line: r.origin?.line ?? spanOf(right).line, detail: `env ${l.ref.text}, default` } };
    return r;
  }

  private name(n: SyntaxNode, depth: number): ModelValue {
    const target = this.syntax.resolve(n);
    const guarded = /^assignment(_expression)?$/.test(target.parent?.type ?? '') ? guardedReassignments(this.syntax, n) : undefined;
    if (guarded) return this.guardedName(n, guarded, depth);
    if (target.id !== n.id && target.text !== n.text && !paramShadows(n, target)) {
      const inner = this.resolve(target, depth + 1);
      const param = inner.model ? defaultedParameter(target, n) : undefined;
      const origin = inner.origin ?? { from: 'code' as const, line: spanOf(target).line };
      if (param) return { ...inner, origin: { ...origin, detail: origin.detail ?? `default of parameter ${param.name}`, param: { kind: 'param', text: n.text, param, line: spanOf(n).line } } };
      if (inner.model || inner.ref || inner.alternatives) return inner;
      return {};
    }
    const param = parameterOf(this.syntax, n);
    if (param) return { ref: { kind: 'param', text: n.text, param, line: spanOf(n).line } };
    const module = this.imports.get(n.text)?.split('#')[0];
    return { ref: { kind: 'name', text: n.text, ...(module ? { module } : {}), line: spanOf(n).line } };
  }

  /** The name's own binding (a parameter, a destructured local) first; what guarded reassignments give, alternatives. */
  private guardedName(n: SyntaxNode, arms: readonly GuardedArm[], depth: number): ModelValue {
    const param = parameterOf(this.syntax, n);
    const module = this.imports.get(n.text)?.split('#')[0];
    const ref: ValueRef = param ? { kind: 'param', text: n.text, param, line: spanOf(n).line } : { kind: 'name', text: n.text, ...(module ? { module } : {}), line: spanOf(n).line };
    const alternatives: DetectedAlternative[] = [];
    for (const arm of arms) {
      const v = this.resolve(arm.value, depth + 1);
      if (v.model) alternatives.push({ model: v.model, ...(v.provider ? { providerHint: v.provider } : {}), line: spanOf(arm.value).line, condition: arm.condition });
    }
    return { ref, ...(alternatives.length ? { alternatives } : {}) };
  }

  private member(n: SyntaxNode, depth: number): ModelValue {
    const env = envName(n);
    if (env) return { ref: { kind: 'env', text: env, line: spanOf(n).line } };
    // `self.model`, `this.config.model`: the field of that name declared in this file (a class default, an assignment).
    const field = this.syntax.name(n);
    const declared = field ? fieldDeclaration(this.syntax, field, n) : undefined;
    if (declared && declared.id !== n.id && !contains(declared, n)) {
      // `self.model` read through `@property def model(self): return self.model_name`: what the property returns.
      const inner = isProperty(declared) ? distinct(this.returned(declared, depth)) : this.resolve(declared, depth + 1);
      if (inner.model || inner.alternatives) return inner;
      if (inner.ref && inner.ref.kind !== 'name') return inner;
    }
    return { ref: { kind: 'member', text: n.text.replace(/\s+/g, ''), line: spanOf(n).line } };
  }

  private subscript(n: SyntaxNode, depth: number): ModelValue {
    const object = n.childForFieldName('value') ?? n.childForFieldName('object');
    const index = n.childForFieldName('subscript') ?? n.childForFieldName('index');
    if (!object || !index) return {};
    const key = this.syntax.stringConstant(index);
    if (/^(os\.environ|process\.env)$/.test(object.text) && key) return { ref: { kind: 'env', text: key, line: spanOf(n).line } };
    const entries = this.syntax.entries(object);
    // A literal key picks one entry; a key read from a variable (even one with a default) may pick any.
    if (entries && key !== undefined && (index.type === 'string' || index.type === 'template_string')) {
      const hit = entries.get(key);
      return hit ? this.resolve(hit, depth + 1) : {};
    }
    // A table with pairs under a constant key (`{APIProvider.ANTHROPIC: …}`) is not all known here: the repository pass reads it.
    const unread = entries ? this.syntax.resolve(object).namedChildren.filter((c) => c?.type === 'pair').length > entries.size : false;
    if (entries && entries.size > 0 && !unread) {
      // `MODELS[kind]`: a registry keyed by a runtime value; every entry is an alternative.
      const chosen = this.keyDefault(index);
      const arms: [SyntaxNode, string][] = [...entries].map(([k, v]) => [v, `${index.text} == "${k}"`]);
      const first = chosen !== undefined ? arms.findIndex(([, c]) => c.endsWith(`"${chosen}"`)) : -1;
      if (first > 0) arms.unshift(...arms.splice(first, 1));
      return this.branches(arms, depth);
    }
    return { ref: { kind: 'member', text: `${object.text}.${key ?? index.text}`.replace(/\s+/g, ''), line: spanOf(n).line } };
  }

  /** The value a dict key expression has by default (`provider="openai"` parameter, a constant). */
  private keyDefault(index: SyntaxNode): string | undefined {
    return this.syntax.stringConstant(index) ?? defaultString(this.syntax, index);
  }

  private call(n: SyntaxNode, depth: number): ModelValue {
    const syntax = this.syntax;
    const callee = syntax.callee(n);
    const args = syntax.args(n);
    if (ENV_READ.test(callee)) {
      const nameNode = args.positional[0] ?? args.named.get('key');
      const env = nameNode ? (syntax.stringConstant(nameNode) ?? nameNode.text) : callee;
      const fallback = args.positional[1] ?? args.named.get('default');
      const r = fallback ? this.resolve(fallback, depth + 1) : {};
      if (r.model) return { ...r, origin: { from: 'env-default', line: r.origin?.line ?? spanOf(n).line, detail: `env ${env}, default` } };
      return { ref: { kind: 'env', text: env, line: spanOf(n).line } };
    }
    // `config.get("model", "gpt-4o")`, `getattr(settings, "model", "gpt-4o")`: the key is a setting's name; the fallback may be the model.
    if (/\.get$/.test(callee) || callee === 'getattr') {
      const receiver = callee === 'getattr' ? args.positional[0] : syntax.receiver(n);
      const keyNode = callee === 'getattr' ? args.positional[1] : args.positional[0];
      const fallback = callee === 'getattr' ? args.positional[2] : args.positional[1];
      const key = keyNode ? syntax.stringConstant(keyNode) : undefined;
      const entries = receiver ? syntax.entries(receiver) : undefined;
      const hit = key !== undefined ? entries?.get(key) : undefined;
      if (hit) return this.resolve(hit, depth + 1);
      const r = fallback ? this.resolve(fallback, depth + 1) : {};
      if (r.model) return r;
      return { ref: { kind: 'member', text: `${receiver?.text ?? ''}.${key ?? '?'}`.replace(/\s+/g, ''), line: spanOf(n).line } };
    }
    if (STRING_METHOD.test(callee)) {
      const receiver = syntax.receiver(n);
      return receiver ? this.resolve(receiver, depth + 1) : {};
    }
    const known = this.modelArgOf(n, callee);
    if (known) {
      if (!known.node) return {};
      const r = this.resolve(known.node, depth + 1);
      return { ...r, provider: r.provider ?? known.provider };
    }
    // A helper of this file that returns the model (`get_model()`): its returns, one per branch.
    const fnNode = n.childForFieldName('function');
    const fn = fnNode && fnNode.type === 'identifier' ? syntax.resolve(fnNode) : undefined;
    if (fn && fn.id !== fnNode!.id && isFunctionLike(fn)) return this.returned(fn, depth);
    return { ref: { kind: 'call', text: callee, line: spanOf(n).line } };
  }

  /** What a function of this file returns, one value per branch. */
  private returned(fn: SyntaxNode, depth: number): ModelValue {
    const returns = this.syntax.returns(fn);
    if (returns.length === 1) return this.resolve(returns[0], depth + 1);
    if (returns.length > 1) {
      // One return runs: the branch the code takes by default is the site's model.
      const choice = chooseDefault(this.syntax, returns);
      const ordered = [choice.chosen, ...returns.keys()].filter((i, k, all) => all.indexOf(i) === k);
      return this.branches(ordered.map((i) => [returns[i], choice.conditions[i]]), depth);
    }
    return {};
  }

  /** Several possible values: the first that names a model is the site's, the others its alternatives. */
  branches(arms: readonly (readonly [SyntaxNode, string | undefined])[], depth: number, firstArm = false): ModelValue {
    const values = arms.map(([node, condition]) => ({ value: this.resolve(node, depth + 1), condition, line: spanOf(node).line }));
    // `firstArm`: the first arm is the default even when only a reference to follow (`ref`) names its model.
    const chosen = (firstArm && (values[0]?.value.model || values[0]?.value.ref) ? values[0] : undefined) ?? values.find((v) => v.value.model) ?? values[0];
    if (!chosen) return {};
    const alternatives: DetectedAlternative[] = values
      .filter((v) => v !== chosen && (v.value.model || v.value.ref))
      .map((v) => ({
        ...(v.value.model ? { model: v.value.model } : { modelRef: v.value.ref }),
        ...(v.value.provider ? { providerHint: v.value.provider } : {}),
        line: v.line,
        ...(v.condition ? { condition: v.condition } : {}),
      }));
    return { ...chosen.value, ...(alternatives.length ? { alternatives } : {}) };
  }
}

/** Alternatives that give the chosen model again (a property's arms that strip a prefix the default lacks) say nothing. */
function distinct(v: ModelValue): ModelValue {
  if (!v.model || !v.alternatives) return v;
  const alternatives = v.alternatives.filter((a) => a.model !== v.model);
  return { ...v, alternatives: alternatives.length ? alternatives : undefined };
}

/** A Python method read as an attribute: `@property`, `@cached_property`, `@functools.cached_property`. */
function isProperty(n: SyntaxNode): boolean {
  return n.type === 'decorated_definition' && n.namedChildren.some((c) => c?.type === 'decorator' && /^@\s*(functools\.)?(property|cached_property)\s*$/.test(c.text));
}

/** `process.env.OPENAI_MODEL`, `os.environ.OPENAI_MODEL` → the variable's name. */
function envName(n: SyntaxNode): string | undefined {
  const m = /^(?:process\.env|os\.environ|import\.meta\.env)\.(\w+)$/.exec(n.text.replace(/\s+/g, ''));
  return m?.[1];
}

/** The expression under parentheses, `await`, casts and non-null marks. */
export function unwrapExpr(node: SyntaxNode): SyntaxNode {
  let n = node;
  for (let i = 0; i < 8; i++) {
    if (['parenthesized_expression', 'await', 'await_expression', 'as_expression', 'non_null_expression', 'satisfies_expression'].includes(n.type)) {
      const inner = n.namedChildren.find((c) => c && c.type !== 'comment' && !c.type.endsWith('type'));
      if (!inner) return n;
      n = inner;
    } else return n;
  }
  return n;
}

function contains(outer: SyntaxNode, inner: SyntaxNode): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

const FUNCTION_TYPES = new Set(['function_definition', 'decorated_definition', 'lambda', 'function_declaration', 'arrow_function', 'function_expression', 'function', 'method_definition']);

function isFunctionLike(n: SyntaxNode): boolean {
  return FUNCTION_TYPES.has(n.type);
}

/**
 * Whether `n` names a parameter (without a default) of an enclosing function that `target`, the binding the file's
 * scope found for the name, lies outside of: `def load_agent(tools, llm): OpenAIAgent.from_tools(tools, llm=llm)`
 * beside a pydantic field `llm: str = Field(…)` of a class in the same module. The parameter is what the name holds.
 */
function paramShadows(n: SyntaxNode, target: SyntaxNode): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (!isFunctionLike(p) || p.type === 'decorated_definition') continue;
    const params = p.childForFieldName('parameters');
    if (!params?.namedChildren.some((c) => c && parameterName(c) === n.text)) continue;
    return !contains(p, target);
  }
  return false;
}

/** When `n` names a parameter (without a default) of its enclosing function: the function (`Class.method`) and the parameter. */
export function parameterOf(syntax: LanguageSyntax, n: SyntaxNode, withDefaults = false): { function: string; name: string } | undefined {
  for (let p = n.parent; p; p = p.parent) {
    if (!isFunctionLike(p) || p.type === 'decorated_definition') continue;
    const params = p.childForFieldName('parameters');
    if (!params) continue;
    const names = params.namedChildren.map((c) => (c ? (parameterName(c) ?? (withDefaults ? defaultParameterName(c) : undefined)) : undefined));
    if (!names.includes(n.text)) continue;
    return { function: functionName(p), name: n.text };
  }
  return undefined;
}

function parameterName(c: SyntaxNode): string | undefined {
  if (c.type === 'identifier') return c.text;
  if (c.type === 'typed_parameter') return c.namedChildren.find((x) => x?.type === 'identifier')?.text;
  if (c.type === 'required_parameter' || c.type === 'optional_parameter') {
    const pattern = c.childForFieldName('pattern');
    return pattern?.type === 'identifier' ? pattern.text : undefined;
  }
  return undefined;
}

/**
 * When `value` is the signature default of the parameter `use` names (`model_name="gpt-4"` in Python, `model =
 * "gpt-4"` in TypeScript) and `use` is read inside that function: the function and the parameter.
 */
function defaultedParameter(value: SyntaxNode, use: SyntaxNode): { function: string; name: string } | undefined {
  const param = value.parent;
  if (!param) return undefined;
  const name = /^(default_parameter|typed_default_parameter)$/.test(param.type) ? param.childForFieldName('name') : /^(required_parameter|optional_parameter)$/.test(param.type) && param.childForFieldName('value')?.id === value.id ? param.childForFieldName('pattern') : undefined;
  const fn = param.parent?.parent;
  if (name?.type !== 'identifier' || name.text !== use.text || !fn || !isFunctionLike(fn) || !contains(fn, use)) return undefined;
  return { function: functionName(fn), name: name.text };
}

/** `llm=None`, `llm: Chat | None = None` (Python), `llm = x` (TypeScript optional with a default). */
function defaultParameterName(c: SyntaxNode): string | undefined {
  if (c.type === 'default_parameter' || c.type === 'typed_default_parameter') return c.childForFieldName('name')?.text;
  return undefined;
}

function functionName(fn: SyntaxNode): string {
  let name = fn.childForFieldName('name')?.text;
  if (!name && fn.parent?.type === 'variable_declarator') name = fn.parent.childForFieldName('name')?.text;
  name ??= '(anonymous)';
  for (let p = fn.parent; p; p = p.parent) {
    if (p.type === 'class_definition' || p.type === 'class_declaration' || p.type === 'class') {
      const cls = p.childForFieldName('name')?.text;
      return cls ? `${cls}.${name}` : name;
    }
    if (isFunctionLike(p) && p.type !== 'decorated_definition') break;
  }
  return name;
}
