/**
 * Prompts kept as class attributes of a class that says it holds prompts: `class CoderPrompts:` with
 * `main_system = """…"""`, `files_content_prefix = "…"`, `example_messages = [dict(role=…, content=…)]`,
 * and its subclasses (`class EditBlockPrompts(CoderPrompts)`) overriding them. Applications select one
 * such class per mode and send its attributes (`self.prompts.main_system`); each text attribute is a
 * prompt whatever its own name (`files_no_full_files`), since the class's name already says what it holds;
 * values that are not prose (ids, paths, model names) are left out.
 */
import type { SyntaxNode } from './parser';
import { CONFIDENCE, kindFromName, type PromptReader } from './prompt-reader';
import type { Collected, Declaration, LanguageSyntax } from './syntax';
import { literalLength } from './text';

/** A class name (or a base's) that says the class holds prompts. */
const PROMPT_HOLDER = /prompt/i;
/** Prompt-named classes that hold something else: errors, settings, tests, enums of kinds. */
const NOT_HOLDER = /(Error|Exception|Warning|Test|Tests|Config|Settings|Options|Kind|Type|Role)$/;
/** Shortest attribute text taken: a reply such as "I updated the files." is a prompt; a flag or id is not. */
const MIN_TEXT = 12;
/** Attributes that name or label the class for people (`display_name = "Problem Solver"`): never sent as a prompt. */
const LABEL_ATTR = /^_*(display_?name|name|title|label|slug|icon|emoji|agent_?type|type|id|version)$/i;

export function findPromptClassAttributes(syntax: LanguageSyntax, collected: Collected, prompts: PromptReader): void {
  for (const d of collected.declarations) {
    if (d.isFunction) continue;
    const cls = classHolding(d);
    if (!cls || LABEL_ATTR.test(d.name) || !isPromptHolder(cls, syntax)) continue;
    const reason = `attribute ${d.name} of prompt class ${className(cls) ?? '?'}`;
    const kind = kindFromName(d.name);
    const value = d.value;
    if (syntax.items(value)) {
      // `example_messages = [dict(role="user", content=…), …]`: each message at its role's kind.
      prompts.promptsFrom(value, kind === 'other' ? 'few-shot' : kind, CONFIDENCE.named, reason);
      continue;
    }
    if (!syntax.isTextLiteral(value)) continue;
    const text = syntax.text(value);
    if (literalLength(text) < MIN_TEXT || !text.parts.some((p) => typeof p === 'string' && /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(p))) continue;
    prompts.promptsFrom(value, kind, CONFIDENCE.named, reason);
  }
}

/** The class whose body declares this attribute directly (not inside a method). */
function classHolding(d: Declaration): SyntaxNode | undefined {
  const name = d.nameNode;
  // Python: identifier → assignment → expression_statement → block → class_definition.
  if (name.parent?.type === 'assignment' && name.parent.childForFieldName('left')?.id === name.id) {
    const block = name.parent.parent?.parent;
    const cls = block?.type === 'block' ? block.parent : undefined;
    return cls?.type === 'class_definition' ? cls : undefined;
  }
  // TypeScript: property_identifier → public_field_definition → class_body → class.
  const field = name.parent;
  if (field?.type === 'public_field_definition' && field.parent?.type === 'class_body') {
    const cls = field.parent.parent;
    return cls && /^(class_declaration|class|abstract_class_declaration)$/.test(cls.type) ? cls : undefined;
  }
  return undefined;
}

function className(cls: SyntaxNode): string | undefined {
  return cls.childForFieldName('name')?.text;
}

function baseNames(cls: SyntaxNode): string[] {
  const py = cls.childForFieldName('superclasses');
  if (py) return py.namedChildren.filter((c) => c && c.type !== 'keyword_argument').map((c) => c!.text);
  const heritage = cls.namedChildren.find((c) => c?.type === 'class_heritage');
  return heritage ? heritage.text.replace(/^\s*(extends|implements)\s+/, '').split(/[\s,]+/).filter((s) => /^[A-Za-z_$]/.test(s) && !/^(extends|implements)$/.test(s)) : [];
}

/** The class's name says it holds prompts, or it extends a class whose name does. */
function isPromptHolder(cls: SyntaxNode, syntax: LanguageSyntax): boolean {
  const name = className(cls) ?? '';
  if (NOT_HOLDER.test(name)) return false;
  if (PROMPT_HOLDER.test(name)) return true;
  return baseNames(cls).some((b) => {
    const last = b.replace(/\[.*$/, '').split('.').pop() ?? '';
    return PROMPT_HOLDER.test(last) && !NOT_HOLDER.test(last) && (syntax.language === 'python' || /^[A-Z]/.test(last));
  });
}
