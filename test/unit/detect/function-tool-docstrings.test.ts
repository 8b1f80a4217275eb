import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const CONVERTED = `from camel.toolkits.function_tool import FunctionTool
from langchain_core.tools import StructuredTool
from openai_function_call import openai_function


class DocumentToolkit:
    def extract_document_content(self, document_path: str):
        r"""Extract the content of a given document or url and return the processed text."""
        return document_path

    def helper(self, x):
        """Formats one row of the table for the log file."""
        return x

    def get_tools(self):
        return [FunctionTool(self.extract_document_content)]


def search(query: str) -> str:
    """Look the query up on the web and return the top results."""
    return query


def described(query: str) -> str:
    """An internal note that the given description replaces."""
    return query


search_tool = StructuredTool.from_function(search)
named_tool = StructuredTool.from_function(described, description="Find pages about a topic.")


@openai_function
def file_paths(files_to_edit: list) -> list:
    """
    Construct a list of strings naming the files to edit.
    """
    return files_to_edit
`;

describe('detect: docstrings of functions turned into tools by a converter call or schema decorator (Python)', () => {
  it('reads the docstring of a function or method given to FunctionTool, from_function and @openai_function', async () => {
    const f = await detectFile(CONVERTED, 'toolkit.py');
    const lines = f.prompts.filter((p) => p.kind === 'tool-description').map((p) => p.line).sort((a, b) => a - b);
    assert.ok(lines.includes(8), 'the method handed to FunctionTool');
    assert.ok(lines.includes(20), 'the function handed to StructuredTool.from_function');
    assert.ok(lines.includes(35), 'the @openai_function docstring');
    assert.ok(!lines.includes(12), 'a method no converter is given is not described to the model');
    assert.ok(!lines.includes(25), 'a given description replaces the docstring');
  });
});
