import { afterAll, inject } from 'vitest';

import { disconnectDb } from '../db/client';

// Point the data layer at this leg's database before any test imports run a query.
process.env.DATABASE_URL = inject('databaseUrl');

afterAll(async () => {
  await disconnectDb();
});
