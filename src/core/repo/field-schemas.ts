/**
 * A schema named at a use by the field that holds it (`llm.with_structured_output(state.extraction_schema)`, name
 * `.extraction_schema`): the JSON-schema dict some class of the repository gives that field as its default
 * (detect/schema-dicts-py.ts records it as a schema named `.extraction_schema`). State and configuration classes are
 * read from any node of the graph, so the field is looked up in every file; the first module that declares it wins.
 */
import type { SchemaFact } from './facts';
import type { RepoStore } from './store';

export function fieldSchema(store: RepoStore, name: string): { path: string; schema: SchemaFact } | undefined {
  for (const stored of store.files()) {
    const schema = stored.facts.schemas?.find((s) => s.name === name);
    if (schema) return { path: stored.file.path, schema };
  }
  return undefined;
}
