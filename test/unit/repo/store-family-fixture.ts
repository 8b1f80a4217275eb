/**
 * The NextChat-shaped repository the provider-family tests scan (store-provider-family.test.ts,
 * family-helper-implementations.test.ts): kept apart so that a test file never imports another.
 */
/** The factory module, with the two provider classes and any `extra` one (a case, its class and its module). */
export function clientApi(extra?: { readonly key: string; readonly cls: string; readonly module: string }): string {
  return `import { ChatGPTApi } from './platforms/openai';
import { ClaudeApi } from './platforms/anthropic';
${extra ? `import { ${extra.cls} } from '${extra.module}';\n` : ''}export interface ChatOptions { messages: any[]; config: { model: string; stream?: boolean }; onFinish(m: string): void }
export abstract class LLMApi {
  abstract chat(options: ChatOptions): Promise<void>;
}
export class ClientApi {
  public llm: LLMApi;
  constructor(provider: string) {
    switch (provider) {
      case 'claude':
        this.llm = new ClaudeApi();
        break;
${extra ? `      case '${extra.key}':\n        this.llm = new ${extra.cls}();\n        break;\n` : ''}      default:
        this.llm = new ChatGPTApi();
    }
  }
}
export function getClientApi(provider: string): ClientApi {
  return new ClientApi(provider);
}
`;
}

const OPENAI = `import { ChatOptions, LLMApi } from '../api';
export class ChatGPTApi implements LLMApi {
  path(p: string) { return '/api/openai/' + p; }
  async chat(options: ChatOptions) {
    let requestPayload: any;
    if (options.config.model.startsWith('dall-e')) {
      requestPayload = { model: options.config.model, prompt: 'draw', n: 1 };
    } else {
      requestPayload = { messages: options.messages, stream: false, model: options.config.model };
    }
    const chatPath = this.path('v1/chat/completions');
    const chatPayload = { method: 'POST', body: JSON.stringify(requestPayload), headers: {} };
    const res = await fetch(chatPath, chatPayload);
    options.onFinish(await res.text());
  }
  async upload(url: string, file: string) {
    await fetch(url, { method: 'POST', body: JSON.stringify({ file, name: 'x' }) });
  }
  async ownRoute(messages: any[]) {
    await fetch('/api/chat', { method: 'POST', body: JSON.stringify({ messages, model: 'gpt-4o-mini' }) });
  }
}
`;

const CLAUDE = `import { ChatOptions, LLMApi } from '../api';
export class ClaudeApi implements LLMApi {
  async chat(options: ChatOptions) {
    const payload = { messages: options.messages, model: options.config.model, max_tokens: 1024 };
    const res = await fetch(options.config.model, { method: 'POST', body: JSON.stringify(payload) });
    options.onFinish(await res.text());
  }
}
`;

const STORE = `import { create } from 'zustand';
import { getClientApi, ClientApi } from '../client/api';
import { executeMcpAction } from '../mcp/actions';

export const useChatStore = create((set, _get) => {
  function get() {
    return { ..._get(), ...methods };
  }
  const methods = {
    onNewMessage(message: string) {
      get().save(message);
      get().checkMcpJson(message);
    },
    save(message: string) {
      set({ last: message });
    },
    async onUserInput(content: string, isMcpResponse?: boolean) {
      const api: ClientApi = getClientApi('openai');
      api.llm.chat({
        messages: [{ role: 'user', content }],
        config: { model: 'gpt-4o-mini', stream: false },
        onFinish(message) {
          get().onNewMessage(message);
        },
      });
    },
    checkMcpJson(message: string) {
      if (!message.includes('json:mcp')) return;
      executeMcpAction('client', message).then((result) => {
        get().onUserInput(String(result), true);
      });
    },
  };
  return methods;
});

export const useTaskStore = create((set, get) => ({
  refresh() {
    fetch('/api/tasks').then(() => get().poll());
  },
  poll() {
    setTimeout(() => get().refresh(), 1000);
  },
}));
`;

const CHAT_UTILS = `import { fetchEventSource } from '@fortaine/fetch-event-source';
export function stream(chatPath: string, requestPayload: any, tools: any[], funcs: Record<string, Function>, options: any) {
  let running = false;
  const runTools: any[] = [];
  const finish = () => {
    if (!running && runTools.length > 0) {
      const toolCallMessage = { role: 'assistant', tool_calls: [...runTools] };
      running = true;
      return Promise.all(toolCallMessage.tool_calls.map((t) => funcs[t.function.name](t))).then((results) => {
        requestPayload.messages.push(toolCallMessage, ...results);
        setTimeout(() => {
          running = false;
          chatApi(chatPath, requestPayload, tools);
        }, 60);
      });
    }
    options.onFinish();
  };
  function chatApi(chatPath: string, requestPayload: any, tools: any) {
    fetchEventSource(chatPath, {
      method: 'POST',
      body: JSON.stringify({ ...requestPayload, tools: tools && tools.length ? tools : undefined }),
      onmessage(msg) {
        runTools.push(JSON.parse(msg.data));
      },
      onclose() {
        finish();
      },
    });
  }
  chatApi(chatPath, requestPayload, tools);
}

export function send(url: string, messages: any[]) {
  const retry = () => {
    setTimeout(() => post(), 1000);
  };
  function post() {
    fetchEventSource(url, {
      method: 'POST',
      body: JSON.stringify({ messages, model: 'gpt-4o-mini' }),
      onerror() {
        retry();
      },
    });
  }
  post();
}
`;

export const files = {
  'app/client/api.ts': clientApi(),
  'app/client/platforms/openai.ts': OPENAI,
  'app/client/platforms/anthropic.ts': CLAUDE,
  'app/store/chat.ts': STORE,
  'app/utils/chat.ts': CHAT_UTILS,
  // A factory whose classes are no chat models: a typed `complete` call on them is no request.
  'app/client/storage.ts': `export abstract class StorageApi {
  abstract complete(id: string): Promise<void>;
}
export class RemoteStorage implements StorageApi {
  async complete(id: string) {
    await fetch(this.url(), { method: 'POST', body: JSON.stringify({ id, done: true }) });
  }
  url() { return 'https://tasks.example.com/done'; }
}
export function getStorageApi(kind: string): StorageApi {
  return new RemoteStorage();
}
`,
  'app/store/tasks.ts': `import { getStorageApi, StorageApi } from '../client/storage';
export async function finishTask(id: string) {
  const storage: StorageApi = getStorageApi('remote');
  await storage.complete(id);
}
`,
  // A cycle of store methods through the request with no tool run: a retry, no agent loop.
  'app/store/retry.ts': `import { create } from 'zustand';
import { getClientApi, ClientApi } from '../client/api';
export const useRetryStore = create((set, get) => ({
  send(content: string) {
    const api: ClientApi = getClientApi('openai');
    api.llm.chat({ messages: [{ role: 'user', content }], config: { model: 'gpt-4o-mini' }, onFinish() { get().retry(content); } });
  },
  retry(content: string) {
    setTimeout(() => get().send(content), 1000);
  },
}));
`,
  'app/mcp/actions.ts': `export async function executeMcpAction(client: string, req: string) { return { client, req }; }\n`,
};

