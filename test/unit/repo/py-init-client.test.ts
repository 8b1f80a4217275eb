import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

const requests = (r: Awaited<ReturnType<typeof scan>>, path: string) => file(r, path).calls.filter((c) => c.role !== 'binding');

describe('a client stored at initialisation, a wrapper class with one sending variant, and keywords handed on through **kwargs', () => {
  it('self._client.chat.completions.create after `self._client, _ = open_client(cfg)` is a request site, not a use of a repository class defining create()', async () => {
    const r = await scan('py-init-client');
    assert.deepEqual(requests(r, 'app/browser_agent.py').map((c) => c.line), [34]);
    assert.deepEqual(requests(r, 'app/browser_agent_v2.py').map((c) => c.line), [26]);
    // The look-alike: ChatClient.create, a repository wrapper, is still its own site and summary.py's call a use of it.
    assert.deepEqual(requests(r, 'app/ai_client.py').map((c) => c.line), [12]);
    assert.deepEqual(r.files.find((f) => f.path === 'app/summary.py')?.calls.filter((c) => !c.role).map((c) => c.line) ?? [], []);
  });

  it('trap: perform() on an agent whose only sending override is one variant’s is a dispatch, not a family request site', async () => {
    const r = await scan('py-init-client');
    assert.deepEqual(requests(r, 'app/surfer.py').map((c) => c.line), []);
  });

  it('the step limit read from a config built with **kwargs takes the value passed where the agent is constructed (40 from main.py), not the field default 10', async () => {
    const r = await scan('py-init-client');
    const [loop] = file(r, 'app/surfer.py').agentLoops;
    assert.equal(loop?.maxSteps, 40, JSON.stringify(loop?.assumptions));
    assert.equal(loop?.boundAt?.path, 'main.py');
  });
});
