/**
 * DSPy: a predictor (`dspy.Predict(Sig)`, `dspy.ChainOfThought(Sig)`, `dspy.ReAct(Sig, tools=…)`) is a
 * binding; calling it (`self.generate(question=…)`) sends a request. The request runs on the LM of the
 * innermost `with dspy.settings.context(lm=…)` / `with dspy.context(lm=…)` around it, else the file's
 * `dspy.configure(lm=…)`; that value is followed like any model (a `ValueRef` for the repository pass
 * when the file cannot read it). The signature class is the prompt the predictor sends: its docstring
 * (the instructions) and its fields' `desc=` texts.
 */
import type { CallInfo } from './call-links';
import type { CallRule } from './frameworks';
import type { ModelValue, ModelValues } from './model-resolve';
import type { SyntaxNode } from './parser';
import { CONFIDENCE, type PromptReader } from './prompt-reader';
import { spanOf, type Mutable, type SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';
import type { DetectedCall } from './types';

const PREDICTOR = /^(Predict|ChainOfThought|ChainOfThoughtWithHint|ReAct|ProgramOfThought|MultiChainComparison|TypedPredictor|TypedChainOfThought|CodeAct|Refine|BestOfN)$/;
const CONTEXT = /^dspy\.(settings\.)?context$/;
const CONFIGURE = /^dspy\.(settings\.)?configure$/;
const FIELD = /^(dspy\.)?(InputField|OutputField)$/;

export const DSPY_REQUEST: CallRule = { framework: 'dspy', role: 'call' };

interface Predictor {
  /** The name it is bound to: `generate` for `self.generate = dspy.Predict(…)` or `generate = …`. */
  readonly name: string;
  readonly attribute: boolean;
  /** For `self.x = …`: the class it is set in (another class's `self.x` is another object). */
  readonly classId?: number;
  /** The signature argument (a class name or a `"question -> answer"` string). */
  readonly signature?: SyntaxNode;
}

export function usesDspy(collected: Collected): boolean {
  for (const m of collected.imports.values()) if (m === 'dspy' || m.startsWith('dspy.') || m.startsWith('dspy#')) return true;
  return false;
}

export function findDspyRequests(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry, calls: CallInfo[], values: ModelValues, prompts: PromptReader): void {
  if (syntax.language !== 'python' || !usesDspy(collected)) return;
  const predictors = new Map<string, Predictor[]>();
  for (const d of collected.declarations) {
    if (d.isFunction || d.value.type !== 'call') continue;
    const callee = syntax.callee(d.value);
    const last = callee.split('.').pop() ?? '';
    if (!PREDICTOR.test(last) || !(callee.startsWith('dspy.') || collected.imports.get(last)?.startsWith('dspy'))) continue;
    const attribute = d.nameNode.type === 'attribute';
    const entry: Predictor = { name: d.name, attribute, classId: attribute ? classOf(d.nameNode)?.id : undefined, signature: syntax.args(d.value).positional[0] ?? syntax.args(d.value).named.get('signature') };
    predictors.set(d.name, [...(predictors.get(d.name) ?? []), entry]);
  }
  if (!predictors.size) return;
  const configured = fileLm(syntax, collected);
  const taken = new Set(calls.map((c) => c.node.id));
  for (const node of collected.calls) {
    if (taken.has(node.id)) continue;
    const callee = syntax.callee(node);
    const m = /^(self\.)?([A-Za-z_]\w*)$/.exec(callee);
    const p = m ? predictors.get(m[2])?.find((x) => x.attribute === Boolean(m[1]) && (!x.attribute || x.classId === classOf(node)?.id)) : undefined;
    if (!p) continue;
    const lm = contextLm(syntax, node) ?? configured;
    // `self.engine`: read in the class of the request (the repository pass follows it through that class's constructor).
    const model = !lm ? {} : (lmLiteral(syntax, lm) ?? (lm.type === 'attribute' && lm.text.startsWith('self.') ? { ref: { kind: 'member' as const, text: lm.text, line: spanOf(lm).line } } : values.resolve(lm)));
    const signature = p.signature ? signaturePrompts(syntax, node, p.signature, prompts) : [];
    const args = syntax.args(node);
    // An input the code writes (`conv = "\\n".join(f"You: {t.user}…" for …)`) is text of the prompt too.
    for (const [key, value] of args.named) signature.push(...(prompts.assembledPieces(value, 'user-template', `input ${key} of ${callee}`)?.ids ?? []));
    const span = spanOf(node);
    const call: Mutable<DetectedCall> = {
      id: `c${span.line}.${span.column}`,
      ...span,
      framework: 'dspy',
      callee,
      ...(model.model ? { model: model.model } : model.ref ? { modelRef: model.ref } : {}),
      ...(model.origin ? { modelOrigin: model.origin } : {}),
      ...(model.provider ? { providerHint: model.provider } : {}),
      promptIds: signature,
      tools: [],
      agent: false,
      rule: 'dspy-predictor',
      // The predictor's inputs (`topic=…, persona=…`) fill the signature's input fields at run time.
      inputPlaceholders: [...args.named.keys()],
    };
    if (!sites.addCall(call)) continue;
    calls.push({ node, rule: DSPY_REQUEST, call, args });
  }
}

/** `dspy.LM("openai/gpt-4o-mini")`, directly or through a name of this file: the model it names. */
function lmLiteral(syntax: LanguageSyntax, lm: SyntaxNode): ModelValue | undefined {
  const target = lm.type === 'identifier' ? syntax.resolve(lm) : lm;
  if (target.type !== 'call' || !/(^|\.)LM$/.test(syntax.callee(target))) return undefined;
  const args = syntax.args(target);
  const arg = args.named.get('model') ?? args.positional[0];
  const model = arg ? syntax.stringConstant(arg) : undefined;
  return model ? { model, origin: { from: 'code', line: spanOf(arg!).line } } : undefined;
}

function classOf(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'class_definition') return p;
  return undefined;
}

