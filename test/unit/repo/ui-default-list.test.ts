import * as assert from 'node:assert/strict';
import type { Expr } from '../../../src/core/repo/facts';
import { pickItems } from '../../../src/core/repo/list-values';
import { file, scan } from './fixture-scan';

const option = (value: string, hidden?: boolean): Expr => ({
  k: 'dict',
  entries: { value: { k: 'str', v: value, line: 1 }, ...(hidden === undefined ? {} : { hidden: { k: 'unknown', text: String(hidden), line: 1 } }) },
  line: 1,
});
const values = (items: readonly Expr[] | undefined): (string | undefined)[] | undefined =>
  items?.map((i) => (i.k === 'dict' && i.entries.value?.k === 'str' ? i.entries.value.v : undefined));

describe('picking from a list of options', () => {
  const list = [option('a-1', true), option('b-2'), option('c-3', false)];

  it('find / filter with a plain predicate, at(i)', () => {
    assert.deepEqual(values(pickItems(list, 'find', [{ k: 'unknown', text: '(m) => !m.hidden', line: 1 }])), ['b-2']);
    assert.deepEqual(values(pickItems(list, 'filter', [{ k: 'unknown', text: '(m: ModelOption) => !m.hidden', line: 1 }])), ['b-2', 'c-3']);
    assert.deepEqual(values(pickItems(list, 'find', [{ k: 'unknown', text: 'm => m.hidden', line: 1 }])), ['a-1']);
    assert.deepEqual(values(pickItems(list, 'at', [{ k: 'num', v: -1, line: 1 }])), ['c-3']);
  });

  it('does not guess through a predicate it cannot read', () => {
    assert.equal(pickItems(list, 'find', [{ k: 'unknown', text: '(m) => isAllowed(m, user)', line: 1 }]), undefined);
    assert.equal(pickItems(list, 'filter', [{ k: 'name', v: 'isVisible', line: 1 }]), undefined);
  });
});

describe('a model the UI picks from an options list and a route resolves', () => {
  it('the route’s model is the first visible option (not the hidden first entry), through an alias resolver that returns its argument', async () => {
    const r = await scan('ui-default-list');
    const [call] = file(r, 'app/api/chat/route.ts').calls.filter((c) => c.role !== 'binding');
    assert.equal(call?.line, 12);
    assert.equal(call.model, 'acme/chat-fast-2');
    assert.equal(call.modelSource?.from, 'ui-default');
    assert.deepEqual(call.modelSource?.at, { path: 'lib/models.ts', line: 15 });
  });
});
