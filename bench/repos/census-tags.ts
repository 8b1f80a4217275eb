/**
 * The provenance tags of a reported site, for the rule census: which rule found it (`CallReport.rule`,
 * `AgentLoopReport.rule`, a prompt's detection `reason`), and which rule resolved its model (`modelSource`)
 * or its bound (`boundKind`, `stepsFrom`). Each tag has a kind, so that the census can say which kinds of
 * rule find sites on many repositories: a framework's contract, data flow through the repository, a
 * language idiom, a name that looks like a model or a prompt — or a fallback where nothing resolved.
 */
import { CALL_RULES, LOOP_RULES, type RuleKind } from '../../src/core/detect/rule-tags';
import type { AgentLoopReport, CallReport, PromptReport } from '../../src/core/report/types';

export type CensusKind = RuleKind | 'fallback';

/** What a tag says of a site: which rule found it, or which rule resolved its model or bound. */
export type TagDimension = 'call' | 'model' | 'site' | 'loop' | 'bound' | 'prompt';

export interface SiteTag {
  readonly dimension: TagDimension;
  readonly tag: string;
  readonly kind: CensusKind;
}

const tag = (dimension: TagDimension, name: string, kind: CensusKind): SiteTag => ({ dimension, tag: name, kind });

/** The rule that found the call, how its model was found, and the site-shaping rules it went through. */
export function callTags(call: CallReport, path: string): SiteTag[] {
  const rule = call.rule && call.rule in CALL_RULES ? (call.rule as keyof typeof CALL_RULES) : undefined;
  const tags = [rule ? tag('call', rule, CALL_RULES[rule].kind) : tag('call', `untagged (${call.framework})`, 'fallback'), modelTag(call, path)];
  if (call.uses?.length) tags.push(tag('site', 'wrapper-with-uses', 'data-flow'));
  if (call.alternatives?.length) tags.push(tag('site', 'branch-alternatives', 'language-idiom'));
  if (call.role === 'implementation') tags.push(tag('site', 'chat-class-implementation', 'data-flow'));
  if (call.role === 'relay') tags.push(tag('site', 'own-origin-relay', 'data-flow'));
  if (call.loadedPrompts?.length) tags.push(tag('site', 'loaded-prompts', 'data-flow'));
  return tags;
}

/** How the call's model was found: `modelSource.from`, split where it says more (another file, a type's default, a branch). */
export function modelTag(call: CallReport, path: string): SiteTag {
  const source = call.modelSource;
  if (!source) return tag('model', 'model:none', 'fallback');
  const detail = source.detail ?? '';
  const elsewhere = source.at !== undefined && source.at.path !== path;
  switch (source.from) {
    case 'code':
      if (/: \w+, the default \S+ of /.test(detail)) return tag('model', 'model:type-default', 'data-flow');
      if (/^branch /.test(detail)) return tag('model', 'model:default-branch', 'language-idiom');
      // A proxy route's request on what the browser code fetching the route sends (repo/route-callers.ts).
      if (/^sent in the request body to /.test(detail)) return tag('model', 'model:route-senders', 'data-flow');
      // A model field the caller set on the object it hands on (repo/caller-sets.ts).
      if (/ before the call that hands \S+ on$/.test(detail)) return tag('model', 'model:caller-set', 'data-flow');
      // What the callers pass in place of a parameter's signature default (repo/passed-defaults.ts).
      if (/ in place of its default$/.test(detail)) return tag('model', 'model:passed-for-default', 'data-flow');
      // Callers that disagree: the one on the path the application starts from prices it (repo/entry-paths.ts).
      if (/ on the path the application starts from, in place of its default; /.test(detail)) return tag('model', 'model:entry-path-for-default', 'data-flow');
      // A request sent on an SDK model object built elsewhere takes the object's model (repo/receiver-models.ts).
      if (/^sent on \S+, a model object: /.test(detail)) return tag('model', 'model:model-object', 'framework-contract');
      // A name looked up in an AI SDK provider's alias map (`customProvider`, a provider registry: repo/provider-aliases.ts).
      if (/^\w+\([^)]*\): (the alias \S+|\S+, the only model) of the provider's \w+ /.test(detail)) return tag('model', 'model:provider-alias', 'framework-contract');
      return elsewhere ? tag('model', 'model:code-other-file', 'data-flow') : tag('model', 'model:code-in-file', 'framework-contract');
    case 'config':
      return tag('model', 'model:config', 'data-flow');
    case 'env-default':
      return tag('model', elsewhere ? 'model:env-default-other-file' : 'model:env-default', 'language-idiom');
    case 'ui-default':
      return tag('model', 'model:ui-default', 'data-flow');
    case 'annotation':
    case 'file':
      return tag('model', `model:${source.from}`, 'framework-contract');
    default:
      return tag('model', `model:${source.from}`, 'fallback');
  }
}

