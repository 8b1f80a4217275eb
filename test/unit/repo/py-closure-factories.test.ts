import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

const requests = (r: Awaited<ReturnType<typeof scan>>, path: string) => file(r, path).calls.filter((c) => c.role !== 'binding');

describe('a closure factory’s parameter holds the model its callers pass (closures.ts closureParam, passed-args.ts agreedArgument)', () => {
  it('build_x(llm) returning a node that calls llm.invoke: the model of self.fast_chat, built by a client factory from a default-settings dict', async () => {
    const r = await scan('py-closure-factories');
    // Wiring.nodes calls build_critic(self.fast_chat); the attribute is injected by Pipeline from make_backend(...).build(),
    // whose ChatOpenAI(model=self.model) takes BASE_SETTINGS["fast_model"].
    const [critic] = requests(r, 'nodes/critic.py');
    assert.equal(critic.model, 'gpt-4o-mini', JSON.stringify(critic.modelSource));
    assert.equal(critic.modelSource?.at?.path, 'crew/defaults.py');
    // Called from a lambda in a dict of makers, the chain `prompt | llm.bind_tools(tools)` keeps the model.
    const [researcher] = requests(r, 'nodes/researcher.py');
    assert.equal(researcher.model, 'gpt-4o-mini', JSON.stringify(researcher.modelSource));
  });

  it('trap: a factory built on two different models (fast and slow) is not one answer; the site says it is chosen at run time', async () => {
    const r = await scan('py-closure-factories');
    const [judge] = requests(r, 'nodes/judge.py');
    assert.equal(judge.line, 3);
    assert.notEqual(judge.modelSource?.from, 'code', JSON.stringify(judge.modelSource));
    assert.match(judge.modelSource?.detail ?? '', /parameter llm of build_judge/);
  });
});
