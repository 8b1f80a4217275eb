import * as assert from 'node:assert/strict';
import { detectFile, type DetectedCall, type DetectedFile } from '../../../src/core/detect';

const at = (f: DetectedFile, line: number): DetectedCall => {
  const c = f.calls.find((x) => x.line === line);
  assert.ok(c, `a call at line ${line}; found ${f.calls.map((x) => x.line).join(', ')}`);
  return c;
};

/** wandb/openui frontend/src/api/openai.ts, reduced: two helpers of one module that both send `model`. */
const TWO_HELPERS = `import OpenAI from 'openai'
const openai = new OpenAI()

export async function createOrRefine(options: CreateOptions) {
  let { model, systemPrompt: sp } = options
  const { image, query } = options
  if (image) {
    if (model.startsWith('gpt')) {
      model = 'gpt-4o-mini'
    }
  }
  return openai.chat.completions.create({ model, messages: [{ role: 'system', content: sp }, { role: 'user', content: query }] })
}

export async function convert(options: ConvertOptions) {
  const { framework, model } = options
  return openai.chat.completions.create({ model, messages: [{ role: 'user', content: framework }] })
}
`;

describe('detect: the model a name holds, by the scope and class it is read in', () => {
  it('TypeScript: a guarded reassignment is an alternative of the destructured parameter, never another function’s model', async () => {
    const f = await detectFile(TWO_HELPERS, 'openai.ts');
    const create = at(f, 12);
    assert.equal(create.model, undefined, 'the options’ model, read by the repository pass');
    assert.deepEqual([create.modelRef?.kind, create.modelRef?.text], ['name', 'model']);
    assert.deepEqual(create.alternatives?.map((a) => [a.model, a.condition]), [['gpt-4o-mini', "image && model.startsWith('gpt')"]]);
    const convert = at(f, 17);
    assert.equal(convert.model, undefined, 'createOrRefine’s reassignment does not reach convert');
    assert.equal(convert.alternatives, undefined);
  });

  it('traps: a guard that fills an empty name in, an if/else that assigns on both arms, a read inside the guard', async () => {
    const src = `import OpenAI from 'openai'
const openai = new OpenAI()

export async function filled(options) {
  let { model } = options
  if (!model) model = 'gpt-4o'
  return openai.chat.completions.create({ model, messages: [] })
}

export async function both(options, fast) {
  let { model } = options
  if (fast) {
    model = 'gpt-4o-mini'
  } else {
    model = 'gpt-4.1'
  }
  return openai.chat.completions.create({ model, messages: [] })
}

export async function inside(options, image) {
  let { model } = options
  if (image) {
    model = 'gpt-4o'
    return openai.chat.completions.create({ model, messages: [] })
  }
}
`;
    const f = await detectFile(src, 'helpers.ts');
    assert.equal(at(f, 7).model, 'gpt-4o', 'the default a caller that passes nothing gets');
    assert.equal(at(f, 17).model, 'gpt-4o-mini', 'every path assigns: the options’ model never reaches the request');
    assert.equal(at(f, 24).model, 'gpt-4o', 'the request inside the guard sends its literal');
  });

  it('a module variable a function assigns still reaches another function that does not bind the name', async () => {
    const src = `import OpenAI from 'openai'
const openai = new OpenAI()
let model

export function init() {
  model = 'gpt-4.1-mini'
}

export async function ask(q) {
  return openai.chat.completions.create({ model, messages: [{ role: 'user', content: q }] })
}
`;
    const f = await detectFile(src, 'state.ts');
    assert.equal(at(f, 10).model, 'gpt-4.1-mini');
  });

  it('Python: a parameter reassigned under a guard keeps the caller’s value; a None check is the default', async () => {
    const src = `from openai import OpenAI
client = OpenAI()

def describe(prompt, model, image=None):
    if image:
        model = "gpt-4o"
    return client.chat.completions.create(model=model, messages=[{"role": "user", "content": prompt}])

def answer(prompt, model):
    if model is None:
        model = "gpt-4.1-mini"
    return client.chat.completions.create(model=model, messages=[{"role": "user", "content": prompt}])

def summarize(text, settings):
    model, temperature = settings
    return client.chat.completions.create(model=model, temperature=temperature, messages=[{"role": "user", "content": text}])
`;
    const f = await detectFile(src, 'calls.py');
    const d = at(f, 7);
    assert.equal(d.model, undefined);
    assert.deepEqual(d.modelRef?.param, { function: 'describe', name: 'model' });
    assert.deepEqual(d.alternatives?.map((a) => [a.model, a.condition]), [['gpt-4o', 'image']]);
    assert.equal(at(f, 12).model, 'gpt-4.1-mini');
    assert.equal(at(f, 16).model, undefined, 'a tuple target is summarize’s own, not describe’s or answer’s literal');
  });

  it('Python: self.model_name is the field of the class that reads it, or of its base in the file', async () => {
    const src = `from openai import AsyncOpenAI
from weave import Model

class Generator(Model):
    model_name: str = "gpt-3.5-turbo"

    async def predict(self, prompt: str):
        return await AsyncOpenAI().chat.completions.create(model=self.model_name, messages=[{"role": "user", "content": prompt}])

class Judge(Model):
    model_name: str = "gpt-4-turbo"

    async def predict(self, prompt: str):
        model_name = "not-a-field"
        return await AsyncOpenAI().chat.completions.create(model=self.model_name, messages=[{"role": "user", "content": prompt}])

class StrictJudge(Judge):
    async def score(self, prompt: str):
        return await AsyncOpenAI().chat.completions.create(model=self.model_name, messages=[{"role": "user", "content": prompt}])
`;
    const f = await detectFile(src, 'evaluate.py');
    assert.equal(at(f, 8).model, 'gpt-3.5-turbo');
    assert.equal(at(f, 15).model, 'gpt-4-turbo', 'the class’s own field, not the other class’s nor the method’s local');
    assert.equal(at(f, 19).model, 'gpt-4-turbo', 'inherited from the base declared in this file');
  });

  it('Python: self.model read through a @property returns what the property returns; a plain method is not read', async () => {
    const src = `from openai import AsyncOpenAI
from weave import Model

class OpenUIModel(Model):
    model_name: str = "gpt-3.5-turbo"

    @property
    def model(self):
        if self.model_name.startswith("ollama/"):
            return self.model_name.replace("ollama/", "")
        return self.model_name

    async def predict(self, prompt: str):
        return await AsyncOpenAI().chat.completions.create(model=self.model, messages=[{"role": "user", "content": prompt}])

class Other(Model):
    def model(self):
        return "gpt-4o"

    async def predict(self, prompt: str):
        return await AsyncOpenAI().chat.completions.create(model=self.model, messages=[{"role": "user", "content": prompt}])
`;
    const f = await detectFile(src, 'models.py');
    assert.equal(at(f, 14).model, 'gpt-3.5-turbo');
    assert.equal(at(f, 14).alternatives, undefined, 'arms that give the same model are not alternatives');
    assert.equal(at(f, 21).model, undefined, 'a bound method is not a model id');
  });

  it('a parameter another function also declares reads what this file’s caller passes, not that function’s text', async () => {
    const src = `import OpenAI from 'openai'
const openai = new OpenAI()

export async function reflect(insight) {
  const description = 'an unrelated note that is never sent anywhere at all'
  return description.length + insight.length
}

export async function remember(other, content) {
  const description = \`Conversation with \${other.name} about the weather and the harvest: \${content}\`
  return calculateImportance(description)
}

async function calculateImportance(description) {
  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: description }] })
}
`;
    const f = await detectFile(src, 'memory.ts');
    const lines = f.prompts.map((p) => p.line);
    assert.ok(lines.includes(10), `the caller's text is the user message (${lines.join(', ')})`);
    assert.ok(!lines.includes(5), 'the other function’s local (declared first) is not what the parameter holds');
  });
});
