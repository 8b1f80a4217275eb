import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

describe('a pydantic class that writes its own tool definition from its docstring and fields', () => {
  const tool = [
    'from pydantic import BaseModel, Field', //                                         1
    '', //                                                                                2
    'class Function(BaseModel):', //                                                      3
    '    """', //                                                                         4
    '    Executes a shell command and returns its output.', //                            5
    '    """', //                                                                         6
    '    shell_command: str = Field(..., description="Shell command to execute.")', //    7
    '', //                                                                                8
    '    @classmethod', //                                                                9
    '    def openai_schema(cls):', //                                                    10
    '        schema = cls.model_json_schema()', //                                       11
    '        return {"type": "function", "function": {"name": "run_shell", "description": cls.__doc__.strip(), "parameters": {"type": "object", "properties": schema["properties"]}}}', // 12
  ].join('\n');
  const help = [
    'from pydantic import BaseModel, Field', //                                         1
    '', //                                                                                2
    'class Settings(BaseModel):', //                                                      3
    '    """Settings shown on the help page of the command line."""', //                  4
    '    timeout: int = Field(30, description="Seconds to wait for the server.")', //     5
    '', //                                                                                6
    '    def help(self):', //                                                             7
    '        return {"name": "settings", "description": self.__doc__}', //                8
  ].join('\n');

  it('its docstring and field descriptions are one tool-description prompt, at the class', async () => {
    const f = await detectFile(tool, 'execute_shell.py');
    const p = f.prompts.find((x) => x.kind === 'tool-description');
    assert.ok(p && p.line === 3, `have ${f.prompts.map((x) => `${x.line}:${x.kind}`)}`);
    assert.match(p.text, /Executes a shell command/);
    assert.match(p.text, /Shell command to execute/);
  });

  it('trap: a docstring written into a record with no schema beside it (a help text) is not', async () => {
    const f = await detectFile(help, 'settings.py');
    assert.equal(f.prompts.filter((x) => x.kind === 'tool-description').length, 0);
  });
});
