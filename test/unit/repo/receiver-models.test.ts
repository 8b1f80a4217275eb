import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { scanTree } from './fixture-scan';

/** The requests of a file (bindings left out), by line. */
function requests(r: ScanResult, path: string) {
  const f = r.files.find((x) => x.path === path);
  assert.ok(f, `${path} reported (have ${r.files.map((x) => x.path).join(', ')})`);
  return f.calls.filter((c) => c.role !== 'binding');
}

describe('a request sent on a model object built in another module takes the object’s model (receiver-models)', () => {
  it('Google: an imported getGenerativeModel object wins over a string parameter named model; an if/else-if/else picks the final else', async () => {
    const r = await scanTree({
      'lib/gemini.ts': `import { GoogleGenerativeAI } from '@google/generative-ai'
const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY || '')
export const quick = genAI.getGenerativeModel({ model: 'gemini-2.0-flash', generationConfig: { temperature: 0 } })
export const deep = genAI.getGenerativeModel({ model: 'gemini-2.5-pro' })
export const thinking = genAI.getGenerativeModel({ model: 'gemini-2.0-flash-thinking-exp-01-21' })
`,
      'lib/send.ts': `import { quick, deep, thinking } from './gemini'
export async function askGemini(text: string, model: string) {
  let out
  if (model === 'think') {
    out = await thinking.generateContent(text)
  } else if (model === 'deep') {
    out = await deep.generateContent(text)
  } else {
    out = await quick.generateContent(text)
  }
  return out.response.text()
}
export async function ask(text: string, id: string) {
  const [vendor, model] = id.split('__')
  if (vendor === 'google') return askGemini(text, model)
  throw new Error('unknown vendor')
}
export const answer = (q: string) => ask('Answer briefly: ' + q, 'google__gemini-fast')
`,
    });
    const [c] = requests(r, 'lib/send.ts');
    assert.equal(c.modelResolved, 'gemini-2.0-flash');
    assert.match(c.modelSource?.detail ?? '', /sent on quick, a model object/);
  });

  it('LangChain.js and Python: module constants holding chat models and a genai.GenerativeModel, imported and sent elsewhere', async () => {
    const r = await scanTree({
      'src/llms.ts': `import { ChatOpenAI } from '@langchain/openai'
import { ChatAnthropic } from '@langchain/anthropic'
export const cheap = new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0 })
export const strongModel = new ChatAnthropic({ model: 'claude-3-5-sonnet-20241022' })
`,
      'src/plan.ts': `import { strongModel } from './llms'
export async function plan(input: string) {
  const reply = await strongModel.invoke(input)
  return reply.content
}
`,
      'py/models.py': `import google.generativeai as genai\n\nflash = genai.GenerativeModel(model_name="gemini-1.5-flash")\n`,
      'py/agent.py': `from models import flash\n\ndef answer(prompt: str, model: str = "gemini-1.0-pro"):\n    return flash.generate_content(prompt).text\n`,
    });
    assert.equal(requests(r, 'src/plan.ts')[0].modelResolved, 'claude-3-5-sonnet');
    assert.equal(requests(r, 'py/agent.py')[0].modelResolved, 'gemini-1.5-flash');
  });

  it('a request that writes its own model keeps it; a client receiver is no model object', async () => {
    const r = await scanTree({
      'src/clients.ts': `import OpenAI from 'openai'\nexport const client = new OpenAI()\n`,
      'src/chat.ts': `import { client } from './clients'
export async function chat(messages: any[]) {
  return client.chat.completions.create({ model: 'gpt-4o', messages })
}
`,
    });
    assert.equal(requests(r, 'src/chat.ts')[0].modelResolved, 'gpt-4o');
  });
});
