import type { CommandFactory } from './types';

/** Reloads the catalog (custom models, overrides, tokenomics.json) and re-analyses open documents. */
export const refresh: CommandFactory = (ctx) => () => ctx.catalog.reload('requested by the user');