export function loopTags(loop: AgentLoopReport): SiteTag[] {
  const rule = loop.rule && loop.rule in LOOP_RULES ? (loop.rule as keyof typeof LOOP_RULES) : undefined;
  return [rule ? tag('loop', rule, LOOP_RULES[rule].kind) : tag('loop', `untagged (${loop.framework})`, 'fallback'), boundTag(loop)];
}

/** Where the loop's bound came from: its kind when not a plain count, else where the count was read. */
export function boundTag(loop: AgentLoopReport): SiteTag {
  if (!loop.bounded) return tag('bound', 'bound:unbounded', 'fallback');
  switch (loop.boundKind) {
    case 'cost-limit':
    case 'parameter':
      return tag('bound', `bound:${loop.boundKind}`, 'data-flow');
    case 'counter':
      return tag('bound', loop.boundAt ? 'bound:counter-other-place' : 'bound:counter', loop.boundAt ? 'data-flow' : 'language-idiom');
    case 'recursion-limit':
      return tag('bound', 'bound:recursion-limit', 'framework-contract');
    default:
      break;
  }
  if (loop.stepsFrom === 'framework-default') return tag('bound', 'bound:framework-default', 'framework-contract');
  if (loop.stepsFrom === 'code') return tag('bound', loop.framework === 'hand-written' ? 'bound:loop-header' : 'bound:framework-option', loop.framework === 'hand-written' ? 'language-idiom' : 'framework-contract');
  return tag('bound', `bound:${loop.stepsFrom}`, 'fallback');
}

/**
 * Prompt rules by detection's reason (src/core/detect: `system of client.messages.create`, `part of …`,
 * `assigned to SYSTEM_PROMPT`; src/core/repo: `… loaded by the code`, `… sent with the request at …`).
 * First match wins; the order puts the most specific first.
 */
