/**
 * Attributes a method other than the constructor sets (`def set_lm(self, lm): self.lm = lm`,
 * `def init_openai_model(self): self.lm = Model(model="x")`). The class's `attrs` keep the
 * first assignment (usually the constructor's placeholder); these say what a later call of
 * that method on an instance puts there (instance-setters.ts follows those calls).
 */
import type { ClassFact, Expr } from './facts';
import type { FunctionBucket } from './extract-shared';

const CONSTRUCTOR = /\.(__init__|constructor|__post_init__)$/;

export function setterFacts(className: string, buckets: readonly FunctionBucket[]): Pick<ClassFact, 'setters'> {
  const setters: Record<string, { fn: string; expr: Expr }[]> = {};
  for (const b of buckets) {
    if (b.className !== className || CONSTRUCTOR.test(b.name)) continue;
    for (const [attr, expr] of Object.entries(b.selfAttrs)) (setters[attr] ??= []).push({ fn: b.name, expr });
  }
  return Object.keys(setters).length ? { setters } : {};
}
