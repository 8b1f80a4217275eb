import * as assert from 'node:assert/strict';
import { scanTree } from './fixture-scan';

/** A helper that posts the body it is given: the request's model is the `model` its caller writes in that body. */
const SENDER_TS = `export interface ChatPayload { model: string; messages: { role: string; content: string }[]; stream: boolean }

export async function streamChat(payload: ChatPayload) {
  const res = await fetch('https://api.together.xyz/v1/chat/completions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const decoder = new TextDecoder();
  return res.body!.pipeThrough(
    new TransformStream({
      transform(chunk, controller) {
        // Another binding of the same name, inside a callback: the event sent to the browser.
        const payload = { text: decoder.decode(chunk) };
        controller.enqueue(JSON.stringify(payload));
      },
    }),
  );
}
`;

const ROUTE_TS = `import { streamChat, type ChatPayload } from '../lib/stream-chat';

export async function POST(req: Request) {
  const { messages } = await req.json();
  const payload: ChatPayload = {
    model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    messages,
    stream: true,
  };
  return new Response(await streamChat(payload));
}
`;

describe('a request body a caller builds and a helper sends', () => {
  it('TypeScript: fetch(…, { body: JSON.stringify(payload) }) in a helper takes the model its caller in another module writes, past a same-named local of a callback', async () => {
    const r = await scanTree({ 'lib/stream-chat.ts': SENDER_TS, 'app/route.ts': ROUTE_TS });
    const calls = r.files.find((f) => f.path === 'lib/stream-chat.ts')?.calls ?? [];
    assert.equal(calls.length, 1);
    assert.equal(calls[0].model, 'meta-llama/Llama-3.3-70B-Instruct-Turbo', JSON.stringify(calls[0].modelSource));
    assert.deepEqual(calls[0].modelSource?.at, { path: 'app/route.ts', line: 6 });
  });

  it('TypeScript look-alike: the helper itself reassigning its parameter (not inside a callback) still decides the model', async () => {
    const sender = SENDER_TS.replace("  const res = await fetch(", "  payload = { ...payload, model: 'mistralai/Mixtral-8x7B-Instruct-v0.1' };\n  const res = await fetch(");
    const r = await scanTree({ 'lib/stream-chat.ts': sender, 'app/route.ts': ROUTE_TS });
    const calls = r.files.find((f) => f.path === 'lib/stream-chat.ts')?.calls ?? [];
    assert.equal(calls[0]?.model, 'mistralai/Mixtral-8x7B-Instruct-v0.1', JSON.stringify(calls[0]?.modelSource));
  });

  const HANDLER_PY = `from litellm import acompletion

STREAMING_ONLY = ["openai/qwq-plus"]


class Handler:
    async def chat_completion(self, model: str, system: str, user: str, temperature: float = 0.2):
        if model in STREAMING_ONLY:
            kwargs = {"model": model, "messages": [{"role": "user", "content": system + user}]}
        else:
            kwargs = {"model": model, "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}]}
        kwargs["temperature"] = temperature
        return await self._send(**kwargs)

    async def _send(self, **kwargs):
        return await acompletion(**kwargs)
`;

  it('Python: acompletion(**kwargs) in a helper whose **kwargs a caller fills from a dict it built: the model of that dict, followed to its caller', async () => {
    const review = `from app.handler import Handler\n\n\nasync def review(diff):\n    return await Handler().chat_completion(model="claude-3-5-haiku-20241022", system="You review diffs.", user=diff)\n`;
    const r = await scanTree({ 'app/handler.py': HANDLER_PY, 'app/review.py': review });
    const calls = r.files.find((f) => f.path === 'app/handler.py')?.calls ?? [];
    assert.equal(calls.length, 1);
    assert.equal(calls[0].model, 'claude-3-5-haiku-20241022', JSON.stringify(calls[0].modelSource));
    assert.deepEqual(calls[0].modelSource?.at, { path: 'app/review.py', line: 5 });
  });

  it('Python look-alike: a helper whose callers splat in no model stays on the default, and a model= beside the splat wins', async () => {
    const bare = HANDLER_PY.replace(/kwargs = \{"model": model, /g, 'kwargs = {');
    const review = `from app.handler import Handler\n\n\nasync def review(diff):\n    return await Handler().chat_completion(model="claude-3-5-haiku-20241022", system="s", user=diff)\n`;
    const none = await scanTree({ 'app/handler.py': bare, 'app/review.py': review });
    const call = none.files.find((f) => f.path === 'app/handler.py')?.calls[0];
    assert.notEqual(call?.model, 'claude-3-5-haiku-20241022');
    assert.equal(call?.modelSource?.from === 'code', false, JSON.stringify(call?.modelSource));

    const pinned = HANDLER_PY.replace('acompletion(**kwargs)', 'acompletion(model="gpt-4o-mini", **kwargs)');
    const r = await scanTree({ 'app/handler.py': pinned, 'app/review.py': review });
    assert.equal(r.files.find((f) => f.path === 'app/handler.py')?.calls[0]?.model, 'gpt-4o-mini');
  });
});

describe('a configuration filled by a table of per-key parsers', () => {
  const CONFIG = `const parsers = {
  locale(locale?: string) {
    if (!locale) {
      return 'en';
    }
    return locale;
  },
  model(model?: string) {
    if (!model || model.length === 0) {
      return 'gpt-4o-mini';
    }
    return model;
  },
} as const;

type Keys = keyof typeof parsers;

export const getConfig = async (cli: Partial<Record<Keys, string>> = {}) => {
  const parsed: Record<string, unknown> = {};
  for (const key of Object.keys(parsers) as Keys[]) {
    const parse = parsers[key];
    parsed[key] = parse(cli[key]);
  }
  return parsed as { locale: string; model: string };
};
`;
  const SEND = `import OpenAI from 'openai';
const client = new OpenAI();
export const summarize = async (model: string, diff: string) => client.chat.completions.create({ model, messages: [{ role: 'user', content: diff }] });
`;
  const MAIN = `import { getConfig } from './config';
import { summarize } from './send';
export async function main(diff: string) {
  const config = await getConfig({ locale: 'fr' });
  return summarize(config.model, diff);
}
`;

  it("a field of the filled object is what that key's parser returns when nothing is configured", async () => {
    const r = await scanTree({ 'src/config.ts': CONFIG, 'src/send.ts': SEND, 'src/main.ts': MAIN });
    const call = r.files.find((f) => f.path === 'src/send.ts')?.calls[0];
    assert.equal(call?.model, 'gpt-4o-mini', JSON.stringify(call?.modelSource));
    assert.deepEqual(call?.modelSource?.at, { path: 'src/config.ts', line: 10 });
  });

  it('look-alike: a loop over the table that fills nothing from its parsers (copies raw values) gives no default', async () => {
    const copying = CONFIG.replace('parsed[key] = parse(cli[key]);', 'parsed[key] = cli[key];');
    const r = await scanTree({ 'src/config.ts': copying, 'src/send.ts': SEND, 'src/main.ts': MAIN });
    const call = r.files.find((f) => f.path === 'src/send.ts')?.calls[0];
    assert.notEqual(call?.modelSource?.from, 'code', JSON.stringify(call?.modelSource));
  });
});
