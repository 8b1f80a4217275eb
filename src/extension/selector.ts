import type * as vscode from 'vscode';

/**
 * Documents the editor surfaces attach to: agent code, prompt files and
 * coding-agent instruction files. Detection decides what is in them; this
 * only keeps providers off unrelated documents.
 */
export const DOCUMENT_SELECTOR: vscode.DocumentSelector = [
  ...['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python'].map((language) => ({ language })),
  { language: 'markdown', pattern: '**/{AGENTS,CLAUDE,GEMINI,agents,claude}.md' },
  { language: 'markdown', pattern: '**/.github/{copilot-instructions.md,instructions/*.md,prompts/*.md}' },
  { pattern: '**/*.{prompt,prompty,mdc}' },
  { pattern: '**/.cursor/rules/**' },
  { pattern: '**/{agents,tasks}.{yaml,yml}' },
];
