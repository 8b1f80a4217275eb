/**
 * Stagehand (`@browserbasehq/stagehand`) drives a browser with natural-language steps: `page.act(instruction)`,
 * `page.extract(instruction)` and `page.observe(instruction)` each send an inference request on the model the
 * `Stagehand` was built with (`new Stagehand({ modelName: "google/gemini-2.0-flash" })` in v2, `model: "…"` or
 * `model: { modelName }` in v3). The page is the instance's `page` (`const page = stagehand.page`), or the
 * instance itself in v3 (`stagehand.act(…)`). Sources: Stagehand docs "act", "extract", "observe", "Configuration".
 *
 * A call counts only when its receiver is traced, through locals and `this.`/`self.` fields, to a `Stagehand`
 * constructed in this file from that package: a Playwright `page.act` of another library is not a request.
 */
import type { CallInfo } from './call-links';
import type { CallRule } from './frameworks';
import type { ModelValues } from './model-resolve';
import type { SyntaxNode } from './parser';
import { CONFIDENCE, type PromptReader } from './prompt-reader';
import { spanOf, type Mutable, type SiteRegistry } from './sites';
import { contains, type Collected, type LanguageSyntax } from './syntax';
import type { DetectedCall } from './types';
import { unwrap } from './lcel-steps';

const SENDS = /\.(act|extract|observe)$/;
const PACKAGE = /^@browserbasehq\/stagehand(#Stagehand)?$/;
const RULE: CallRule = { framework: 'stagehand', role: 'call', messagesArg: 0 };

export function findStagehandRequests(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry, calls: CallInfo[], values: ModelValues, prompts: PromptReader): void {
  if (![...collected.imports.values()].some((m) => PACKAGE.test(m))) return;
  const taken = new Set(calls.map((c) => c.node.id));
  for (const node of collected.calls) {
    const callee = syntax.callee(node);
    if (!SENDS.test(callee) || taken.has(node.id)) continue;
    const receiver = syntax.receiver(node);
    const built = receiver ? stagehandOf(syntax, collected, receiver, 0) : undefined;
    if (!built) continue;
    const span = spanOf(node);
    const args = syntax.args(node);
    const instruction = args.positional[0];
    const sent = instruction ? prompts.promptsFrom(instruction, 'user-template', CONFIDENCE.position, `instruction of ${callee}`) : { ids: [], placeholders: [] };
    const model = modelOption(syntax, built);
    const value = model ? values.resolve(model) : {};
    const call: Mutable<DetectedCall> = {
      id: `c${span.line}.${span.column}`,
      ...span,
      framework: 'stagehand',
      callee,
      ...(value.model ? { model: value.model } : value.ref ? { modelRef: value.ref } : {}),
      ...(value.origin ? { modelOrigin: value.origin } : {}),
      promptIds: [...new Set(sent.ids)],
      tools: [],
      agent: false,
      rule: 'stagehand-step',
      inputPlaceholders: [...new Set(sent.placeholders)],
    };
    if (!sites.addCall(call)) continue;
    calls.push({ node, rule: RULE, call, args });
    taken.add(node.id);
  }
}

/** The `new Stagehand({…})` a page or instance expression comes from: `page`, `stagehand.page`, `this.stagehand`. */
function stagehandOf(syntax: LanguageSyntax, collected: Collected, node: SyntaxNode, depth: number): SyntaxNode | undefined {
  if (depth > 6) return undefined;
  const n = unwrap(node);
  if (n.type === 'new_expression' || n.type === 'call' || n.type === 'call_expression') {
    const callee = syntax.callee(n);
    const module = collected.imports.get(callee);
    return callee === 'Stagehand' && module && PACKAGE.test(module) ? n : undefined;
  }
  if (n.type === 'identifier') {
    const target = syntax.resolve(n);
    return target.id !== n.id ? stagehandOf(syntax, collected, target, depth + 1) : undefined;
  }
  if (n.type !== 'member_expression' && n.type !== 'attribute') return undefined;
  // `stagehand.page`: the page of the instance.
  const object = n.childForFieldName('object');
  if (syntax.name(n) === 'page' && object) {
    const inner = stagehandOf(syntax, collected, object, depth + 1);
    if (inner) return inner;
  }
  // `this.stagehand`: the field's assignments in the file.
  const field = syntax.name(n);
  for (const d of collected.declarations) {
    if (d.name !== field || d.isFunction || contains(d.value, n)) continue;
    const found = stagehandOf(syntax, collected, d.value, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The constructor's model option: `modelName`, or `model` (a string, or an object with its own `modelName`). */
function modelOption(syntax: LanguageSyntax, built: SyntaxNode): SyntaxNode | undefined {
  const options = syntax.args(built).positional[0];
  const entries = options ? syntax.entries(options) : undefined;
  if (!entries) return undefined;
  const model = entries.get('modelName') ?? entries.get('model');
  const inner = model ? syntax.entries(model) : undefined;
  return inner?.get('modelName') ?? inner?.get('model') ?? model;
}
