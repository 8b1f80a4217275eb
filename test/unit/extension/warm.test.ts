import assert from 'node:assert/strict';
import { parserFor } from '../../../src/core/detect/parser';
import { isEncodingLoaded } from '../../../src/core/tokenize';
import { getBundledCatalog } from '../../../src/core/catalog';
import { isCatalogIndexed } from '../../../src/core/catalog/lookup';
import { ALL_GRAMMARS, DEFAULT_LOADERS, remainingGrammars, warmInParallel, type WarmLoaders } from '../../../src/extension/analysis/warm';

describe('warm-up after activation', () => {
  it('starts the grammar loads before building the ranks, so they overlap instead of adding up', async () => {
    const events: string[] = [];
    let finishGrammar: () => void = () => undefined;
    const loaders: WarmLoaders = {
      grammar: (g) => {
        events.push(`grammar ${g} started`);
        return new Promise<void>((resolve) => (finishGrammar = () => {
          events.push(`grammar ${g} done`);
          resolve();
        }));
      },
      ranks: () => {
        events.push('ranks');
        // The grammar is still loading while this thread builds the ranks; it finishes afterwards.
        setImmediate(() => finishGrammar());
      },
      catalog: () => events.push('catalog'),
    };
    const timings = await warmInParallel(['python'], loaders);
    assert.deepEqual(events, ['grammar python started', 'ranks', 'catalog', 'grammar python done']);
    assert.deepEqual(timings.grammars, ['python']);
    assert.equal(timings.error, undefined);
    assert.ok(timings.totalMs >= timings.ranksMs && timings.totalMs >= timings.grammarsMs);
  });

  it('leaves the ranks out when the first-analysis worker has them (ranks: false)', async () => {
    const events: string[] = [];
    await warmInParallel([], { grammar: async () => undefined, ranks: () => events.push('ranks'), catalog: () => events.push('catalog') }, { ranks: false });
    assert.deepEqual(events, ['catalog']);
  });

  it('reports a grammar that fails instead of throwing (the analysis reports it again)', async () => {
    const boom = new Error('no grammar');
    const timings = await warmInParallel(['typescript'], { grammar: () => Promise.reject(boom), ranks: () => undefined, catalog: () => undefined });
    assert.equal(timings.error, boom);
  });

  it('leaves the real grammar, the o200k_base ranks and the catalog’s lookup index loaded for the first analysis', async function () {
    this.timeout(60_000);
    let catalogBuilt = 0;
    // A catalog object of its own (as the editor's, with the user's overrides): its index is not built yet.
    const catalog = { ...getBundledCatalog() };
    assert.equal(isCatalogIndexed(catalog), false);
    await warmInParallel(['typescript'], DEFAULT_LOADERS(() => (catalogBuilt++, catalog)));
    assert.equal(catalogBuilt, 1);
    assert.equal(isCatalogIndexed(catalog), true, 'the first price finds the lookup index built');
    assert.ok(isEncodingLoaded('o200k_base'));
    // The parser is cached: asking again gives the same instance without loading.
    assert.equal(await parserFor('typescript'), await parserFor('typescript'));
  });

  it('leaves the grammars no open document needed for later', () => {
    assert.deepEqual(remainingGrammars(['typescript', 'python']), ['tsx', 'javascript']);
    assert.deepEqual(remainingGrammars([]), ALL_GRAMMARS);
  });
});