const PROMPT_RULES: readonly (readonly [RegExp, string, CensusKind])[] = [
  // Before assembled-pieces: the texts a prompt-named builder pushes into the list it returns joined (joined-returns.ts).
  [/^part of the list \S+\(\) returns$/, 'prompt-named-list-builder', 'name-match'],
  // A prompt-named function returning a template it fills or extends in place (joined-returns.ts).
  [/^part of the text \S+\(\) returns$/, 'prompt-named-filled-template', 'name-match'],
  [/^part of .*, a role-first message builder$/, 'role-first-builder', 'language-idiom'],
  [/^part of /, 'assembled-pieces', 'data-flow'],
  // Before prompt-named-function and the description rule: a builder's return spliced by its call (returned-parts.ts).
  [/^returned by a builder (spliced|joined) into /, 'spliced-builder-return', 'data-flow'],
  // A tool's description or schema given by a call: a getter, a schema picker, `.describe(f())` (tool-part-calls.ts, repo/tool-part-texts.ts).
  [/returned by (the function the tool calls for it|the function \.describe\(\) calls|\S+\(\), (the description of the tool|a field description of schema|the input schema of the tool))/, 'tool-text-by-call', 'data-flow'],
  // A text part written by a function typed with the SDK's message types (message-part-texts.ts).
  [/^text part written into the messages of a function typed with/, 'typed-message-part', 'data-flow'],
  // A per-item template joined and spliced into a prompt (mapped-pieces.ts, joined-item-templates-py.ts).
  [/^per-item text joined into a prompt /, 'joined-item-template', 'data-flow'],
  // TypeScript: the frame a `.map` callback writes per item, the records it reads, a list of plain strings, joined into a message (mapped-items-ts.ts).
  [/^text written around each item joined into /, 'mapped-item-frame', 'data-flow'],
  [/^records whose fields are joined into /, 'mapped-item-records', 'data-flow'],
  [/^list joined into /, 'joined-literal-list', 'data-flow'],
  // A prompt-named field read from a table of texts by key (prompt-key-tables.ts): the key's name says it is a prompt.
  [/ property, read from a table of texts by key$/, 'prompt-key-table', 'name-match'],
  // Written text appended to a message's content before the message is handed on (appended-content-py.ts).
  [/^text appended to the \w+ of a message sent after it$/, 'appended-message-text', 'data-flow'],
  // LangChain tools built by position: create_*_tool(src, name, description), Tool(name, func, description) (positional-tools-py.ts).
  [/^tool description passed by position$/, 'positional-tool-description', 'framework-contract'],
  // A tool description a caller passes to a wrapper whose parameter becomes a tool constructor's description (wrapped-tool-descriptions-py.ts).
  [/^tool description passed to \S+\(\), which builds the tool/, 'wrapped-tool-description', 'data-flow'],
  // An imported builder's call spliced by a template of a sent prompt (builder-splices.ts, repo/spliced-constants.ts).
  [/ returns it: a builder spliced by a template of the prompt sent at /, 'imported-builder-splice', 'data-flow'],
  // An entry of a table of texts that a joined list of lines splices in (joined-items.ts).
  [/^table entry joined into /, 'joined-table-entry', 'data-flow'],
  // What a tool returns is sent back as the tool message (tool-results.ts): `@tool` templates, `execute` fallbacks and documents.
  [/^text returned by (@\S+ function|a tool's execute): the tool result/, 'tool-result-return', 'framework-contract'],
  // Python: a function registered on a tool object or dispatched by the tool call's name (py-tool-returns.ts, dispatched-tools.ts).
  // A tool result in an SDK's own item shape (tool-result-items.ts), and the written fields of a result serialised from a record.
  [/^tool result \(\S+ \S+\) text/, 'sdk-tool-result-item', 'framework-contract'],
  [/ field, serialised into the result$/, 'serialised-result-field', 'data-flow'],
  [/^text returned by a dispatched tool function \(.*\): the tool result/, 'dispatched-tool-return', 'data-flow'],
  [/, loaded by the code$/, 'loaded-config-file', 'data-flow'],
  [/^read by the code at |^read at .* sent with the request there$/, 'loaded-whole-file', 'data-flow'],
  [/^read from its folder by the code/, 'prompt-folder-by-key', 'data-flow'],
  [/a settings table the code picks by name$/, 'settings-table', 'data-flow'],
  [/^schema .* sent with a request at /, 'schema-sent-elsewhere', 'data-flow'],
  [/sent with the request at /, 'text-passed-to-wrapper', 'data-flow'],
  [/^added as a \w+ message by /, 'message-builder', 'data-flow'],
  [/^data formatted into /, 'formatted-data', 'data-flow'],
  [/^content of a message rebuilt from /, 'spread-messages', 'language-idiom'],
  [/__repr__/, 'repr-text', 'language-idiom'],
  [/joined into a prompt/, 'joined-items', 'language-idiom'],
  [/DSPy signature/, 'dspy-signature', 'framework-contract'],
  [/ in (agents|tasks)\.yaml$/, 'crewai-yaml', 'framework-contract'],
  [/^(jinja template|\w+ template)$/, 'prompt-file-format', 'framework-contract'],
  [/^file under prompts\//, 'prompts-folder', 'name-match'],
  [/turn format/, 'turn-format', 'framework-contract'],
  [/builds its tool definition from its docstring/, 'self-described-tool-class', 'language-idiom'],
  // llama-index's ToolMetadata / from_defaults description, or fn's docstring where none is given (llama-index-prompts-py.ts).
  [/^(description of \S+, sent as the tool's description|docstring of the function given to \S+, its tool description)/, 'llama-index-tool-metadata', 'framework-contract'],
  // A function handed to a library converter (FunctionTool(f), StructuredTool.from_function(f), function_tool(f)): its docstring (function-tool-docstrings-py.ts).
  [/^docstring of the function given to \S+, which sends it as the tool's description$/, 'converted-function-docstring', 'framework-contract'],
  // Where the schema or the tool goes decides (schema-hops-ts.ts, offered-tools.ts), not a key name.
  [/^schema description passed to \S+\(\), whose parameter reaches/, 'schema-via-helper', 'data-flow'],
  [/^description of a tool offered to the model$/, 'offered-tool-object', 'data-flow'],
  [/tool|schema|description/, 'tool-or-schema-description', 'framework-contract'],
  [/prompt class/, 'prompt-class', 'name-match'],
  [/the helper that builds /, 'helper-built-template', 'language-idiom'],
  [/^assigned to /, 'prompt-named-value', 'name-match'],
  [/^returned by /, 'prompt-named-function', 'name-match'],
  [/property$/, 'prompt-named-key', 'name-match'],
  [/^return value of @/, 'decorated-return', 'framework-contract'],
  [/, a role-first message builder$/, 'role-first-builder', 'language-idiom'],
  [/message( parts)?$|result text$/, 'role-message', 'framework-contract'],
  [/^([\w.]+|argument \d+) of \S+$/, 'sdk-argument', 'framework-contract'],
];

export function promptTags(prompt: PromptReport): SiteTag[] {
  const reason = prompt.reason ?? '';
  const hit = PROMPT_RULES.find(([test]) => test.test(reason));
  return [hit ? tag('prompt', hit[1], hit[2]) : tag('prompt', reason ? 'other-reason' : 'no-reason', 'fallback')];
}
