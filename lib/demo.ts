/** The demo account seeded on the embedded default database (README "Demo"). */
export const DEMO_EMAIL = 'demo@groundwork.test';
export const DEMO_PASSWORD = 'groundwork-demo';
export const DEMO_PROJECT_NAME = 'Cross-border e-commerce marketing (demo)';
