import * as assert from 'node:assert/strict';
import { detectFile, type DetectedCall } from '../../../src/core/detect';

const requests = async (src: string, path: string): Promise<DetectedCall[]> => (await detectFile(src, path)).calls.filter((c) => c.role !== 'binding');
const shape = (c: DetectedCall): [number, string, string | undefined, string | undefined] => [c.line, c.framework, c.model, c.providerHint];

describe('detect: provider SDK request methods (sdk-calls, model-objects)', () => {
  it('Mistral v1, Ollama (client and module), Bedrock converse in Python, each with its model and vendor', async () => {
    const src = [
      'from mistralai import Mistral',
      'import ollama',
      'from ollama import Client',
      'import boto3',
      'class Provider:',
      '    def __init__(self):',
      '        self.client = Mistral(api_key="k")',
      '        self.local = Client("http://localhost:11434")',
      '    def ask(self, prompt):',
      '        a = self.client.chat.complete(model="mistral-small-latest", messages=[{"role": "user", "content": prompt}])',
      '        b = self.local.generate(model="llama3", prompt=prompt, system="Answer briefly.")',
      '        c = ollama.chat(model="llama3", messages=[])',
      '        d = boto3.client("bedrock-runtime").converse(modelId="amazon.nova-micro-v1:0", messages=[])',
      '        e = self.local.list()',
      '',
    ].join('\n');
    const found = await requests(src, 'p.py');
    assert.deepEqual(found.map(shape), [
      [10, 'mistral', 'mistral-small-latest', 'mistral'],
      [11, 'ollama', 'llama3', 'ollama'],
      [12, 'ollama', 'llama3', 'ollama'],
      [13, 'bedrock', 'amazon.nova-micro-v1:0', 'bedrock'],
    ]);
    const f = await detectFile(src, 'p.py');
    assert.ok(f.prompts.some((p) => p.kind === 'system' && p.text === 'Answer briefly.'), 'Ollama generate: system= is the system prompt');
  });

  it('TypeScript: Mistral stream, ollama.chat, Bedrock ConverseCommand, Cohere chatStream with its preamble', async () => {
    const src = [
      "import { Mistral } from '@mistralai/mistralai';",
      "import ollama from 'ollama';",
      "import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';",
      "import { CohereClient } from 'cohere-ai';",
      "const client = new Mistral({ apiKey: 'x' });",
      "const co = new CohereClient({ token: 'x' });",
      'export async function run(q: string) {',
      "  await client.chat.stream({ model: 'mistral-large-latest', messages: [{ role: 'user', content: q }] });",
      "  await ollama.chat({ model: 'llama3.1', messages: [{ role: 'user', content: q }] });",
      "  await new BedrockRuntimeClient({}).send(new ConverseCommand({ modelId: 'amazon.nova-micro-v1:0', messages: [] }));",
      "  await co.chatStream({ model: 'command-r-08-2024', message: q, preamble: 'You are terse.' });",
      '}',
      '',
    ].join('\n');
    assert.deepEqual((await requests(src, 'r.ts')).map(shape), [
      [8, 'mistral', 'mistral-large-latest', 'mistral'],
      [9, 'ollama', 'llama3.1', 'ollama'],
      [10, 'bedrock', 'amazon.nova-micro-v1:0', 'bedrock'],
      [11, 'cohere', 'command-r-08-2024', 'cohere'],
    ]);
  });

  it('an OpenAI-compatible SDK (Groq) prices on its own vendor; the openai client keeps openai', async () => {
    const groq = await requests('from groq import Groq\nclient = Groq()\nclient.chat.completions.create(model="llama-3.3-70b-versatile", messages=[])\n', 'g.py');
    assert.deepEqual(groq.map(shape), [[3, 'openai', 'llama-3.3-70b-versatile', 'groq']]);
    const openai = await requests('from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[])\n', 'o.py');
    assert.deepEqual(openai.map(shape), [[3, 'openai', 'gpt-4o', 'openai']]);
  });

  it('Gemini model objects: generate_content and a chat session send take the bound model (Python, JS, google-genai chats)', async () => {
    const py = [
      'import google.generativeai as genai',
      'class Gemini:',
      '    def __init__(self):',
      '        self.model = genai.GenerativeModel("gemini-1.5-pro")',
      '        self.chat = self.model.start_chat(history=[])',
      '    def ask(self, prompt):',
      '        a = self.model.generate_content(prompt)',
      '        b = self.chat.send_message(prompt)',
      '',
    ].join('\n');
    assert.deepEqual((await requests(py, 'gm.py')).map(shape), [
      [7, 'google', 'gemini-1.5-pro', 'google'],
      [8, 'google', 'gemini-1.5-pro', 'google'],
    ]);
    const ts = [
      "import { GoogleGenerativeAI } from '@google/generative-ai';",
      'export async function POST(settings: { model: string }, history: any[], last: string) {',
      "  const genAI = new GoogleGenerativeAI('');",
      '  const googleModel = genAI.getGenerativeModel({ model: settings.model });',
      '  const chat = googleModel.startChat({ history });',
      '  return await chat.sendMessageStream(last);',
      '}',
      '',
    ].join('\n');
    const [send] = await requests(ts, 'route.ts');
    assert.equal(send.line, 6);
    assert.equal(send.callee, 'chat.sendMessageStream');
    assert.equal(send.model, undefined);
    assert.ok(send.modelRef, 'the model chosen at run time is a reference for the repository pass');
    const genai = await requests('from google import genai\nclient = genai.Client()\nchat = client.chats.create(model="gemini-2.0-flash")\nchat.send_message("hi")\n', 'c.py');
    assert.deepEqual(genai.map(shape), [[4, 'google', 'gemini-2.0-flash', 'google']]);
  });

  it('traps: common method names without the SDK, or not traced to a model, are not requests', async () => {
    const src = [
      'from slack_sdk import WebClient',
      'bot = WebClient()',
      'def chat(model, text):',
      '    return text',
      'chat(model="x", text="y")',
      'bot.chat.complete(model="x")',
      'session = bot.chats.create(model="y")',
      'session.send_message("hi")',
      'bot.converse(text="hello")',
      '',
    ].join('\n');
    assert.deepEqual(await requests(src, 't.py'), []);
    // Ollama imported, but a call without the required model is not one of its requests.
    const noModel = await requests('import ollama\nclass Bot:\n    def chat(self, text):\n        return text\nBot().chat("hi")\n', 'u.py');
    assert.deepEqual(noModel, []);
    // A chat session of a messaging SDK in a file that also binds a Gemini model: not traced to it, not a request.
    const mixed = await requests('import google.generativeai as genai\nfrom chatlib import Chat\nm = genai.GenerativeModel("gemini-1.5-pro")\nroom = Chat()\nroom.send_message("hi")\n', 'v.py');
    assert.deepEqual(mixed, []);
  });
});

