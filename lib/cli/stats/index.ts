/**
 * Registry of `stats <analysis>` commands. To add an analysis: create lib/cli/stats/<name>.ts
 * exporting a {@link StatsCommand}, then add ONE import line and ONE array entry below.
 */
import type { StatsCommand } from './command';
import { correlationCommand } from './correlation';
import { describeCommand } from './describe';
import { mediateCommand } from './mediate';
import { moderateCommand } from './moderate';
import { olsCommand } from './ols';
import { panelCommand } from './panel';
import { didCommand } from './did';
import { qregCommand } from './qreg';
import { reliabilityCommand } from './reliability';

export type { StatsCommand } from './command';

/** All stats commands, in help order. */
export const statsCommands: readonly StatsCommand[] = [
  describeCommand,
  reliabilityCommand,
  correlationCommand,
  olsCommand,
  mediateCommand,
  moderateCommand,
  panelCommand,
  didCommand,
  qregCommand,
];
