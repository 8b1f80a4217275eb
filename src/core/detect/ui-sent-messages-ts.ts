/**
 * A message a chat UI sends of its own through the AI SDK's UI hooks: `sendMessage({ text: "Personalize my
 * experience" })` (AI SDK 5 `useChat().sendMessage`, ai `ui/chat.ts` `AbstractChat.sendMessage(message: { text, files?,
 * metadata?, messageId? } | UIMessage)`: a `text` becomes the user message's text part, posted to the chat route as the
 * next request's last user turn). `append({ role: "user", content })` (AI SDK 3/4) is a `{role, content}` message and
 * is read as any message is (prompt-places.ts).
 *
 * Only in a file that uses the AI SDK's UI package (an import of `@ai-sdk/react|vue|svelte`, `ai/react|vue|svelte`,
 * or a `useChat` call): `sendMessage({ text })` of a chat SDK, a socket or a queue producer sends no prompt. The text
 * written in place, or a field of the record a list callback is handed (mapped-record-fields.ts).
 */
import { mappedRecordTexts } from './mapped-record-fields';
import { CONFIDENCE, PromptReader } from './prompt-reader';
import type { SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';

const UI_PACKAGE = /^(@ai-sdk\/(react|vue|svelte|angular)|ai\/(react|vue|svelte))$/;
const SEND = /(^|\.)sendMessage$/;
const MAX_CALLS = 400;

export function uiSentMessagesTs(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry): void {
  if (syntax.language !== 'typescript' || !usesChatUi(syntax, collected)) return;
  let prompts: PromptReader | undefined;
  for (const call of collected.calls.slice(0, MAX_CALLS)) {
    if (!SEND.test(syntax.callee(call))) continue;
    const arg = syntax.args(call).positional[0];
    const message = arg ? syntax.entries(arg) : undefined;
    const text = message && !message.has('role') && !message.has('type') ? message.get('text') : undefined;
    if (!text) continue;
    prompts ??= new PromptReader(syntax, sites);
    if (syntax.isTextLiteral(syntax.resolve(text))) prompts.promptsFrom(text, 'user-template', CONFIDENCE.message, 'text of a user message sent by useChat().sendMessage');
    for (const t of mappedRecordTexts(syntax, text)) prompts.promptsFrom(t, 'user-template', CONFIDENCE.message, 'text of a user message sent by useChat().sendMessage, a field of each record the list maps');
  }
}

function usesChatUi(syntax: LanguageSyntax, collected: Collected): boolean {
  for (const module of collected.imports.values()) if (UI_PACKAGE.test(module)) return true;
  return collected.calls.some((c) => /(^|\.)useChat$/.test(syntax.callee(c)));
}
