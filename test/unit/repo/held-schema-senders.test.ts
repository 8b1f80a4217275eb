import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { file, scanTree } from './fixture-scan';

const IO = `import json

FORMAT_INSTRUCTIONS = """The output should be formatted as a JSON instance that conforms to the JSON schema below.

Here is the output schema:
{schema}
"""


class GptJsonIO():
    def __init__(self, schema, example_instruction=True):
        self.pydantic_object = schema
        self.format_instructions = self.generate_format_instructions()

    def generate_format_instructions(self):
        schema = self.pydantic_object.schema()
        reduced_schema = schema
        if "title" in reduced_schema:
            del reduced_schema["title"]
        schema_str = json.dumps(reduced_schema)
        return FORMAT_INSTRUCTIONS.format(schema=schema_str)

    def generate_output(self, text):
        return self.pydantic_object.parse_obj(json.loads(text))


class ReplyValidator():
    def __init__(self, model):
        self.model = model

    def describe(self):
        schema = self.model.schema()
        print(f"validating against {schema}")
        return schema
`;

const APP = `from pydantic import BaseModel, Field
from openai import OpenAI
from io_fns import GptJsonIO, ReplyValidator

client = OpenAI()


class UserIntention(BaseModel):
    user_prompt: str = Field(description="the content of user input", default="")
    intention_type: str = Field(description="the type of user intention, choose from ['Chat', 'Plugin']", default="Chat")


class Settings(BaseModel):
    retries: int = Field(description="how many times a failed request is sent again", default=3)


def analyze(txt):
    gpt_json_io = GptJsonIO(UserIntention)
    validator = ReplyValidator(Settings)
    inputs = "Analyze the intention of the user according to following user input: " + txt + gpt_json_io.format_instructions
    reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": inputs}])
    validator.describe()
    return gpt_json_io.generate_output(reply.choices[0].message.content)
`;

describe('classes that keep a schema from their constructor and write it into format instructions (held-schema-senders-py.ts)', () => {
  it('the class is a sender on the constructor parameter it stores; a class that logs or returns the schema is not', async () => {
    const detected = await detectFile(IO, 'io_fns.py');
    assert.deepEqual(detected.facts?.schemaSenders?.map((s) => [s.fn, s.param]), [['GptJsonIO', 0]]);
  });

  it('the class passed to the constructor is reported with its field descriptions; one passed to the validator is not', async () => {
    const r = await scanTree({ 'io_fns.py': IO, 'app.py': APP });
    const app = file(r, 'app.py');
    const schemas = app.prompts.filter((p) => p.kind === 'tool-description').map((p) => p.name);
    assert.deepEqual(schemas, ['UserIntention']);
  });
});