/** The `lm=` of the innermost `with dspy.settings.context(lm=…)` around a node. */
function contextLm(syntax: LanguageSyntax, node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'lambda') return undefined;
    if (p.type !== 'with_statement') continue;
    for (const item of p.descendantsOfType('with_item')) {
      const value = item?.childForFieldName('value');
      const call = value?.type === 'as_pattern' ? value.namedChildren[0] : value;
      if (call?.type !== 'call' || !CONTEXT.test(syntax.callee(call))) continue;
      const lm = syntax.args(call).named.get('lm');
      if (lm) return lm;
    }
  }
  return undefined;
}

/** `dspy.configure(lm=…)` / `dspy.settings.configure(lm=…)` anywhere in the file. */
function fileLm(syntax: LanguageSyntax, collected: Collected): SyntaxNode | undefined {
  for (const c of collected.calls) if (CONFIGURE.test(syntax.callee(c))) return syntax.args(c).named.get('lm');
  return undefined;
}

/** The signature class's docstring and field descriptions, as prompts of the request (a class of this module). */
function signaturePrompts(syntax: LanguageSyntax, from: SyntaxNode, signature: SyntaxNode, prompts: PromptReader): string[] {
  if (signature.type !== 'identifier') return [];
  let root = from;
  while (root.parent) root = root.parent;
  const cls = root.namedChildren.map((c) => (c?.type === 'decorated_definition' ? c.childForFieldName('definition') : c)).find((c) => c?.type === 'class_definition' && c.childForFieldName('name')?.text === signature.text);
  if (!cls) return [];
  const ids: string[] = [];
  const doc = syntax.docstring(cls);
  if (doc) ids.push(...prompts.promptsFrom(doc, 'instructions', CONFIDENCE.position, `docstring of DSPy signature ${signature.text}`).ids);
  for (const stmt of cls.childForFieldName('body')?.namedChildren ?? []) {
    const assign = stmt?.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    const value = assign?.type === 'assignment' ? assign.childForFieldName('right') : undefined;
    if (value?.type !== 'call' || !FIELD.test(syntax.callee(value))) continue;
    const args = syntax.args(value);
    const desc = args.named.get('desc') ?? args.named.get('prefix');
    if (desc && desc.type === 'string') ids.push(...prompts.promptsFrom(desc, 'instructions', CONFIDENCE.key, `field of DSPy signature ${signature.text}`).ids);
  }
  return [...new Set(ids)];
}