describe('detect: the vendor of an OpenAI client pointed at another provider (client-hosts)', () => {
  it('a constant base URL names the vendor (TS baseURL, Python base_url on a self field); OpenAI itself and a run-time URL say nothing', async () => {
    const ts = await requests("import OpenAI from 'openai';\nconst groq = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1' });\nawait groq.chat.completions.create({ model: 'llama-3.3-70b-versatile', messages: [] });\n", 'g.ts');
    assert.deepEqual(ts.map(shape), [[3, 'openai', 'llama-3.3-70b-versatile', 'groq']]);
    const py = [
      'from openai import OpenAI',
      'class DeepSeek:',
      '    def __init__(self):',
      '        self.client = OpenAI(base_url="https://api.deepseek.com")',
      '    def ask(self, q):',
      '        return self.client.chat.completions.create(model="deepseek-chat", messages=[])',
      '',
    ].join('\n');
    assert.deepEqual((await requests(py, 'd.py')).map(shape), [[6, 'openai', 'deepseek-chat', 'deepseek']]);
    const own = await requests("import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: 'https://api.openai.com/v1' });\nawait c.chat.completions.create({ model: 'gpt-4o', messages: [] });\n", 'o.ts');
    assert.deepEqual(own.map(shape), [[3, 'openai', 'gpt-4o', 'openai']]);
    const runtime = await requests("import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: process.env.BASE_URL });\nawait c.chat.completions.create({ model: 'gpt-4o', messages: [] });\n", 'r.ts');
    assert.deepEqual(runtime.map(shape), [[3, 'openai', 'gpt-4o', 'openai']]);
  });
});
