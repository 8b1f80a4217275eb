/**
 * The repository store keeps its cross-file answers when an editor re-analyses a file and detection finds
 * exactly what it found before (src/core/repo/store.ts): typing in a line no fact is on, saving what was
 * analysed. Any change detection sees still invalidates them, and answers follow it.
 */
import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { RepoIndex } from '../../../src/core/repo';
import { RepoStore } from '../../../src/core/repo/store';

const CONFIG = (model: string, comment = 'the model every agent uses') => `# ${comment}\nMODEL = "${model}"\n`;
const AGENT = `from openai import OpenAI
from app.config import MODEL

client = OpenAI()

def answer(question):
    return client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": question}])
`;

describe('repository store: updates that change nothing keep the cross-file answers', () => {
  it('the same detection again (a new object, same findings) leaves the generation as it was', async () => {
    const store = new RepoStore();
    store.update(await detectFile(CONFIG('gpt-4o'), 'app/config.py'));
    store.update(await detectFile(AGENT, 'app/agent.py'));
    const before = store.generation;
    store.update(await detectFile(CONFIG('gpt-4o'), 'app/config.py'));
    store.update(await detectFile(CONFIG('gpt-4o', 'an edited comment, on a line no fact is on'), 'app/config.py'));
    assert.equal(store.generation, before);
    store.update(await detectFile(CONFIG('gpt-4o-mini'), 'app/config.py'));
    assert.equal(store.generation, before + 1, 'a changed constant is a change');
  });

  it('answers follow a real change after updates that changed nothing', async () => {
    const index = new RepoIndex();
    index.update(await detectFile(CONFIG('gpt-4o'), 'app/config.py'));
    const agent = await detectFile(AGENT, 'app/agent.py');
    index.update(agent);
    const call = agent.calls.find((c) => c.role === undefined) ?? agent.calls[0];
    assert.ok(call, 'the request is detected');
    assert.equal(index.modelFor('app/agent.py', call)?.model, 'gpt-4o');
    index.update(await detectFile(CONFIG('gpt-4o'), 'app/config.py'));
    assert.equal(index.modelFor('app/agent.py', call)?.model, 'gpt-4o');
    index.update(await detectFile(CONFIG('gpt-4o-mini'), 'app/config.py'));
    assert.equal(index.modelFor('app/agent.py', call)?.model, 'gpt-4o-mini');
    index.update(await detectFile(CONFIG('gpt-4o-mini', 'edited again'), 'app/config.py'));
    assert.equal(index.modelFor('app/agent.py', call)?.model, 'gpt-4o-mini');
  });

  it('a removed file forgets what it was: the same text added back is a change', async () => {
    const store = new RepoStore();
    store.update(await detectFile(CONFIG('gpt-4o'), 'app/config.py'));
    store.update(await detectFile(CONFIG('gpt-4o'), 'app/config.py'));
    store.remove('app/config.py');
    const removed = store.generation;
    store.update(await detectFile(CONFIG('gpt-4o'), 'app/config.py'));
    assert.equal(store.generation, removed + 1);
    assert.ok(store.get('app/config.py'));
  });
});
