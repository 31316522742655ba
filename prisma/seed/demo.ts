import { DEMO_EMAIL, DEMO_PASSWORD, DEMO_PROJECT_NAME } from '../../lib/demo';
import { hashPassword } from '../../lib/server/auth/password';
import { db } from '../../lib/server/db/client';

/**
 * The demo workspace a newcomer signs in to after `npm start`: the demo account owns a
 * project with a coder and a reviewer. Idempotent: does nothing when the demo account exists.
 * @returns whether anything was created.
 */
export async function seedDemo(): Promise<boolean> {
  if (await db.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } })) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const [demo, coder, reviewer] = await db.$transaction([
    db.user.create({ data: { email: DEMO_EMAIL, name: 'Dana Demo', passwordHash }, select: { id: true } }),
    db.user.create({ data: { email: 'lin.wei@groundwork.test', name: 'Lin Wei', passwordHash }, select: { id: true } }),
    db.user.create({ data: { email: 'sam.okafor@groundwork.test', name: 'Sam Okafor', passwordHash }, select: { id: true } }),
  ]);
  await db.project.create({
    data: {
      name: DEMO_PROJECT_NAME,
      description:
        'How do small cross-border e-commerce sellers build trust with overseas buyers? ' +
        'Semi-structured interviews with 18 sellers and platform managers, coded in grounded-theory style ' +
        '(open → axial → selective coding), with a follow-up survey of 312 sellers.',
      members: {
        create: [
          { userId: demo.id, role: 'owner' },
          { userId: coder.id, role: 'coder' },
          { userId: reviewer.id, role: 'reviewer' },
        ],
      },
    },
  });
  return true;
}
