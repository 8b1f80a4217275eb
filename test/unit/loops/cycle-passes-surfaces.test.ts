/**
 * A graph cycle priced per pass shows one figure on every surface: the scan, the editor's hover and CodeLens, the
 * Compare panel's pinned line and its row for the loop's own offering, which prices the other nodes' requests on
 * each offering as well (`alsoSends`), so a cheaper model's row is the whole task on that model too.
 */
import * as assert from 'node:assert/strict';
import { getBundledCatalog } from '../../../src/core/catalog';
import { estimateForSite } from '../../../src/core/estimate';
import { formatPrice } from '../../../src/core/format';
import { formatFigure } from '../../../src/core/format/estimate';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { lensSpecs } from '../../../src/extension/codelens/titles';
import { analyzeText } from '../../../src/extension/core-api';
import { hoverMarkdownFor, hoverTargetAt } from '../../../src/extension/hover/targets';
import { buildCompareData } from '../../../src/extension/webviews/compare/compute';
import { subjectOfSite } from '../../../src/extension/webviews/compare/source';
import { file, scanTree } from '../repo/fixture-scan';
import { ring } from './graph-ring';

const RING = ring(['reflect']);

describe('a cycle priced per pass: every surface agrees', () => {
  it('scan, hover, CodeLens, Compare pinned line and own-offering row show the task with all three requests', async () => {
    const catalog = getBundledCatalog();
    const a = DEFAULT_ASSUMPTIONS;
    const scanned = file(await scanTree({ 'graph.py': RING }), 'graph.py');
    const loop = scanned.agentLoops.find((l) => l.framework === 'langgraph')!;
    assert.ok(loop.passRequests && loop.passRequests.workloads.length === 2, 'two other requests each pass');
    const editor = await analyzeText(RING, 'graph.py', 'python', { catalog, assumptions: a });
    const estimate = estimateForSite(editor, loop.id, catalog, a)!;
    const figure = formatFigure(estimate);
    assert.equal(formatFigure({ price: loop.costPerTask, unit: estimate.unit }), figure, 'scan and editor');
    assert.ok(lensSpecs(editor, catalog, a).some((l) => l.siteId === loop.id && l.title.includes(figure)), 'CodeLens');
    const target = hoverTargetAt(editor, loop.line, loop.column);
    if (target?.site.id === loop.id) assert.ok(hoverMarkdownFor(editor, target, catalog, a, 'file:///x', []).includes(`**${figure}**`), 'hover');
    const site = { kind: 'loop' as const, site: editor.agentLoops.find((l) => l.id === loop.id)! };
    const subject = subjectOfSite(editor, site, a, estimate);
    assert.equal(subject.pinned?.figure, figure, 'Compare pinned line');
    const data = buildCompareData(catalog, subject.workload, subject);
    const own = data.rows.find((r) => r.id === estimate.model.offering)!;
    assert.ok(own, 'the own offering is a row');
    assert.equal(formatPrice(own.perUnit), formatPrice(estimate.price), 'Compare own-offering row');
    // Without the other requests the row would be the first request's loop alone: cheaper than the task.
    const alone = buildCompareData(catalog, subject.workload, { ...subject, alsoSends: undefined }).rows.find((r) => r.id === own.id)!;
    assert.ok(alone.perUnit.kind === 'priced' && own.perUnit.kind === 'priced' && alone.perUnit.usd < own.perUnit.usd);
  });
});
