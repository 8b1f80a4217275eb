/**
 * Quick fixes of the savings findings, from the edit the core computed for the
 * finding (`fix` on the diagnostic): an output cap, a cheaper model (offered,
 * never preferred: a quality trade-off the user weighs), Anthropic's
 * cache_control on the system prompt. Rules without a mechanical edit
 * (`batchable`, `cache-breaker`) offer none.
 */
import type { CallReport } from '../../core/report/types';
import { codeLanguageOf, replaceModelEdit } from './edits';
import type { FixInput, FixPlan } from './plans';
import { cacheControlEdit, outputCapEdit } from './savings-edits';

export function savingsFixPlans(input: FixInput, call: CallReport | undefined): FixPlan[] {
  const fix = input.spec.fix;
  const language = codeLanguageOf(input.languageId);
  if (!fix || !language) return [];
  switch (fix.kind) {
    case 'output-cap': {
      if (!call) return [];
      const edit = outputCapEdit(input.text, call, language, fix.option, fix.value);
      return edit ? [{ title: `Cap the reply at ${fix.value} tokens (${fix.option})`, edit, preferred: true }] : [];
    }
    case 'model': {
      if (!call?.model) return [];
      const edit = replaceModelEdit(input.text, call, call.model, fix.model);
      return edit ? [{ title: `Switch to ${fix.model} (cheaper; check that quality holds)`, edit, preferred: false }] : [];
    }
    case 'cache-control': {
      const edit = cacheControlEdit(input.text, fix.at, fix.shape, language);
      return edit ? [{ title: 'Cache the system prompt (cache_control)', edit, preferred: true }] : [];
    }
  }
}
