import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scanTree } from './fixture-scan';

/** The billed requests of one file: `[line, resolved model, how the model was found]`, by line. */
function requests(r: ScanResult, path: string): [number, string | undefined, string | undefined][] {
  return file(r, path)
    .calls.filter((c) => c.role !== 'binding' && c.role !== 'implementation')
    .map((c): [number, string | undefined, string | undefined] => [c.line, c.modelResolved, c.modelSource?.detail])
    .sort((a, b) => a[0] - b[0]);
}

const PY_AGENT = `from langchain.chat_models import ChatOpenAI


class Summarizer:
    def __init__(self, model_name="gpt-3.5-turbo", temperature=0):
        self.llm = ChatOpenAI(model_name=model_name, temperature=temperature)

    def summarize(self, text):
        return self.llm.invoke([("user", "Summarize: " + text)]).content
`;

describe('a request priced on a parameter default runs on what the callers pass in its place', () => {
  it('Python: a class whose model parameter defaults to one model, built by the application with another (through its own default)', async () => {
    const r = await scanTree({
      'app/summarizer.py': PY_AGENT,
      'app/main.py': `from app.summarizer import Summarizer


class App:
    def __init__(self, summary_model_name="gpt-4"):
        self.summarizer = Summarizer(model_name=summary_model_name)

    def run(self, text):
        return self.summarizer.summarize(text)
`,
    });
    const [[line, model, detail]] = requests(r, 'app/summarizer.py');
    assert.equal(line, 9);
    assert.equal(model, 'gpt-4');
    assert.match(detail ?? '', /Summarizer\.__init__\(model_name=…\) is called with "gpt-4"/);
  });

  it('Python look-alikes: no caller passes the parameter, or callers pass different models: the default stays, and says which', async () => {
    const none = await scanTree({
      'app/summarizer.py': PY_AGENT,
      'app/main.py': `from app.summarizer import Summarizer

summarizer = Summarizer(temperature=0.2)
`,
    });
    assert.deepEqual(requests(none, 'app/summarizer.py'), [[9, 'gpt-3.5-turbo', 'default of parameter model_name']]);
    const split = await scanTree({
      'app/summarizer.py': PY_AGENT,
      'app/fast.py': `from app.summarizer import Summarizer

fast = Summarizer(model_name="gpt-4o-mini")
`,
      'app/slow.py': `from app.summarizer import Summarizer

slow = Summarizer(model_name="gpt-4o")
`,
    });
    const [[, model, detail]] = requests(split, 'app/summarizer.py');
    assert.equal(model, 'gpt-3.5-turbo');
    assert.match(detail ?? '', /callers pass different models \(gpt-4o(-mini)?, gpt-4o(-mini)?\)/);
  });

  it('TypeScript: a function whose model parameter has a default, called with another model; a literal at the call is never replaced', async () => {
    const r = await scanTree({
      'src/ask.ts': `import OpenAI from "openai";

const client = new OpenAI();

export async function ask(prompt: string, model = "gpt-4o-mini") {
  const res = await client.chat.completions.create({ model, messages: [{ role: "user", content: prompt }] });
  return res.choices[0].message.content;
}

export async function fixed(prompt: string, model = "gpt-4o-mini") {
  const res = await client.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: prompt + model }] });
  return res.choices[0].message.content;
}
`,
      // The caller is a module of the LLM code (it uses the SDK too): the scan indexes such files.
      'src/main.ts': `import OpenAI from "openai";
import { ask, fixed } from "./ask";

export async function main(question: string, client: OpenAI) {
  const a = await ask(question, "gpt-4o");
  const b = await fixed(question, "o3");
  return [a, b, client];
}
`,
    });
    const got = requests(r, 'src/ask.ts').map(([line, model]) => [line, model]);
    assert.deepEqual(got, [
      [6, 'gpt-4o'],
      [11, 'gpt-4.1'],
    ]);
  });
});
