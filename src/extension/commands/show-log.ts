import type { CommandFactory } from './types';

export const showLog: CommandFactory = (ctx) => () => ctx.log.show();
