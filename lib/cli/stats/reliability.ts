/** `stats reliability --items a,b,c [--reverse c --scale-min 1 --scale-max 5]` → lib/stats/reliability. */
import { reliability } from '@/lib/stats/reliability';
import type { StatsCommand } from './command';

/** The `stats reliability` command (registered in ./index.ts). */
export const reliabilityCommand: StatsCommand = {
  name: 'reliability',
  summary: "Cronbach's α, standardized α, McDonald's ω total, item–total r, α if item deleted",
  options: ['items', 'reverse', 'scale-min', 'scale-max'],
  usage: 'stats reliability --data FILE.csv --items q1,q2,q3 [--reverse q3 --scale-min 1 --scale-max 5] --json',
  run: (df, args) =>
    reliability(df, {
      items: args.list('items', true),
      reverse: args.list('reverse'),
      scaleMin: args.number('scale-min'),
      scaleMax: args.number('scale-max'),
    }),
};
