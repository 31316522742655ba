import { expect, type Page, test } from '@playwright/test';

import { INSTANCE_1, openTeam } from '../fixtures/team';
import { newUser, signUp } from '../fixtures/users';

// Team review of hierarchy changes (issue 13): the owner turns review on; a coder on instance 1
// groups two concepts into a new category, which becomes a proposal instead of a change; a
// reviewer on instance 2 comments on the change and approves it; both see the new category.

const row = (page: Page, name: string) => page.locator('li[data-code-id]', { has: page.getByRole('link', { name, exact: true }) }).last();

test('a coder’s grouping becomes a proposal, a reviewer on the other instance comments and approves, and the hierarchy changes for both', async ({ browser }, testInfo) => {
  test.setTimeout(480_000);
  const team = await openTeam(browser, { projectName: 'Reviewed theory', memberRole: 'reviewer', labels: ['Olga', 'Rita'] });
  const owner = team.a.page;
  const reviewer = team.b.page;

  // A coder, signed in on instance 1, joins the project.
  const coderContext = await browser.newContext({ baseURL: INSTANCE_1 });
  const coder = await coderContext.newPage();
  const coderUser = newUser('Cora');
  await signUp(coder, coderUser);
  await owner.goto(`${team.projectPath}/team`);
  await owner.getByLabel('Email of a registered user').fill(coderUser.email);
  await owner.getByLabel('Role', { exact: true }).selectOption('coder');
  await owner.getByRole('button', { name: 'Invite' }).click();
  await expect(owner.getByTestId('form-message')).toHaveText(`${coderUser.name} joined as coder.`);

  // The owner adds two concepts and turns review on.
  await owner.goto(`${team.projectPath}/codes`);
  for (const name of ['slow shipping', 'lost parcels']) {
    await owner.getByLabel('Code name').fill(name);
    await owner.getByRole('button', { name: 'Add code' }).click();
    await expect(owner.getByTestId('form-message')).toHaveText(`Code “${name}” added.`);
  }
  await owner.goto(`${team.projectPath}/settings`);
  await owner.getByRole('button', { name: 'Turn on review of hierarchy changes' }).click();
  await expect(owner.getByTestId('hierarchy-review-status')).toContainText('On: coders’ structural changes become proposals for review.');

  // The coder groups the two concepts: collected in a proposal, the hierarchy unchanged.
  await coder.goto(`${team.projectPath}/hierarchy`);
  for (const name of ['slow shipping', 'lost parcels']) await row(coder, name).getByRole('checkbox').first().check();
  await coder.getByLabel('Name of the new category').fill('Delivery problems');
  await coder.getByRole('button', { name: 'Group into new category' }).click();
  await expect(coder.getByRole('status').filter({ hasText: 'Added to your proposal (1 change)' })).toContainText('Group C1 “slow shipping”, C2 “lost parcels” into a new category “Delivery problems”');
  await coder.reload();
  await expect(coder.getByTestId('hierarchy-summary')).toContainText('0 categories');
  await expect(coder.getByTestId('proposal-draft-banner')).toContainText('You have a draft proposal with 1 change.');

  // The coder describes and submits the proposal.
  await coder.getByTestId('proposal-draft-banner').getByRole('link', { name: 'Review and submit your proposal' }).click();
  await coder.getByLabel('Title').fill('Group delivery concepts');
  await coder.getByLabel('Description').fill('Both concepts are about parcels arriving late or not at all.');
  await coder.getByRole('button', { name: 'Submit for review' }).click();
  await expect(coder.getByTestId('form-message').first()).toContainText('Submitted for review.');
  const proposalPath = new URL(coder.url()).pathname;

  // The reviewer, on instance 2, finds it under Team › Reviews, comments on the change and approves.
  await reviewer.goto(`${team.projectPath}/team/proposals`);
  await expect(reviewer.getByRole('table', { name: 'Open proposals' })).toContainText('Group delivery concepts');
  await reviewer.getByRole('link', { name: 'Group delivery concepts' }).click();
  await expect(reviewer).toHaveURL(new RegExp(`${proposalPath}$`));
  await expect(reviewer.getByTestId('proposal-status')).toHaveText('Awaiting review.');
  const change = reviewer.getByTestId('proposal-change').first();
  await expect(change).toContainText('Group C1 “slow shipping”, C2 “lost parcels” into a new category “Delivery problems”');
  await change.getByPlaceholder('Comment on change 1').fill('Good call — maybe add “customs delays” later.');
  await change.getByRole('button', { name: 'Comment' }).click();
  await expect(change.getByRole('list', { name: 'Comments' })).toContainText('Good call — maybe add “customs delays” later.');
  await reviewer.screenshot({ path: testInfo.outputPath('proposal-review.png'), fullPage: true });
  await reviewer.getByLabel('Note to the author (optional)').fill('Approved, thanks.');
  await reviewer.getByRole('button', { name: 'Approve and apply' }).click();
  await expect(reviewer.getByTestId('proposal-status')).toContainText('Approved');
  await expect(reviewer.getByRole('heading', { name: 'Decision' })).toHaveCount(0);

  // The coder sees the comment and the decision; both see the new category in the hierarchy.
  await coder.goto(proposalPath);
  await expect(coder.getByTestId('proposal-change').first()).toContainText('Good call — maybe add “customs delays” later.');
  await expect(coder.getByTestId('proposal-status')).toContainText('Approved');
  for (const page of [coder, reviewer]) {
    await page.goto(`${team.projectPath}/hierarchy`);
    await expect(page.getByTestId('hierarchy-summary')).toContainText('1 category');
    await expect(row(page, 'Delivery problems')).toBeVisible({ timeout: 30_000 });
    await expect(row(page, 'Delivery problems')).toContainText('slow shipping');
  }
  await expect(coder.getByTestId('proposal-draft-banner')).toHaveCount(0);
  await coder.screenshot({ path: testInfo.outputPath('hierarchy-after-approval.png'), fullPage: true });

  await coderContext.close();
  await team.close();
});
