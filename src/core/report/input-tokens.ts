/**
 * The input of a call's first request: its messages with chat framing, tool descriptions, prompt
 * files the repository loads for it, prompts imported from other files, and placeholders at their
 * assumed sizes. Every size that is a guess is recorded (as text and as a structured assumption) and
 * added to the call's uncertain inputs, so its range says how far the figure could swing.
 */
import type { AnnotationValues, DetectedCall, DetectedFile, DetectedPrompt } from '../detect/types';
import type { LoadedPrompt } from '../repo/types';
import { countChatTokens, ratioProfileForModel, tokenizerForModel, type ChatMessage, type ToolSchema } from '../tokenize';
import type { Assumptions } from '../workload';
import { placeholderNote } from './assumption-notes';
import type { ModelChoice } from './models';
import type { UncertainInputs } from './ranges';
import { literalText, placeholderSize } from './sizes';
import type { SiteAssumption, UnknownInput } from './types';
import { inputIsUnread, unknownInput } from './unknown-input';

export interface InputContext {
  readonly file: DetectedFile;
  readonly assumptions: Assumptions;
  readonly annotation: AnnotationValues | undefined;
  /** Text of a prompt another file declares and this one imports, where the host can look it up. */
  readonly importedPrompt?: (fromPath: string, module: string, name: string) => DetectedPrompt | undefined;
}

/** What a call's input is made of, and what of it was assumed. */
export interface InputSink {
  readonly assumed: string[];
  readonly notes: SiteAssumption[];
  readonly uncertain: UncertainInputs;
  /** Set when nothing the call sends could be read (unknown-input.ts). */
  unknown?: UnknownInput;
}

export function inputTokens(ctx: InputContext, prompts: readonly DetectedPrompt[], call: DetectedCall, model: ModelChoice, sink: InputSink, loaded: readonly LoadedPrompt[]): number {
  const { assumed, notes, uncertain } = sink;
  const a = ctx.assumptions;
  const messages: ChatMessage[] = [];
  const tools: ToolSchema[] = [];
  let placeholderTokens = 0;
  for (const p of prompts) {
    const text = literalText(p);
    if (p.kind === 'tool-description') tools.push({ name: `tool${tools.length + 1}`, description: text });
    else messages.push({ role: p.kind === 'system' || p.kind === 'instructions' ? 'system' : p.kind === 'few-shot' ? 'assistant' : 'user', content: text });
    for (const name of p.placeholders) {
      const size = placeholderSize(name, a, ctx.annotation ?? p.annotation);
      placeholderTokens += size.assumedTokens;
      if (size.from === 'default') uncertain.defaultPlaceholderTokens += size.assumedTokens;
      if (size.from !== 'annotation') assumed.push(`placeholder ${name}: ${size.assumedTokens} tokens (${size.from})`);
      notes.push(placeholderNote(size));
    }
  }
  for (const file of loaded) {
    if (file.asTool) tools.push({ name: file.name, description: file.text });
    else messages.push({ role: 'system', content: file.text });
    assumed.push(file.detail ? `${file.name}: ${file.detail}` : `${file.name}: text of ${file.path}, read at ${file.from.path}:${file.from.line}`);
  }
  for (const name of call.inputPlaceholders) {
    if (loaded.some((l) => l.name === name)) continue;
    const module = ctx.file.imports?.[name];
    const imported = module ? ctx.importedPrompt?.(ctx.file.path, module, name) : undefined;
    if (imported) {
      messages.push({ role: imported.kind === 'system' || imported.kind === 'instructions' ? 'system' : 'user', content: literalText(imported) });
      for (const p of imported.placeholders) {
        const size = placeholderSize(p, a, ctx.annotation);
        placeholderTokens += size.assumedTokens;
        if (size.from === 'default') uncertain.defaultPlaceholderTokens += size.assumedTokens;
      }
      assumed.push(`${name}: text imported from ${module}`);
      notes.push({ subject: 'imported-prompt', name, value: module ?? name, from: 'code', detail: `text of ${name} read from ${module}` });
      continue;
    }
    const size = placeholderSize(name, a, ctx.annotation);
    placeholderTokens += size.assumedTokens;
    if (size.from === 'default') uncertain.defaultPlaceholderTokens += size.assumedTokens;
    messages.push({ role: 'user', content: '' });
    if (size.from !== 'annotation') assumed.push(`input ${name}: ${size.assumedTokens} tokens (${size.from})`);
    notes.push(placeholderNote(size, 'input'));
  }
  // Nothing read: the input is unknown, priced at one default-sized input with its spread, never as 0.
  if (!messages.length && !tools.length && !placeholderTokens && inputIsUnread(call)) {
    sink.unknown = unknownInput(call, a, sink);
    return sink.unknown.assumed;
  }
  const tokenizer = tokenizerForModel(model.entry ?? model.id);
  const profile = ratioProfileForModel(model.entry ?? model.id);
  const chat = countChatTokens(messages, tools, tokenizer, { profile, framing: model.provider?.chatFraming });
  if (chat.uncertainty !== undefined) {
    uncertain.approximateTokens = chat.tokens;
    uncertain.approximateUncertainty = chat.uncertainty;
  }
  return chat.tokens + placeholderTokens;
}
