/**
 * The lens path of a newly opened document: the provider announces a finished analysis only when
 * the editor was shown something else (every announcement restarts VS Code's wait before its next
 * CodeLens request), and each document's path to its first lens is timed for the log and the bench.
 */
import * as assert from 'node:assert/strict';
import { ColdKeyTraining, REASKS_PER_DOCUMENT } from '../../../src/extension/codelens/training';
import { LensAnswers } from '../../../src/extension/codelens/answers';
import { activationStartedAt, lensShare, OpenTimelines, parseTimeline } from '../../../src/extension/analysis/open-timeline';

describe('extension/codelens answers: when a finished analysis is announced', () => {
  const v1 = { version: 1 };
  const v2 = { version: 2 };

  it('does not announce an analysis no request has asked about: the pending request finds it in the cache', () => {
    const answers = new LensAnswers<object>();
    assert.equal(answers.mustAnnounce('a.ts', v1), false);
  });

  it('announces when the request was answered with nothing (the analysis was not done in time)', () => {
    const answers = new LensAnswers<object>();
    answers.record('a.ts', undefined);
    assert.equal(answers.mustAnnounce('a.ts', v1), true);
    answers.record('a.ts', v1);
    assert.equal(answers.mustAnnounce('a.ts', v1), false, 'the lenses the editor shows came from this analysis');
  });

  it('announces a newer report (an edit, the repository index built) and only for the document it is about', () => {
    const answers = new LensAnswers<object>();
    answers.record('a.ts', v1);
    answers.record('b.ts', v1);
    assert.equal(answers.mustAnnounce('a.ts', v2), true);
    assert.equal(answers.mustAnnounce('c.ts', v2), false, 'another document’s analysis says nothing about c.ts');
  });

  it('forgets closed documents and keeps a bounded number', () => {
    const answers = new LensAnswers<object>(2);
    answers.record('a.ts', undefined);
    answers.forget('a.ts');
    assert.equal(answers.mustAnnounce('a.ts', v1), false);
    for (const k of ['a', 'b', 'c']) answers.record(k, undefined);
    assert.equal(answers.size, 2);
    assert.equal(answers.mustAnnounce('a', v1), false, 'the oldest went first');
    assert.equal(answers.mustAnnounce('c', v1), true);
  });
});

describe('extension/analysis open timelines: a document’s path to its first lens', () => {
  function clock(start = Date.UTC(2026, 11, 6, 5, 0, 0)) {
    const c = { t: start, now: () => c.t };
    return c;
  }

  it('times each step from the open and ends with one line the bench can read back', () => {
    const c = clock();
    const timelines = new OpenTimelines(c.now);
    timelines.start('file:///w/a.ts', 'a.ts v1');
    c.t += 2;
    timelines.mark('file:///w/a.ts', 'analysis started');
    c.t += 40;
    timelines.mark('file:///w/a.ts', 'analysed');
    c.t += 220;
    timelines.mark('file:///w/a.ts', 'lenses asked');
    c.t += 1;
    const line = timelines.finish('file:///w/a.ts');
    assert.equal(line, 'Lens path of a.ts v1: opened 2026-12-06T05:00:00.000Z; analysis started +2 ms; analysed +42 ms; lenses asked +262 ms; answered +263 ms');
    assert.equal(timelines.has('file:///w/a.ts'), false, 'one line per opening');
    assert.equal(timelines.finish('file:///w/a.ts'), undefined);
    assert.deepEqual(parseTimeline(`2026-12-06 05:00:00.300 [debug] ${line}`), {
      label: 'a.ts v1',
      openedAt: Date.UTC(2026, 11, 6, 5, 0, 0),
      events: [
        { event: 'analysis started', ms: 2 },
        { event: 'analysed', ms: 42 },
        { event: 'lenses asked', ms: 262 },
        { event: 'answered', ms: 263 },
      ],
    });
  });

  it('ignores marks for documents with no timeline, restarts on a new opening, and bounds what it keeps', () => {
    const c = clock();
    const timelines = new OpenTimelines(c.now, 2);
    timelines.mark('x', 'analysed');
    assert.equal(timelines.has('x'), false);
    timelines.start('a', 'a v1');
    c.t += 5;
    timelines.mark('a', 'analysed');
    timelines.start('a', 'a v1');
    assert.match(timelines.finish('a') ?? '', /opened 2026-12-06T05:00:00\.005Z; answered \+0 ms$/);
    for (const k of ['a', 'b', 'c']) timelines.start(k, k);
    assert.equal(timelines.has('a'), false);
    assert.equal(timelines.has('c'), true);
  });

  it('reads no timeline from other log lines', () => {
    assert.equal(parseTimeline('2026-12-06 05:00:00.300 [info] Analysed a.ts v1 in 40 ms'), undefined);
    assert.equal(parseTimeline('Lens path of a.ts: opened not-a-date; answered +1 ms'), undefined);
  });
});

