/**
 * A model switched on an object before it is handed on: `self.model.model_name = "gpt-3.5-turbo-16k"` in a method,
 * then `summarize(model=self.model, …)` below it. The callee's requests on that parameter run on the model set there,
 * whatever the object was built with. Only a statement of the caller's own body counts (py-body-facts.ts), and only
 * one written before the call.
 */
import type { Expr, FieldSetFact, FunctionFact } from './facts';
import { exprText } from './extract';
import type { Inst, Val } from './values';

/** The last model field set on `arg` in `fn` before `line` (the call that hands it on), if any. */
export function fieldSetBefore(fn: FunctionFact | undefined, arg: Expr, line: number | undefined): FieldSetFact | undefined {
  if (!fn?.fieldSets?.length || (arg.k !== 'name' && arg.k !== 'member')) return undefined;
  const holder = exprText(arg);
  let last: FieldSetFact | undefined;
  for (const s of fn.fieldSets) if (s.holder === holder && (line === undefined || s.line < line) && (!last || s.line > last.line)) last = s;
  return last;
}

/**
 * The object handed on, with the model set on it: an instance keeps everything else it was built with and reads the
 * set field first; an object we could not follow stands for the model alone.
 */
export function withFieldSet(object: Val | undefined, set: FieldSetFact, value: Val | undefined): Val | undefined {
  if (value?.t !== 'str') return object;
  const model: Val = { ...value, detail: `${set.holder}.${set.field} = ${JSON.stringify(value.v)} before the call that hands ${set.holder} on` };
  if (object?.t !== 'inst') return model;
  const sets: Inst['sets'] = { ...object.sets, [set.field]: model };
  return { ...object, sets };
}
