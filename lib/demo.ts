/** The demo account seeded on the embedded default database (README "Demo"). */
export const DEMO_EMAIL = 'demo@groundwork.test';
export const DEMO_PASSWORD = 'groundwork-demo';
export const DEMO_PROJECT_NAME = 'Cross-border e-commerce marketing (demo)';

/**
 * The demo project's description, as its overview shows it. Every figure in it is what the demo
 * seed creates (checked by lib/demo.test.ts): the interviews, field note and literature excerpt
 * of prisma/seed/demo-content.ts and the 312 rows of the survey in prisma/seed/demo-survey.ts.
 */
export const DEMO_PROJECT_DESCRIPTION =
  'How do small cross-border e-commerce sellers build trust with overseas buyers? ' +
  'Six semi-structured interviews with sellers and platform managers, a field note from a seller meet-up and a literature excerpt, ' +
  'coded in grounded-theory style (open → axial → selective coding), with a follow-up survey of 312 sellers.';
