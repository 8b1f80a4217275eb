/**
 * TypeScript countdowns (ts-loop-counters.ts + loop-bound.ts): a counter set before the loop from a local function and
 * lowered once per pass (`remaining -= 1`, `tries--`) against a floor in the loop's condition runs its start minus the
 * floor passes; from a start already at the floor (a setting off by default) it runs none. Look-alike: a loop whose
 * condition's counter is never lowered (it lowers another name) stays unbounded.
 */
import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { scanTree } from '../repo/fixture-scan';

const SOURCE = `
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

const settings = { reviewRounds: 3, extraRounds: 0 };

function reviewRounds() {
  return settings.reviewRounds;
}

function extraRounds() {
  return settings.extraRounds;
}

async function review(notes: string[]): Promise<number> {
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: 'Review: ' + notes.join(' ') });
  notes.push(text);
  return text.length;
}

export async function run(notes: string[]) {
  let remaining = reviewRounds();
  while (remaining > 0) {
    const found = await review(notes);
    if (found === 0) break;
    remaining -= 1;
  }
  let extra = extraRounds();
  while (extra > 0) {
    await review(notes);
    extra--;
  }
  let budget = reviewRounds();
  let other = 5;
  while (budget > 0) {
    await review(notes);
    other -= 1;
  }
}
`;

describe('loops: TypeScript countdowns from a local function', () => {
  let r: ScanResult;
  before(async () => {
    r = await scanTree({ 'src/research.ts': SOURCE });
  });
  const loop = (line: number) => {
    const found = r.files.find((f) => f.path === 'src/research.ts')?.agentLoops.find((l) => l.line === line);
    assert.ok(found, `loop at ${line} (have ${JSON.stringify(r.files.map((f) => [f.path, f.agentLoops.map((l) => l.line)]))})`);
    return found;
  };

  it('runs its start minus the floor passes', () => {
    assert.equal(loop(23).bounded, true);
    assert.equal(loop(23).maxSteps, 3);
  });

  it('runs no pass from a start already at the floor', () => {
    assert.equal(loop(29).bounded, true);
    assert.equal(loop(29).maxSteps, 0);
    assert.match(loop(29).assumptions?.find((a) => a.subject === 'steps')?.detail ?? '', /no pass under the defaults/);
  });

  it('look-alike: a counter the loop never lowers does not bound it', () => {
    assert.equal(loop(35).bounded, false);
  });
});
