import type { CliCommand } from '../command';
import { agentCommand } from './agent';
import { catalogCommand } from './catalog';
import { compareCommand } from './compare';
import { countCommand } from './count';
import { diffCommand } from './diff';
import { estimateCommand } from './estimate';
import { hardwareCommand } from './hardware';
import { mergeCommand } from './merge';
import { scanCommand } from './scan';

/**
 * The command table. Each command lives in its own file; add it here.
 * Order is the order of `tokenomics --help`.
 */
export const COMMANDS: readonly CliCommand[] = [scanCommand, diffCommand, mergeCommand, estimateCommand, agentCommand, compareCommand, countCommand, hardwareCommand, catalogCommand];
