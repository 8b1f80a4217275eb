/**
 * A request on an SDK of its own vendor (Zhipu's `ZhipuAI()`, Groq's `Groq()`) whose model nothing names is never
 * priced on the global default, an OpenAI model: with no default for its vendor it is unpriced, shown as that vendor's
 * model, and the reason names the setting that prices it; with one it is priced there.
 */
import * as assert from 'node:assert/strict';
import { scanTables } from '../../../src/core/report/tables';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { oneRequest, scanTree } from './fixture-scan';

const bridge = (module: string, cls: string) => `from ${module} import ${cls}


class Bridge:
    def __init__(self):
        self.client = ${cls}(api_key="key")
        self.model = ""

    def ask(self, text, llm_kwargs):
        self.model = llm_kwargs["llm_model"]
        return self.client.chat.completions.create(model=self.model, messages=[{"role": "user", "content": text}])
`;

describe('a request whose model nothing names, on a vendor with no default', () => {
  it('Zhipu (and Volcengine Ark): unpriced as the vendor\'s model, never gpt-4.1, with the setting named', async () => {
    for (const [module, cls, vendor] of [['zhipuai', 'ZhipuAI', 'zhipu'], ['volcenginesdkarkruntime', 'Ark', 'volcengine']]) {
      const r = await scanTree({ 'bridge.py': bridge(module, cls) });
      const c = oneRequest(r, 'bridge.py');
      assert.equal(c.costPerCall.kind, 'unpriced', module);
      assert.equal(c.model, `${vendor} model (not named)`);
      assert.equal(c.modelResolved, undefined);
      assert.match(c.costPerCall.kind === 'unpriced' ? c.costPerCall.missing[0] : '', new RegExp(`set "${vendor}" in tokenomics\\.defaultModels`));
      const row = scanTables(r)[0].rows.find((x) => String(typeof x[0] === 'string' ? x[0] : x[0].text).startsWith('bridge.py:'))!;
      assert.equal(row[3], `${vendor} model (not named)`);
      assert.doesNotMatch(String(row[8]), /unknown model|default model/, 'the note gives the reason, not a guess');
    }
  });

  it('is priced on the vendor default once the user sets one', async () => {
    const assumptions = { ...DEFAULT_ASSUMPTIONS, defaultModels: { ...DEFAULT_ASSUMPTIONS.defaultModels, zhipu: 'glm-4.5' } };
    const c = oneRequest(await scanTree({ 'bridge.py': bridge('zhipuai', 'ZhipuAI') }, assumptions), 'bridge.py');
    assert.equal(c.costPerCall.kind, 'priced');
    assert.equal(c.modelResolved, 'glm-4.5');
    assert.equal(c.modelSource?.from, 'vendor-default');
  });

  it('traps: an OpenAI client with no model keeps the OpenAI default; a named Zhipu model is its own', async () => {
    const openai = oneRequest(await scanTree({ 'bridge.py': bridge('openai', 'OpenAI') }), 'bridge.py');
    assert.equal(openai.costPerCall.kind, 'priced');
    assert.equal(openai.modelResolved, DEFAULT_ASSUMPTIONS.defaultModels!.openai);
    const named = oneRequest(await scanTree({ 'glm.py': 'from zhipuai import ZhipuAI\n\n\ndef ask(text):\n    return ZhipuAI().chat.completions.create(model="glm-4.5", messages=[{"role": "user", "content": text}])\n' }), 'glm.py');
    assert.equal(named.modelResolved, 'glm-4.5');
  });
});
