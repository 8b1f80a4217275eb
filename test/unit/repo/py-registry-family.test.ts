import * as assert from 'node:assert/strict';
import { file, scanTree } from './fixture-scan';

/**
 * A CLI picks its translator class from a table (`MODEL_DICT.get(options.model)`, else the default key), hands the class
 * to a loader picked from a second table, whose constructor builds the object (`self.translate_model = model(key, …)`).
 */
const TREE: Record<string, string> = {
  'app/translator/__init__.py': [
    'from app.translator.chatgpt import ChatGPTAPI',
    'from app.translator.claude import Claude',
    'from app.translator.deepl import DeepL',
    '',
    'MODEL_DICT = {',
    '    "chatgptapi": ChatGPTAPI,',
    '    "claude": Claude,',
    '    "deepl": DeepL,',
    '}',
  ].join('\n'),
  'app/translator/base.py': [
    'from abc import ABC, abstractmethod',
    '',
    '',
    'class Base(ABC):',
    '    """Base of the translators: each wraps one model or engine."""',
    '',
    '    def __init__(self, key, language):',
    '        self.key = key',
    '        self.language = language',
    '',
    '    @abstractmethod',
    '    def translate(self, text):',
    '        pass',
    '',
    '    def translate_list(self, texts):',
    '        out = []',
    '        for t in texts:',
    '            out.append(self.translate(t))',
    '        return out',
  ].join('\n'),
  'app/translator/chatgpt.py': [
    'import itertools',
    'from openai import OpenAI',
    'from .base import Base',
    '',
    'GPT35_MODEL_LIST = [',
    '    "gpt-3.5-turbo",',
    '    "gpt-3.5-turbo-1106",',
    '    "gpt-3.5-turbo-0125",',
    ']',
    '',
    '',
    'class ChatGPTAPI(Base):',
    '    def __init__(self, key, language):',
    '        super().__init__(key, language)',
    '        self.client = OpenAI(api_key=key)',
    '        self.model_list = itertools.cycle(GPT35_MODEL_LIST)',
    '',
    '    def rotate_model(self):',
    '        self.model = next(self.model_list)',
    '',
    '    def translate(self, text):',
    '        self.rotate_model()',
    '        r = self.client.chat.completions.create(model=self.model, messages=[{"role": "user", "content": text}])',
    '        return r.choices[0].message.content',
  ].join('\n'),
  'app/translator/claude.py': [
    'from anthropic import Anthropic',
    'from .base import Base',
    '',
    '',
    'class Claude(Base):',
    '    def __init__(self, key, language):',
    '        super().__init__(key, language)',
    '        self.client = Anthropic(api_key=key)',
    '',
    '    def translate(self, text):',
    '        r = self.client.messages.create(model="claude-3-haiku-20240307", max_tokens=1024, messages=[{"role": "user", "content": text}])',
    '        return r.content[0].text',
  ].join('\n'),
  'app/translator/deepl.py': [
    'import requests',
    'from .base import Base',
    '',
    '',
    'class DeepL(Base):',
    '    """DeepL machine translation, no model."""',
    '',
    '    def translate(self, text):',
    '        return requests.post("https://api.deepl.com/v2/translate", data={"text": text}).json()["text"]',
  ].join('\n'),
  'app/loader/__init__.py': [
    'from app.loader.txt_loader import TXTBookLoader',
    'from app.loader.md_loader import MDBookLoader',
    '',
    'BOOK_LOADER_DICT = {"txt": TXTBookLoader, "md": MDBookLoader}',
  ].join('\n'),
  'app/loader/txt_loader.py': [
    'class TXTBookLoader:',
    '    def __init__(self, name, model, key, language):',
    '        self.name = name',
    '        self.translate_model = model(key, language)',
    '',
    '    def make_bilingual_book(self):',
    '        out = []',
    '        for line in open(self.name):',
    '            out.append(self.translate_model.translate(line))',
    '        return out',
  ].join('\n'),
  'app/loader/md_loader.py': [
    'class MDBookLoader:',
    '    def __init__(self, name, model, key, language):',
    '        self.name = name',
    '        self.translate_model = model(key, language)',
    '',
    '    def _translate_list(self, texts, translator=None):',
    '        translator = translator or self.translate_model',
    '        return translator.translate_list(texts)',
    '',
    '    def make_bilingual_book(self):',
    '        return self._translate_list(open(self.name).read().split("\\n\\n"))',
  ].join('\n'),
  'app/cli.py': [
    'import argparse',
    'from app.loader import BOOK_LOADER_DICT',
    'from app.translator import MODEL_DICT',
    '',
    '',
    'def main():',
    '    parser = argparse.ArgumentParser()',
    '    parser.add_argument("--book_name")',
    '    parser.add_argument("--model", default="")',
    '    options = parser.parse_args()',
    '    if options.model:',
    '        translate_model = MODEL_DICT.get(options.model)',
    '    else:',
    '        translate_model = MODEL_DICT.get("chatgptapi")',
    '    book_type = options.book_name.split(".")[-1]',
    '    book_loader = BOOK_LOADER_DICT.get(book_type)',
    '    e = book_loader(options.book_name, translate_model, "key", "zh")',
    '    e.make_bilingual_book()',
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
  ].join('\n'),
};

