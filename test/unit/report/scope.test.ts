import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scopeOfPath } from '../../../src/core/report/scope';

const LABELS = join(__dirname, '..', '..', '..', '..', 'bench', 'repos', 'labels');

/**
 * Labeled files that the application runs but the scope rules put elsewhere: open misses found on the
 * held-out corpus, listed with why they are runtime. An entry must still be misscoped (the test says
 * so when the rules get it right, so the entry is dropped then).
 */
const TASKWEAVER_EXAMPLES_WHY =
  "TaskWeaver's few-shot conversations: Role.role_load_example reads every enabled *.yaml of the app dir's examples/<role>_examples/ (misc/example.py:26-29, use_example true by default) and the role sends them as chat messages with each request";
const ALPHACODIUM_STAGE_WHY =
  "AlphaCodium's flow stages (generate AI tests, validate AI tests): imported and run by gen/coding_competitor.py for every problem (the second through the first); their names only happen to match pytest's *_test.py pattern; repo/imported-tests.ts, transitively (test/unit/repo/imported-tests.test.ts)";
const EVAL_WHY =
  "an evaluation script of the repository's `eval/` folder that a developer runs by hand: a development cost, listed apart from the application's bill by design (the scan reports its requests in the example scope)";
const RUNTIME_SCOPE_MISSES = new Map<string, string>([
  ['microsoft+TaskWeaver.json:project/examples/planner_examples/example-planner-default-1.yaml', TASKWEAVER_EXAMPLES_WHY],
  ['microsoft+TaskWeaver.json:project/examples/planner_examples/example-planner-default-2.yaml', TASKWEAVER_EXAMPLES_WHY],
  ['microsoft+TaskWeaver.json:project/examples/code_generator_examples/example-codeinterpreter-default-1.yaml', TASKWEAVER_EXAMPLES_WHY],
  ['microsoft+TaskWeaver.json:project/examples/code_generator_examples/example-codeinterpreter-default-2.yaml', TASKWEAVER_EXAMPLES_WHY],
  [
    'langchain-ai+company-researcher.json:eval/run_eval.py',
    'the LLM-as-judge script a developer runs by hand (`python eval/run_eval.py`): a development cost, listed apart from the application\'s bill by design; its label keeps the request (the scan reports it, in the example scope)',
  ],
  ['langchain-ai+company-researcher.json:eval/create_dataset.py', 'the dataset script of the same evaluation (traps only): not the application at run time'],  ['PromtEngineer+localGPT.json:eval/judge.py', EVAL_WHY],
  ['PromtEngineer+localGPT.json:eval/build_goldset.py', EVAL_WHY],
  ...['synthesize.py', 'prompt_to_img.py', 'evaluate.py', 'model.py', 'evaluate_weave.py', 'promptsearch.py', 'to_fine_tune.py'].map(
    (f) => [`wandb+openui.json:backend/openui/eval/${f}`, EVAL_WHY] as [string, string],
  ),
  ...['eval-focused.ts', 'eval-single.ts', 'eval-fences.ts', 'eval-fireworks.ts', 'repro-postamble.ts'].map(
    (f) =>
      [
        `Nutlope+napkins.json:scripts/${f}`,
        "an evaluation or reproduction script of the repository's `scripts/` folder that a developer runs by hand (`npx tsx scripts/…`): a development cost, listed apart from the application's bill by design",
      ] as [string, string],
  ),
  [
    'langchain-ai+data-enrichment.json:tests/integration_tests/test_graph.py',
    'the integration test that runs the graph (traps only): a test, not the application at run time',
  ],
]);

/**
 * Labeled files whose path alone says they are not runtime, but which the repository pass puts in the runtime
 * (in a scan and in the editor alike), with the rule that does and its test.
 */
