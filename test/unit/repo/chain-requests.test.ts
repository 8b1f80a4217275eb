import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

describe('repository: chat models built from a splatted dict of keywords, run by legacy chains', () => {
  it('the model of `ChatOpenAI(**options)` / `model_class(**kwargs)` is the dict’s `model`, followed to the settings default', async () => {
    const r = await scan('chain-requests');
    const service = file(r, 'app/service.py');
    const byLine = new Map(service.calls.filter((c) => c.role !== 'binding').map((c) => [c.line, c] as const));
    // `with_error_messages(chain.arun, …)`: the chain over `self.model`, built by build_chat_model from RunSettings' default.
    assert.equal(byLine.get(17)?.modelResolved, 'gpt-4o-mini');
    assert.deepEqual(byLine.get(17)?.modelSource?.at, { path: 'app/schemas.py', line: 5 });
    // The model object switched before the request.
    assert.equal(byLine.get(22)?.modelResolved, 'gpt-4o');
    const review = file(r, 'app/review.py');
    // A repository subclass built through a class-valued local: `model_class(**kwargs)`.
    assert.equal(review.calls.find((c) => c.line === 9)?.modelResolved, 'gpt-4o-mini');
    // The error handler and the routes are not requests of their own.
    assert.equal(r.files.find((f) => f.path === 'app/errors.py')?.calls.length ?? 0, 0);
    assert.equal(r.files.find((f) => f.path === 'app/routes.py')?.calls.filter((c) => c.role !== 'binding').length ?? 0, 0);
  });
});
