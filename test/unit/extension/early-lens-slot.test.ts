import * as assert from 'node:assert/strict';
import { codeLensOnAtStart, EarlyLensSlot, type LensDelegate, type SlotDisposable } from '../../../src/extension/codelens/early-registration';
import { DEFAULT_SURFACES } from '../../../src/core/config';

interface Doc {
  readonly uri: { toString(): string };
}
const doc = (path: string): Doc => ({ uri: { toString: () => `file://${path}` } });

/** A stand-in for the CodeLens feature's provider: answers its own lens and can announce. */
function fakeDelegate(title: string) {
  const listeners = new Set<() => unknown>();
  const adopted: string[][] = [];
  const delegate: LensDelegate<Doc, undefined, string> = {
    provideCodeLenses: (d) => [`${title}:${d.uri.toString()}`],
    onDidChangeCodeLenses: (listener) => {
      listeners.add(listener);
      return { dispose: () => void listeners.delete(listener) };
    },
    adoptEarlyAnswers: (keys) => void adopted.push([...keys]),
  };
  return { delegate, adopted, announce: () => [...listeners].forEach((l) => l()), listenerCount: () => listeners.size };
}

describe('extension/codelens early registration (the entry\'s provider, answered through by the feature)', () => {
  it('answers with nothing until the feature attaches, then hands it those documents once and answers through it', async () => {
    const slot = new EarlyLensSlot<Doc, undefined, string>();
    assert.deepEqual(await slot.provideCodeLenses(doc('/a.ts'), undefined), []);
    assert.deepEqual(await slot.provideCodeLenses(doc('/b.py'), undefined), []);
    assert.deepEqual(await slot.provideCodeLenses(doc('/a.ts'), undefined), []);
    assert.equal(slot.earlyRequests, 3);
    const feature = fakeDelegate('ours');
    slot.attach(feature.delegate);
    assert.deepEqual(feature.adopted, [['file:///a.ts', 'file:///b.py']]);
    assert.deepEqual(await slot.provideCodeLenses(doc('/a.ts'), undefined), ['ours:file:///a.ts']);
    // A later attach (the surfaces rebuilt) is not handed the same documents again.
    const again = fakeDelegate('rebuilt');
    slot.attach(again.delegate);
    assert.deepEqual(again.adopted, []);
  });

  it("forwards the feature's announcements to the editor's subscription, and stops when detached", () => {
    const slot = new EarlyLensSlot<Doc, undefined, string>();
    let fired = 0;
    const owned: SlotDisposable[] = [];
    const subscription = slot.onDidChangeCodeLenses(() => fired++, undefined, owned);
    assert.equal(owned.length, 1, 'the subscription is added to the disposables VS Code passes');
    const feature = fakeDelegate('ours');
    const attached = slot.attach(feature.delegate);
    assert.equal(fired, 0, 'attaching alone does not restart the editor\'s wait');
    feature.announce();
    assert.equal(fired, 1);
    attached.dispose();
    assert.equal(fired, 2, 'detaching tells the editor, so the lenses it shows go');
    assert.equal(feature.listenerCount(), 0);
    feature.announce();
    assert.equal(fired, 2);
    subscription.dispose();
    slot.attach(fakeDelegate('next').delegate).dispose();
    assert.equal(fired, 2, 'a disposed subscription hears nothing');
  });

  it('answers with nothing again once detached, and an old attachment cannot detach a newer one', async () => {
    const slot = new EarlyLensSlot<Doc, undefined, string>();
    const first = slot.attach(fakeDelegate('first').delegate);
    const second = fakeDelegate('second');
    slot.attach(second.delegate);
    first.dispose();
    assert.deepEqual(await slot.provideCodeLenses(doc('/a.ts'), undefined), ['second:file:///a.ts']);
    assert.equal(second.listenerCount(), 1);
    slot.attach(fakeDelegate('third').delegate).dispose();
    assert.equal(second.listenerCount(), 0, 'replacing a delegate stops forwarding its announcements');
    assert.deepEqual(await slot.provideCodeLenses(doc('/a.ts'), undefined), []);
  });

  it("reads tokenomics.codeLens.enabled as the settings do: unset or not a boolean is the default", () => {
    assert.equal(codeLensOnAtStart(undefined), DEFAULT_SURFACES.codeLens);
    assert.equal(codeLensOnAtStart('no'), DEFAULT_SURFACES.codeLens);
    assert.equal(codeLensOnAtStart(false), false);
    assert.equal(codeLensOnAtStart(true), true);
  });
});
