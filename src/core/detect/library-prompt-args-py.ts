/**
 * Python: arguments of library constructors and factories that the library sends as prompt text, tabled from each
 * library's own source (the callee must be imported from that library: the names alone are common words).
 *
 * - LangChain `FewShotPromptTemplate(prefix=…, suffix=…)` / `FewShotChatMessagePromptTemplate` (langchain_core/
 *   prompts/few_shot.py: the prefix, the formatted examples and the suffix are joined into the prompt);
 *   `AIMessagePromptTemplate.from_template(…)` (an assistant turn written into the conversation: a few-shot answer)
 *   and `ChatMessagePromptTemplate.from_template(template, role=…)` (langchain_core/prompts/chat.py).
 * - OpenAI `pydantic_function_tool(Model, name=…, description=…)` (openai/lib/_tools.py: the function's description).
 * - OpenAI Agents SDK `handoff(agent, tool_description_override=…)` (agents/handoffs.py: the handoff tool's description).
 * - Haystack `PromptBuilder(template=…)` / `ChatPromptBuilder(template=[…])` (haystack/components/builders/) and
 *   `ChatMessage.from_system/from_user/from_assistant(text)` (haystack/dataclasses/chat_message.py).
 * - AutoGen / AG2 agents' `system_message=` (autogen/agentchat/conversable_agent.py, autogen_agentchat/agents/
 *   _assistant_agent.py): the system message of every request the agent sends.
 */
import type { PromptKind } from '../report/types';
import type { SyntaxNode } from './parser';
import { CONFIDENCE, PromptReader } from './prompt-reader';
import type { SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';

interface PromptArg {
  readonly key: string;
  /** Where the library takes it by position (0-based), when it does. */
  readonly index?: number;
  readonly kind: PromptKind;
}

interface Entry {
  /** The callee as written (`FewShotPromptTemplate`, `ChatMessage.from_system`). */
  readonly callee: RegExp;
  /** The module the callee's first name is imported from. */
  readonly module: RegExp;
  readonly args: readonly PromptArg[];
}

const LANGCHAIN = /^langchain/;
const TABLE: readonly Entry[] = [
  { callee: /^FewShot(ChatMessage)?PromptTemplate$/, module: LANGCHAIN, args: [{ key: 'prefix', kind: 'instructions' }, { key: 'suffix', kind: 'user-template' }] },
  { callee: /^AIMessagePromptTemplate\.from_template$/, module: LANGCHAIN, args: [{ key: 'template', index: 0, kind: 'few-shot' }] },
  { callee: /^ChatMessagePromptTemplate\.from_template$/, module: LANGCHAIN, args: [{ key: 'template', index: 0, kind: 'user-template' }] },
  { callee: /^pydantic_function_tool$/, module: /^openai(\.|#|$)/, args: [{ key: 'description', kind: 'tool-description' }] },
  { callee: /^handoff$/, module: /^agents(\.|#|$)/, args: [{ key: 'tool_description_override', kind: 'tool-description' }] },
  { callee: /^(Chat)?PromptBuilder$/, module: /^haystack/, args: [{ key: 'template', index: 0, kind: 'user-template' }] },
  { callee: /^ChatMessage\.from_system$/, module: /^haystack/, args: [{ key: 'text', index: 0, kind: 'system' }, { key: 'content', kind: 'system' }] },
  { callee: /^ChatMessage\.from_user$/, module: /^haystack/, args: [{ key: 'text', index: 0, kind: 'user-template' }, { key: 'content', kind: 'user-template' }] },
  { callee: /^ChatMessage\.from_assistant$/, module: /^haystack/, args: [{ key: 'text', index: 0, kind: 'few-shot' }, { key: 'content', kind: 'few-shot' }] },
  { callee: /^\w*Agent$/, module: /^(autogen|autogen_agentchat|ag2|pyautogen)(\.|#|$)/, args: [{ key: 'system_message', kind: 'system' }] },
];
const MAX_CALLS = 400;

export function libraryPromptArgsPy(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry): void {
  if (syntax.language !== 'python') return;
  let prompts: PromptReader | undefined;
  for (const call of collected.calls.slice(0, MAX_CALLS)) {
    const callee = syntax.callee(call);
    const module = collected.imports.get(callee.split('.')[0]);
    const entry = module ? TABLE.find((e) => e.callee.test(callee) && e.module.test(module)) : undefined;
    if (!entry) continue;
    const args = syntax.args(call);
    for (const a of entry.args) {
      const value: SyntaxNode | undefined = args.named.get(a.key) ?? (a.index !== undefined ? args.positional[a.index] : undefined);
      if (!value) continue;
      prompts ??= new PromptReader(syntax, sites);
      prompts.promptsFrom(value, a.kind, CONFIDENCE.position, `${a.key} of ${callee}`);
    }
  }
}