function withFiles(changes: Record<string, string>): Record<string, string> {
  return { ...TREE, ...changes };
}

describe('calls on a chat-model object whose class a table of classes picks by a default key (Python)', () => {
  it("the loaders' calls on the picked object are the sites, priced on the default entry's rotated model list", async () => {
    const r = await scanTree(TREE);
    const txt = file(r, 'app/loader/txt_loader.py').calls;
    assert.deepEqual(txt.map((c) => [c.line, c.rule, c.model]), [[9, 'py-family-registry', 'gpt-3.5-turbo']]);
    // The parameter's fallback (`translator = translator or self.translate_model`) holds the same object.
    const md = file(r, 'app/loader/md_loader.py').calls;
    assert.deepEqual(md.map((c) => [c.line, c.rule, c.model]), [[8, 'py-family-registry', 'gpt-3.5-turbo']]);
    const detail = txt[0].modelSource?.detail ?? '';
    assert.match(detail, /MODEL_DICT\["chatgptapi"\] = ChatGPTAPI by default; the other entries that send: Claude/);
    assert.match(detail, /rotated per request over 3 models \(gpt-3\.5-turbo, gpt-3\.5-turbo-1106, gpt-3\.5-turbo-0125\)/);
    // The requests inside the classes are the family's implementation: listed, not billed again.
    assert.deepEqual(file(r, 'app/translator/chatgpt.py').calls.map((c) => c.role), ['implementation']);
    assert.deepEqual(file(r, 'app/translator/claude.py').calls.map((c) => c.role), ['implementation']);
    // The table lookups and the loader's construction are no calls.
    assert.deepEqual(r.files.find((f) => f.path === 'app/cli.py')?.calls ?? [], []);
  });

  it('trap: a default key that picks a plain MT engine (an HTTP API, no model) gives no site', async () => {
    const cli = TREE['app/cli.py'].replace('MODEL_DICT.get("chatgptapi")', 'MODEL_DICT.get("deepl")');
    const r = await scanTree(withFiles({ 'app/cli.py': cli }));
    assert.deepEqual(r.files.find((f) => f.path === 'app/loader/txt_loader.py')?.calls ?? [], []);
    assert.deepEqual(r.files.find((f) => f.path === 'app/loader/md_loader.py')?.calls ?? [], []);
  });

  it('trap: a table of classes none of which sends a request (parsers) gives no site on a method of the same name', async () => {
    const r = await scanTree(
      withFiles({
        'app/parsers.py': [
          'class CsvParser:',
          '    """Parses rows; the model column is data."""',
          '    def __init__(self, path):',
          '        self.path = path',
          '',
          '    def translate(self, row):',
          '        return row.split(",")',
          '',
          '',
          'class TsvParser(CsvParser):',
          '    def translate(self, row):',
          '        return row.split("\\t")',
          '',
          '',
          'PARSERS = {"csv": CsvParser, "tsv": TsvParser}',
        ].join('\n'),
        'app/rows.py': [
          'from app.parsers import PARSERS',
          '',
          '',
          'class Rows:',
          '    """Rows of a model sheet."""',
          '    def __init__(self, path, parser):',
          '        self.parser = parser(path)',
          '',
          '    def read(self, lines):',
          '        return [self.parser.translate(x) for x in lines]',
          '',
          '',
          'def main(kind="csv"):',
          '    rows = Rows("a.csv", PARSERS.get(kind))',
          '    return rows.read(open("a.csv"))',
        ].join('\n'),
      }),
    );
    assert.deepEqual(r.files.find((f) => f.path === 'app/rows.py')?.calls ?? [], []);
  });
});

describe('a model list rotated or drawn from at run time (Python)', () => {
  it('random.choice(MODELS) prices on the first model and names the others', async () => {
    const r = await scanTree({
      'app/ask.py': [
        'import random',
        'from openai import OpenAI',
        '',
        'MODELS = ["gpt-4o-mini", "gpt-4.1-mini"]',
        'client = OpenAI()',
        '',
        '',
        'def ask(q):',
        '    return client.chat.completions.create(model=random.choice(MODELS), messages=[{"role": "user", "content": q}])',
      ].join('\n'),
    });
    const c = file(r, 'app/ask.py').calls[0];
    assert.equal(c.model, 'gpt-4o-mini');
    assert.match(c.modelSource?.detail ?? '', /drawn at random over 2 models \(gpt-4o-mini, gpt-4\.1-mini\)/);
  });

  it('trap: a cycle over endpoints is no model', async () => {
    const r = await scanTree({
      'app/ask.py': [
        'import itertools',
        'from openai import OpenAI',
        '',
        'ENDPOINTS = ["https://a.example/v1", "https://b.example/v1"]',
        '',
        '',
        'class Asker:',
        '    def __init__(self):',
        '        self.urls = itertools.cycle(ENDPOINTS)',
        '',
        '    def ask(self, q, model):',
        '        client = OpenAI(base_url=next(self.urls))',
        '        return client.chat.completions.create(model=model, messages=[{"role": "user", "content": q}])',
      ].join('\n'),
    });
    const c = file(r, 'app/ask.py').calls[0];
    assert.notEqual(c.modelSource?.from, 'code', JSON.stringify(c.modelSource));
    assert.ok(!/https:/.test(c.model ?? ''), c.model);
  });
});
