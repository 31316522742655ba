// `npm run db:seed`: seeds the demo workspace into DATABASE_URL (idempotent).
import { disconnectDb } from '../../lib/server/db/client';
import { seedDemo } from './demo';

seedDemo()
  .then(async (created) => {
    console.log(created ? 'seed: demo account and project created' : 'seed: demo account already present');
    await disconnectDb();
    process.exit(0);
  })
  .catch((error) => {
    console.error('seed failed:', error);
    process.exit(1);
  });
