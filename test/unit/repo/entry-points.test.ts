import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, WorkspaceRepository } from '../../../src/extension/core-api';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { catalog, file, REPOS, scan, scanTree } from './fixture-scan';

describe('repository model: commands a package installs are runtime', () => {
  it('a scripts/ file named by [project.scripts] or [tool.poetry.scripts] is runtime; another script stays out of the bill', async () => {
    const r = await scan('entry-point-scripts');
    assert.equal(file(r, 'scripts/fixit.py').scope, 'runtime');
    assert.equal(file(r, 'tool/cli.py').scope, 'runtime');
    assert.equal(file(r, 'scripts/release_notes.py').scope, 'example');
  });

  it('the editor gives the command the same scope as the scan', async () => {
    const dir = join(REPOS, 'entry-point-scripts');
    const workspace = new WorkspaceRepository(dir);
    await workspace.index();
    const text = readFileSync(join(dir, 'scripts', 'fixit.py'), 'utf8');
    const edited = await analyzeText(text, 'scripts/fixit.py', 'python', { catalog, assumptions: DEFAULT_ASSUMPTIONS }, workspace);
    assert.equal(edited.scope, 'runtime');
  });

  it('a file a package.json script runs is runtime (`"ingest": "tsx -r dotenv/config scripts/ingest-data.ts"`); tooling scripts and tests are not entry points', async () => {
    const embed = [
      "import { OpenAIEmbeddings } from '@langchain/openai';",
      'export async function run(texts: string[]) {',
      "  return new OpenAIEmbeddings({ model: 'text-embedding-3-small' }).embedDocuments(texts);",
      '}',
      'run([]);',
      '',
    ].join('\n');
    const pkg = JSON.stringify({
      name: 'pdf-chat',
      scripts: {
        dev: 'next dev',
        ingest: 'tsx -r dotenv/config scripts/ingest-data.ts',
        'bench:embed': 'tsx scripts/bench-embed.ts',
        'test:embed': 'tsx scripts/embed.test.ts',
        'db:seed': 'node ./scripts/seed.ts',
      },
    });
    const r = await scanTree({ 'package.json': pkg, 'scripts/ingest-data.ts': embed, 'scripts/bench-embed.ts': embed, 'scripts/embed.test.ts': embed, 'scripts/seed.ts': embed, 'scripts/other.ts': embed });
    assert.equal(file(r, 'scripts/ingest-data.ts').scope, 'runtime');
    for (const p of ['scripts/bench-embed.ts', 'scripts/seed.ts', 'scripts/other.ts']) assert.equal(file(r, p).scope, 'example', p);
    assert.equal(file(r, 'scripts/embed.test.ts').scope, 'test');
  });
});

