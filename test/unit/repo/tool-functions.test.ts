import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFile } from '../../../src/core/detect';
import { annotatedDescriptions, scanTopLevelDefs } from '../../../src/core/detect/py-def-scan';
import { isFrameworkMarker } from '../../../src/core/detect/tool-function-hints';
import type { ScanResult } from '../../../src/node/scan';
import { file, REPOS, scan } from './fixture-scan';

const toolLines = (r: ScanResult, path: string): number[] =>
  (r.files.find((f) => f.path === path)?.prompts ?? []).filter((p) => p.kind === 'tool-description').map((p) => p.line).sort((a, b) => a - b);

describe('Python functions handed to the model as tools by their signature', () => {
  describe('reading module-level functions from the text', () => {
    it('a signature with brackets, colons and quotes in its defaults ends at its own colon; the docstring is cleaned', () => {
      const defs = scanTopLevelDefs(
        [
          'def a(x: str = "):", y: dict = {"k": (1, 2)}) -> Dict[str, Any]:',
          '    # a comment before the docstring',
          '    """',
          '    First line.',
          '',
          '        Indented more.',
          '    """',
          '    return x',
          '',
          'async def b(',
          '    z,  # a comment with )',
          '):',
          "    '''One line.'''",
          '',
          'class C:',
          '    def method(self):',
          '        """Not top level."""',
        ].join('\n'),
      );
      assert.deepEqual(
        defs.map((d) => [d.name, d.line, d.endLine, d.doc]),
        [
          ['a', 1, 7, 'First line.\n\n    Indented more.'],
          ['b', 10, 13, 'One line.'],
        ],
      );
    });

    it('decorated functions are left to the decorator rules, one-line and multi-line decorators alike', () => {
      const defs = scanTopLevelDefs(['@tool', 'def a():', '    """A."""', '', '@app.get(', '    "/x",', ')', 'def b():', '    """B."""', '', 'x = f(', '    1,', ')', 'def c():', '    """C."""'].join('\n'));
      assert.deepEqual(
        defs.map((d) => d.name),
        ['c'],
      );
    });

    it('Annotated descriptions: a written sentence or description= of a metadata call; web and CLI markers, bare types and ids are not', () => {
      const params = [
        'city: Annotated[str, "The city to look up"]',
        'path: Annotated[str, ParamMeta(description="Path (relative, e.g. \'a/b\')", enum=None)]',
        'q: Annotated[str, Query(description="Words to search for")]',
        'flag: Annotated[bool, typer.Option(help="Verbose output")]',
        'n: Annotated[int, "n"]',
        'items: Annotated[List[str], Field(description="Items to add")] = None',
        'plain: int = 3',
      ].join(', ');
      assert.deepEqual(annotatedDescriptions(params, isFrameworkMarker), [
        { param: 'city', text: 'The city to look up' },
        { param: 'path', text: "Path (relative, e.g. 'a/b')" },
        { param: 'items', text: 'Items to add' },
      ]);
    });
  });

  describe('a folder of tool modules collected by a loader whose docstrings a catalog reads', () => {
    let r: ScanResult;
    before(async () => {
      r = await scan('tool-functions');
    });

    it('detection records the evidence: a described tool module, the loader, the docstring reader', async () => {
      const read = (p: string) => detectFile(readFileSync(join(REPOS, 'tool-functions', p), 'utf8'), p);
      assert.deepEqual((await read('toolbox/files.py')).facts?.toolFunctionHints, { described: true });
      assert.deepEqual((await read('runtime/loader.py')).facts?.toolFunctionHints, { loader: true });
      assert.deepEqual((await read('runtime/schemas.py')).facts?.toolFunctionHints, { docReader: true });
      assert.equal((await read('api/routes.py')).facts?.toolFunctionHints, undefined, 'FastAPI Query descriptions document an HTTP parameter');
    });

    it('every public function of the described module is a tool: its docstring with the parameter descriptions', () => {
      assert.deepEqual(toolLines(r, 'toolbox/files.py'), [15, 26], 'read_file (described) and list_folder (same module); not the private _resolve');
      const readFile = file(r, 'toolbox/files.py').prompts.find((p) => p.line === 15)!;
      assert.equal(readFile.endLine, 21);
      assert.match(readFile.preview ?? '', /Read a text file from the workspace/);
    });

    it('a sibling module the loader collects (no LLM word in it) has its public functions as tools too', () => {
      assert.deepEqual(toolLines(r, 'toolbox/web.py'), [4]);
    });

    it('traps: functions of a folder without a described tool module, and a web framework’s Annotated parameters, are not prompts', () => {
      assert.deepEqual(toolLines(r, 'edge/conditions.py'), []);
      assert.deepEqual(toolLines(r, 'api/routes.py'), []);
    });
  });

  describe('without a loader', () => {
    it('a function whose parameters carry Annotated descriptions is a tool; its undescribed neighbours and other modules are not', async () => {
      const r = await scan('tool-functions-plain');
      assert.deepEqual(toolLines(r, 'agents/tools.py'), [4]);
      const weather = file(r, 'agents/tools.py').prompts.find((p) => p.line === 4)!;
      assert.ok((weather.tokens ?? 0) > 10, 'the docstring and both parameter descriptions are counted');
      assert.deepEqual(toolLines(r, 'agents/helpers.py'), []);
    });
  });
});