const RUNTIME_BY_REPOSITORY = new Map<string, string>([
  ['OpenInterpreter+open-interpreter.json:scripts/wtf.py', 'the `wtf` console command (pyproject [project.scripts] wtf = "scripts.wtf:main"), installed with the package: repo/entry-points.ts (test/unit/repo/entry-points.test.ts)'],
  ['Codium-ai+AlphaCodium.json:alpha_codium/gen/stages/run_generate_ai_test.py', ALPHACODIUM_STAGE_WHY],
  ['Codium-ai+AlphaCodium.json:alpha_codium/gen/stages/indirect/run_validate_ai_test.py', ALPHACODIUM_STAGE_WHY],
  ['mayooear+gpt4-pdf-chatbot-langchain.json:scripts/ingest-data.ts', 'the ingest command the README has users run first: package.json `"ingest": "tsx -r dotenv/config scripts/ingest-data.ts"`; repo/entry-points.ts reads package.json scripts (test/unit/repo/entry-points.test.ts)'],
  ['TransformerOptimus+SuperAGI.json:superagi/tools/code/write_test.py', 'the WriteTestTool agent tool, imported by superagi/agent/workflow_seed.py: a runtime module whose name happens to match pytest\'s *_test.py pattern; repo/imported-tests.ts (test/unit/repo/imported-tests.test.ts)'],
]);

describe('scopeOfPath', () => {
  it('puts application code in the runtime scope', () => {
    for (const p of ['src/agent.py', 'app/(chat)/api/chat/route.ts', 'aider/coders/base_coder.py', 'lib/ai/providers.ts']) assert.equal(scopeOfPath(p), 'runtime', p);
  });
  it('separates tests, examples, docs and notebooks', () => {
    assert.equal(scopeOfPath('tests/test_agent.py'), 'test');
    assert.equal(scopeOfPath('src/agent_test.py'), 'test');
    assert.equal(scopeOfPath('src/lib/agent.spec.ts'), 'test');
    assert.equal(scopeOfPath('packages/core/__tests__/run.ts'), 'test');
    assert.equal(scopeOfPath('examples/basic/hello.py'), 'example');
    assert.equal(scopeOfPath('docs/guide/quickstart.py'), 'docs');
    assert.equal(scopeOfPath('notebooks/explore.ipynb'), 'notebook');
  });
  it('prices instruction files apart, wherever they sit', () => {
    assert.equal(scopeOfPath('AGENTS.md', 'instructions'), 'instructions');
    assert.equal(scopeOfPath('examples/CLAUDE.md', 'instructions'), 'instructions');
  });
  it('keeps every labeled file of the real-application corpus (and the prompt files they load) in the runtime scope', () => {
    let files = 0;
    for (const name of readdirSync(LABELS).filter((f) => f.endsWith('.json'))) {
      const labels = JSON.parse(readFileSync(join(LABELS, name), 'utf8')) as { path: string; prompts?: { path?: string }[] }[];
      for (const label of labels) {
        for (const path of [label.path, ...(label.prompts ?? []).flatMap((p) => (p.path ? [p.path] : []))]) {
          const miss = RUNTIME_SCOPE_MISSES.get(`${name}:${path}`);
          const byRepository = RUNTIME_BY_REPOSITORY.get(`${name}:${path}`);
          if (miss) assert.notEqual(scopeOfPath(path), 'runtime', `${name}: ${path} is runtime now (${miss}): drop it from RUNTIME_SCOPE_MISSES`);
          else if (byRepository) assert.notEqual(scopeOfPath(path), 'runtime', `${name}: ${path} is runtime by its path now: drop it from RUNTIME_BY_REPOSITORY`);
          else assert.equal(scopeOfPath(path), 'runtime', `${name}: ${path}`);
          files++;
        }
      }
    }
    assert.ok(files >= 20, `the corpus labels many files (${files})`);
  });
  it('reads the folders of a Next.js router as routes, not as example folders', () => {
    for (const p of ['app/examples/function-calling/page.tsx', 'src/app/demo/page.tsx', 'apps/web/app/playground/api/route.ts', 'pages/examples/chat.tsx']) {
      assert.equal(scopeOfPath(p), 'runtime', p);
    }
    for (const p of ['examples/next-openai/app/page.tsx', 'examples/app/chat/page.tsx', 'app/examples/agent.py', 'app/demo/notes.md']) {
      assert.equal(scopeOfPath(p), 'example', p);
    }
    assert.equal(scopeOfPath('app/tests/page.test.tsx'), 'test');
  });
  it('treats storybook stories and test data as not the bill, and does not mistake look-alike names', () => {
    assert.equal(scopeOfPath('components/chat.stories.tsx'), 'example');
    assert.equal(scopeOfPath('src/testdata/prompt.py'), 'test');
    for (const p of ['src/latest/agent.py', 'app/contest/run.ts', 'lib/specialist.ts', 'src/examples_loader.py']) assert.equal(scopeOfPath(p), 'runtime', p);
  });
});
