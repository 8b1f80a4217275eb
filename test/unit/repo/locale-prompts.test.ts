import * as assert from 'node:assert/strict';
import { scanTree } from './fixture-scan';

// Prompts kept in locale objects and sent as message contents (locale-prompts.ts).

const CN = `const cn = {
  Store: {
    BotHello: "有什么可以帮你的吗",
    Prompt: {
      History: (content: string) => "这是历史聊天总结作为前情提要：" + content,
      Topic:
        "使用四到五个字直接返回这句话的简要主题，不要解释",
    },
  },
  Chat: {
    Prompt: "请输入",
  },
};

export type LocaleType = typeof cn;
export default cn;
`;

const EN = `import { LocaleType } from "./index";
const en: LocaleType = {
  Store: {
    BotHello: "Hello! How can I assist you today?",
    Prompt: {
      History: (content: string) =>
        "This is a summary of the chat history as a recap: " + content,
      Topic:
        "Please generate a four to five word title summarizing our conversation.",
    },
  },
  Chat: {
    Prompt: "Type a message",
  },
};
export default en;
`;

const TW = `const tw = {
  Store: {
    Prompt: {
      Topic: "使用四到五個字直接返回這句話的簡要主題",
    },
  },
};
export default tw;
`;

const INDEX = `import cn from "./cn";
import en from "./en";
import tw from "./tw";
export type { LocaleType } from "./cn";
const ALL = { cn, en, tw };
export default en;
`;

const STORE = `import Locale from "../locales";
import { createMessage, MessageRole } from "./message";

export const BOT_HELLO = createMessage({
  role: "assistant",
  content: Locale.Store.BotHello,
});

export function memory(summary: string) {
  return {
    role: MessageRole.System,
    content: Locale.Store.Prompt.History(summary),
    date: "",
  };
}

export async function title(api: any, messages: any[]) {
  const topicMessages = messages.concat(
    createMessage({
      role: "user",
      content: Locale.Store.Prompt.Topic,
    }),
  );
  return api.llm.chat({ messages: topicMessages, config: { model: "gpt-4o-mini" } });
}

export function meta() {
  return [{ name: "description", content: Locale.Chat.Prompt }];
}
`;

const MESSAGE = `export enum MessageRole { System = "system", User = "user" }
export function createMessage(m: any) { return { id: "x", date: "", ...m }; }
`;

describe('prompts kept in locale objects', () => {
  it('a locale text a message content takes is a prompt in the base languages (English, the type source)', async () => {
    const r = await scanTree({ 'app/locales/cn.ts': CN, 'app/locales/en.ts': EN, 'app/locales/tw.ts': TW, 'app/locales/index.ts': INDEX, 'app/store/chat.ts': STORE, 'app/store/message.ts': MESSAGE });
    const spans = (path: string) => (r.files.find((f) => f.path === path)?.prompts ?? []).map((p) => `${p.line}-${p.endLine}`).sort();
    assert.deepEqual(spans('app/locales/en.ts'), ['6-7', '8-9']);
    assert.deepEqual(spans('app/locales/cn.ts'), ['5-5', '6-7']);
    // A translation of the same text is picked by the browser: the base languages stand for it.
    assert.deepEqual(spans('app/locales/tw.ts'), []);
    const kinds = (r.files.find((f) => f.path === 'app/locales/en.ts')?.prompts ?? []).map((p) => p.kind).sort();
    assert.deepEqual(kinds, ['system', 'user-template']);
  });

  it('a greeting bubble, a text with no role beside it, and a non-locale module are not prompts (traps)', async () => {
    const strings = `export default { Store: { Prompt: { Topic: "Please write a title for this conversation now." } } };\n`;
    const store = `import Strings from "../strings";\nexport const m = { role: "user", content: Strings.Store.Prompt.Topic };\n`;
    const r = await scanTree({ 'app/locales/cn.ts': CN, 'app/locales/en.ts': EN, 'app/locales/index.ts': INDEX, 'app/store/chat.ts': STORE.replace(/content: Locale\.Store\.Prompt\.\w+(\(summary\))?,/g, 'content: "",'), 'app/store/message.ts': MESSAGE, 'app/strings.ts': strings, 'app/store/other.ts': store });
    for (const path of ['app/locales/en.ts', 'app/locales/cn.ts']) {
      const lines = (r.files.find((f) => f.path === path)?.prompts ?? []).map((p) => p.line);
      assert.deepEqual(lines, [], `${path}: ${lines.join(', ')}`);
    }
  });
});