describe('extension/codelens training: the cold start’s slow durations are replaced by fast ones', () => {
  it('re-asks an enrolled document as many times as VS Code keeps durations, then stops', () => {
    const t = new ColdKeyTraining();
    assert.equal(t.shouldReask('a.ts', false), false, 'a document never enrolled is never re-asked');
    t.enrol('a.ts');
    const asks = Array.from({ length: REASKS_PER_DOCUMENT + 3 }, () => t.shouldReask('a.ts', false)).filter(Boolean).length;
    assert.equal(asks, REASKS_PER_DOCUMENT);
    assert.equal(t.isTraining('a.ts'), false);
    t.enrol('a.ts');
    assert.equal(t.shouldReask('a.ts', false), false, 'enrolled once per session');
  });

  it('stops for good as soon as another visible document waits for its first lenses', () => {
    const t = new ColdKeyTraining();
    t.enrol('a.ts');
    assert.equal(t.shouldReask('a.ts', false), true);
    assert.equal(t.shouldReask('a.ts', true), false, 'an announcement would restart the other editor’s wait');
    assert.equal(t.shouldReask('a.ts', false), false);
  });

  it('a closed document is forgotten', () => {
    const t = new ColdKeyTraining(2);
    t.enrol('a.ts');
    t.forget('a.ts');
    assert.equal(t.shouldReask('a.ts', false), false);
  });
});

describe('extension/analysis lens share: what the extension controls and what the editor waited', () => {
  const path = (events: [string, number][]) => parseTimeline(`Lens path of a.ts v1: opened 2026-12-06T05:00:00.000Z; ${events.map(([e, ms]) => `${e} +${ms} ms`).join('; ')}`)!;

  it('a later file: analysed early, asked late: the gap is the editor’s, the rest ours, and the parts add up', () => {
    const share = lensShare(path([['analysis started', 2], ['analysed', 140], ['lenses asked', 620], ['answered', 631]]));
    assert.deepEqual(share, { analysedMs: 140, editorWaitMs: 480, answerMs: 11, oursMs: 151, answeredMs: 631, earlierRequests: 0 });
    assert.equal(share!.analysedMs + share!.editorWaitMs + share!.answerMs, share!.answeredMs);
  });

  it('asked before the analysis was done: the request’s wait for it is ours, the editor waited nothing', () => {
    const share = lensShare(path([['analysis started', 1], ['lenses asked', 250], ['analysed', 400], ['answered', 405]]));
    assert.deepEqual(share, { analysedMs: 400, editorWaitMs: 0, answerMs: 5, oursMs: 405, answeredMs: 405, earlierRequests: 0 });
  });

  it('the cold start: an empty answer at once, the analysis announced, the editor’s re-ask delay is its wait', () => {
    const share = lensShare(
      path([
        ['analysis started', 3],
        ['lenses asked', 900],
        ['cold start: answered at once', 901],
        ['answered with no lenses (analysis not done in 200 ms)', 902],
        ['analysed', 1500],
        ['lenses announced', 1502],
        ['lenses asked', 2300],
        ['answered', 2320],
      ]),
    );
    assert.deepEqual(share, { analysedMs: 1500, editorWaitMs: 800, answerMs: 20, oursMs: 1520, answeredMs: 2320, earlierRequests: 1 });
  });

  it('no share for a path that did not end with lenses from this version', () => {
    assert.equal(lensShare(path([['analysed', 40], ['lenses asked', 300], ['request cancelled', 301]])), undefined);
    assert.equal(lensShare(path([['lenses asked', 300], ['answered from an older version', 301]])), undefined);
  });
});

describe('extension/open-timeline: when VS Code began activating the extension (the editor bench)', () => {
  const hostLog = [
    '2026-12-07 09:53:36.042 [trace] ExtensionService#_callActivateOptional vscode.merge-conflict',
    "2026-12-07 09:53:38.100 [info] ExtensionService#_doActivateExtension tokenomics-dev.tokenomics-extra, startup: false, activationEvent: 'onLanguage:python'",
    "2026-12-07 09:53:40.754 [info] ExtensionService#_doActivateExtension tokenomics-dev.tokenomics, startup: false, activationEvent: 'onLanguage:typescript'",
    '2026-12-07 09:53:53.638 [trace] ExtensionService#_callActivateOptional tokenomics-dev.tokenomics',
  ].join('\n');

  it("reads the host log's local time of our own _doActivateExtension line, not another extension's", () => {
    assert.equal(activationStartedAt(hostLog, 'tokenomics-dev.tokenomics'), new Date('2026-12-07T09:53:40.754').getTime());
  });

  it('is undefined when the extension was never activated, and a dot in the id is not a wildcard', () => {
    assert.equal(activationStartedAt(hostLog, 'vscode.merge-conflict'), undefined);
    assert.equal(activationStartedAt(hostLog.replace('tokenomics-dev.tokenomics,', 'tokenomics-devXtokenomics,'), 'tokenomics-dev.tokenomics'), undefined);
  });
});
