import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

describe('repository: chat models built from a splatted dict of keywords, run by legacy chains', () => {
  it('the model of `ChatOpenAI(**options)` / `model_class(**kwargs)` is the dict’s `model`, followed to the settings default', async () => {
    const r = await scan('chain-requests');
    const service = file(r, 'app/service.py');
    const byLine = new Map(service.calls.filter((c) => c.role !== 'binding').map((c) => [c.line, c] as const));
    // `with_error_messages(chain.arun, …)`: the chain over `self.model`, built by build_chat_model from RunSettings' default.
    assert.equal(byLine.get(18)?.modelResolved, 'gpt-4o-mini');
    assert.deepEqual(byLine.get(18)?.modelSource?.at, { path: 'app/schemas.py', line: 5 });
    // The model object switched before the request.
    assert.equal(byLine.get(23)?.modelResolved, 'gpt-4o');
    const review = file(r, 'app/review.py');
    // A repository subclass built through a class-valued local: `model_class(**kwargs)`.
    assert.equal(review.calls.find((c) => c.line === 9)?.modelResolved, 'gpt-4o-mini');
    // `tool_class = pick_tool(name)` then `tool_class(self.model, …)`: the class a repository function returns is built
    // with the service's model, through the constructor it inherits from its base.
    assert.equal(file(r, 'app/tools.py').calls.find((c) => c.line === 16)?.modelResolved, 'gpt-4o-mini');
    // The error handler and the routes are not requests of their own.
    assert.equal(r.files.find((f) => f.path === 'app/errors.py')?.calls.length ?? 0, 0);
    assert.equal(r.files.find((f) => f.path === 'app/routes.py')?.calls.filter((c) => c.role !== 'binding').length ?? 0, 0);
  });
});
