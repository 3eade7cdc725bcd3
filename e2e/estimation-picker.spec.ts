import { openAs, post, signUp } from './api-accounts';
import { expect, test } from './csp';
import { snap } from './helpers';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

test('the session picker offers unestimated items first and stays clear of the session list', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  const run = Date.now().toString(36);
  const founder = await signUp(baseURL, 'Alex Founder', `alex-${run}@picker.e2e.headway.dev`);
  const workspace = await post(founder, '/api/workspaces', { name: `Picker ${run}` });
  const ws = workspace.id as string;
  // Backlog order: the estimated item comes first, then unestimated ones with long titles.
  const first = await post(founder, `/api/workspaces/${ws}/items`, {
    type: 'feature',
    title: 'Audit log',
    estimate: { optimistic: 1, likely: 2, pessimistic: 4 },
  });
  for (let n = 1; n <= 14; n += 1)
    await post(founder, `/api/workspaces/${ws}/items`, {
      type: 'feature',
      title: `Webhook delivery retries with exponential backoff and a dead-letter queue, part ${n}`,
    });
  const invitation = await post(founder, `/api/workspaces/${ws}/invitations`, {
    role: 'cto',
    fte: 1,
    skills: [],
  });
  const cto = await signUp(baseURL, 'Sam CTO', `cto-${run}@picker.e2e.headway.dev`);
  await post(cto, '/api/invitations/accept', { token: invitation.token });
  const session = await post(cto, `/api/workspaces/${ws}/estimation-sessions`, {
    title: 'Earlier refinement',
    unit: 'days',
    itemIds: [first.id],
  });

  const page = await openAs(
    browser,
    baseURL,
    cto,
    `/w/${workspace.slug}/estimation/sessions?session=${session.id}`,
  );
  const picker = page.getByRole('group', { name: 'Items to estimate' });
  const sessionCards = [
    page.getByRole('region', { name: 'Sessions' }).getByRole('listitem').first(),
    page.getByRole('listitem', { name: '#1 Audit log' }),
  ];
  const overlap = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await test.step(`at ${viewport.width}×${viewport.height}`, async () => {
      await page.setViewportSize(viewport);
      await expect(picker.getByRole('group', { name: 'Not estimated yet', exact: true })).toBeVisible();
      await expect(picker.getByRole('group', { name: 'Estimated', exact: true })).toContainText('Audit log');
      await expect(picker.getByRole('checkbox').first()).toHaveAccessibleName(/#2 .*part 1\b/);
      const pick = await picker.boundingBox();
      if (!pick) throw new Error('the picker is on screen');
      for (const card of sessionCards) {
        const box = await card.boundingBox();
        if (!box) throw new Error('the session card is on screen');
        expect(overlap(pick, box), `picker ${JSON.stringify(pick)}, card ${JSON.stringify(box)}`).toBe(false);
      }
      // The picker stays inside its form and the page does not scroll sideways.
      const form = await page.getByRole('region', { name: 'Start a session' }).boundingBox();
      expect(pick.x + pick.width).toBeLessThanOrEqual((form?.x ?? 0) + (form?.width ?? 0));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await snap(page, `estimation-picker-${viewport.width}`);
    });
  }
});
