/**
 * The demo project's mixed-methods layer: interview cases matched to the survey's seller ids,
 * and five links between its grounded-theory categories and the survey's scales, each with
 * exemplar quotes and the team's meta-inference — a joint display filled in.
 */

/** Interviewee (as the demo sources name them) → case identifier (the survey's `seller` id, or a platform manager's id). */
export function demoCaseName(interviewee: string): string | null {
  const m = /^([SP])(\d{2})\b/u.exec(interviewee.trim());
  if (!m) return null;
  return m[1] === 'S' ? `S${m[2].padStart(3, '0')}` : `${m[1]}${m[2]}`;
}

/** The links: category (by name) ↔ scale (by name), why, and how the two strands relate. */
export const DEMO_LINKS: Array<{ code: string; scale: string; rationale: string; inference: 'convergent' | 'complementary' | 'divergent'; note: string; exemplars: number }> = [
  {
    code: 'speaking like a local',
    scale: 'Buyer communication',
    rationale: 'Sellers describe answering in the buyers’ language and tone; BC1–BC4 measure responsiveness and language reach.',
    inference: 'convergent',
    note: 'Interviewees credit local-language replies with trust; in the survey, communication raises intention through platform trust (indirect effect, bootstrap CI excludes 0).',
    exemplars: 3,
  },
  {
    code: 'social proof',
    scale: 'Platform trust',
    rationale: 'Reviews, ratings and live selling are how sellers borrow the platform’s credibility (PT4: ratings make buyers confident).',
    inference: 'complementary',
    note: 'The survey shows that platform trust predicts repeat purchase; the interviews explain how sellers generate it (reviews, creators, livestreams).',
    exemplars: 2,
  },
  {
    code: 'local fulfilment',
    scale: 'Logistics capability',
    rationale: 'Overseas warehouses and fast delivery (LC1–LC4) are the “becoming local” strategy for logistics.',
    inference: 'convergent',
    note: 'Both strands: fast local delivery matters, and in the survey it weakens the harm of perceived risk (moderation).',
    exemplars: 2,
  },
  {
    code: 'anonymity of the foreign seller',
    scale: 'Perceived risk',
    rationale: 'Buyer suspicion of unknown, foreign shops is what PR1–PR4 measure from the seller’s side.',
    inference: 'convergent',
    note: 'Interviewees describe suspicion of unknown foreign shops; perceived risk lowers intention in the survey.',
    exemplars: 2,
  },
  {
    code: 'quality and service assurance',
    scale: 'Repeat-purchase intention',
    rationale: 'Warranties, returns and fast complaint handling are offered to win repeat buyers.',
    inference: 'divergent',
    note: 'Sellers expect assurance to bring buyers back, but the survey has no assurance measure and intention is driven mainly by trust and risk; to be tested in wave 2.',
    exemplars: 2,
  },
];
