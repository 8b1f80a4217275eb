import * as assert from 'node:assert/strict';
import { file, scanTree } from './fixture-scan';

const FACTORY = [
  'from langchain_openai import ChatOpenAI',
  '',
  'def build_model(name: str = "gpt-4o-mini"):',
  '    return ChatOpenAI(model=name, temperature=0)',
  '',
].join('\n');

const HELPERS = [
  'from langchain.chains import LLMChain',
  '',
  'def digest(model, prompt, text):',
  '    chain = LLMChain(llm=model, prompt=prompt)',
  '    return chain.run(text=text)',
  '',
].join('\n');

describe('repository: a model switched on an object before it is handed on', () => {
  it('`self.llm.model_name = "…"` in the caller, before the call that hands `self.llm` on, is the model of the callee’s request', async () => {
    const service = [
      'from app.factory import build_model',
      'from app.helpers import digest',
      '',
      'class Service:',
      '    def __init__(self):',
      '        self.llm = build_model()',
      '',
      '    def long_digest(self, prompt, text):',
      '        self.llm.model_name = "gpt-4o"',
      '        return digest(self.llm, prompt, text)',
      '',
    ].join('\n');
    const r = await scanTree({ 'app/factory.py': FACTORY, 'app/helpers.py': HELPERS, 'app/service.py': service, 'app/__init__.py': '' });
    const request = file(r, 'app/helpers.py').calls.find((c) => c.role !== 'binding' && c.line === 5);
    assert.equal(request?.modelResolved, 'gpt-4o');
    assert.deepEqual(request?.modelSource?.at, { path: 'app/service.py', line: 9 });
    assert.match(request?.modelSource?.detail ?? '', /self\.llm\.model_name = "gpt-4o" before the call that hands self\.llm on/);
  });

  it('look-alikes: a switch under a branch, or written after the call, leaves the model the object was built with', async () => {
    const service = [
      'from app.factory import build_model',
      'from app.helpers import digest',
      '',
      'class Service:',
      '    def __init__(self):',
      '        self.llm = build_model()',
      '',
      '    def long_digest(self, prompt, text, big=False):',
      '        if big:',
      '            self.llm.model_name = "gpt-4o"',
      '        out = digest(self.llm, prompt, text)',
      '        self.llm.model_name = "gpt-4.1"',
      '        return out',
      '',
    ].join('\n');
    const r = await scanTree({ 'app/factory.py': FACTORY, 'app/helpers.py': HELPERS, 'app/service.py': service, 'app/__init__.py': '' });
    const request = file(r, 'app/helpers.py').calls.find((c) => c.role !== 'binding' && c.line === 5);
    assert.equal(request?.modelResolved, 'gpt-4o-mini');
  });
});
