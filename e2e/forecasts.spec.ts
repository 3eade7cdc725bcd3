import type { MilestoneForecastsView, Roadmap } from '../src/contract';
import {
  buildDailyCounts,
  describeMilestoneRisk,
  explainScheduleGap,
  forecastCompletion,
  judgeMilestoneRisk,
  MILESTONE_RISK_RULE,
} from '../src/domain/forecasting';
import { buildDemoWorkspace } from '../src/server/demo/demo-workspace';
import { describeMilestoneForecast } from '../src/web/features/forecasts/forecast-format';
import { importWithTeam } from './api-accounts';
import { expect, test } from './csp';
import { PASSWORD, signUpInNewContext, snapFull } from './helpers';

type Demo = ReturnType<typeof buildDemoWorkspace>;
const DAY = 86_400_000;

/**
 * Forecasts the demo company would have made in the past ("when will the next 8 items be done?"),
 * each from the completions before its day only, so the track record has real outcomes to score.
 */
function addPastForecasts(data: Demo, now: Date): void {
  const completedAt = data.items.flatMap((it) =>
    it.state === 'done' && it.completedAt ? [it.completedAt] : [],
  );
  const today = Math.floor(now.getTime() / DAY);
  for (let back = 150; back >= 40; back -= 10) {
    const start = new Date((today - back) * DAY).toISOString().slice(0, 10);
    const before = completedAt.filter((at) => at.slice(0, 10) < start);
    const { history } = buildDailyCounts({
      events: before.map((at, i) => ({ itemId: String(i), at, kind: 'completed' as const })),
      from: new Date((today - back - 60) * DAY).toISOString().slice(0, 10),
      to: new Date((today - back - 1) * DAY).toISOString().slice(0, 10),
    });
    const forecast = forecastCompletion({ history, start, items: 8, trials: 2000, seed: back });
    if (forecast.status !== 'ok') continue;
    data.forecasts.push({
      kind: 'throughput_when',
      subject: { items: 8 },
      method: forecast.method,
      inputs: { trials: 2000, seed: back, window: 60 },
      startDate: start,
      percentiles: forecast.percentiles.map((p) => ({ ...p })),
      distribution: { histogram: forecast.finishHistogram, total: forecast.trials },
      madeBy: null,
      madeAt: `${start}T09:00:00.000Z`,
      outcome: null,
      scoredAt: null,
    });
  }
}

test('a founder reads when a milestone is 85% likely done, cuts scope and sees the forecast move', async ({
  page,
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is set in playwright.config.ts');
  let workspace = { id: '', slug: '' };
  let milestoneId = '';
  let invitePath = '';

  await test.step('the founder imports the demo company, with forecasts it made in the past', async () => {
    await page.goto('/signup');
    await page.getByLabel('Name').fill('Fia Founder');
    await page.getByLabel('Email').fill('fia@forecasts.e2e.headway.dev');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Workspaces' })).toBeVisible();
    const csrf = (await page.context().cookies()).find((c) => c.name === 'headway_csrf')?.value ?? '';
    const headers = { 'X-CSRF-Token': decodeURIComponent(csrf) };
    const now = new Date();
    const data = buildDemoWorkspace(now);
    data.workspace.name = 'Forecast Co';
    addPastForecasts(data, now);
    expect(data.forecasts.length).toBeGreaterThan(5);
    workspace = (await importWithTeam(
      baseURL,
      { request: page.request, csrf: headers['X-CSRF-Token'] },
      data,
    )) as typeof workspace;
    const initiatives = await page.request.get(`/api/workspaces/${workspace.id}/items?type=initiative`);
    const list = ((await initiatives.json()) as { data: { id: string; title: string }[] }).data;
    milestoneId = list.find((it) => it.title === 'Team workspaces')?.id ?? '';
    expect(milestoneId).not.toBe('');
    const invitation = await page.request.post(`/api/workspaces/${workspace.id}/invitations`, {
      data: { role: 'developer', fte: 1, skills: ['backend'] },
      headers,
    });
    expect(invitation.status()).toBe(201);
    invitePath = ((await invitation.json()) as { path: string }).path;
  });

  let before = '';
  await test.step('the founder opens the milestone and reads "85% likely by …"', async () => {
    await page.goto(`/w/${workspace.slug}/forecasts`);
    await expect(page.getByRole('heading', { name: 'Forecasts', level: 1 })).toBeVisible();
    await expect(page.getByText('Pick a milestone')).toBeVisible();
    // From the backlog: the initiative's panel opens its forecast.
    await page.getByRole('link', { name: 'Backlog' }).click();
    // Only open work is listed and only the rows in view are drawn: search brings the initiative up.
    await page.getByRole('searchbox', { name: 'Search' }).fill('Team workspaces');
    // The search is applied after a pause and rewrites the page's address: wait for its answer
    // before opening the panel, and open it again if the address was rewritten under the click.
    await expect(page.getByRole('heading', { name: /^Backlog\s*1 items?$/, level: 1 })).toBeVisible();
    await expect(async () => {
      await page.getByRole('button', { name: 'Team workspaces', exact: true }).click();
      await expect(page.getByTestId('item-panel')).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await page.getByTestId('item-panel').getByRole('link', { name: 'Forecast when it is done' }).click();
    await expect(page).toHaveURL(/\/forecasts\?mode=milestone&milestone=/);
    await expect(page.getByRole('combobox', { name: 'Milestone' })).toHaveValue(milestoneId);
    const headline = page.getByTestId('forecast-headline');
    await expect(headline).toContainText(/85% likely by \w{3} \d{1,2} \w{3}/);
    before = (await headline.textContent()) ?? '';
    await expect(page.getByTestId('p50')).not.toHaveText('');
    await expect(page.getByTestId('target-chance')).toContainText('likely to be done by');
    // The chart is drawn from every simulated plan, with the target marked.
    await expect(page.getByTestId('distribution-curve').locator('.recharts-area')).toBeVisible();
    await expect(page.getByTestId('plan-track-record')).toContainText(
      /P85 held in \d+ of \d+ scored plan forecasts|not enough data/,
    );
    // Beside it, the throughput forecast for the same work, with its own calibration label.
    await expect(page.getByTestId('plan-comparison')).toContainText(
      /calibrated on \d+ past forecasts|calibrating: \d+ of the 52|not enough data/,
    );
    expect(await page.getByTestId('forecast-item-row').count()).toBeGreaterThan(1);
    await page.mouse.move(0, 0);
    await page
      .getByTestId('forecast-panel')
      .screenshot({ path: 'test-results/screenshots/forecasts-panel.png' });
  });

  await test.step('the roadmap card of the milestone tells the same story as its forecast', async () => {
    // The forecast says what it learned from the team's record, in words.
    await expect(page.getByText(/Focus factor \d+ %/)).toBeVisible();
    const p85 = /85% likely by (\w{3} \d{1,2} \w{3}(?: \d{4})?)/.exec(before)?.[1];
    expect(p85).toBeTruthy();
    const chance = (await page.getByTestId('target-chance').textContent()) ?? '';
    const label = /track record: (.+)\.$/.exec(
      (await page.getByTestId('plan-track-record').textContent()) ?? '',
    )?.[1];
    expect(label).toBeTruthy();
    await page.getByRole('link', { name: 'Roadmap' }).click();
    const card = page.getByTestId('milestone-card').filter({ hasText: 'Team workspaces' });
    await expect(card.getByTestId('milestone-forecast')).toContainText(`85% likely by ${p85}`);
    const share = /([<>]?\d+%)/.exec(chance)?.[1];
    expect(share).toBeTruthy();
    await expect(card.getByTestId('milestone-forecast')).toContainText(`${share} likely by the target`);
    await expect(card.getByTestId('milestone-track-record')).toContainText(label!);
    // Late or at risk is the forecast's judgement, with its rule in the tooltip.
    const views = await Promise.all([
      page.request.get(`/api/workspaces/${workspace.id}/forecasts/milestones`),
      page.request.get(`/api/workspaces/${workspace.id}/roadmap`),
    ]);
    const [cards, plan] = (await Promise.all(views.map((v) => v.json()))) as [
      MilestoneForecastsView,
      Roadmap,
    ];
    const forecast = cards.milestones.find((m) => m.id === milestoneId)!;
    const risk = judgeMilestoneRisk(forecast.probabilityOnTime);
    if (risk) {
      await expect(card.getByTestId('milestone-risk')).toHaveText(new RegExp(describeMilestoneRisk(risk)));
      await expect(card.getByTestId('milestone-risk')).toHaveAttribute('title', MILESTONE_RISK_RULE);
    }
    // The timeline's diamond tells the card's story: placed and labelled from the same forecast.
    if (forecast.p85) {
      const words = describeMilestoneForecast({ ...forecast, p85: forecast.p85 }, cards.start);
      await expect(card.getByTestId('milestone-forecast')).toContainText(words);
      const mark = page.locator(`[data-testid="timeline-milestone"][data-milestone="${milestoneId}"]`);
      await expect(mark.getByTestId('timeline-milestone-label')).toContainText(words);
    }
    // Where the scheduled date and the P85 differ a lot, card and forecast page say why in the same words.
    const gap = explainScheduleGap({
      start: cards.start,
      scheduled: plan.milestones.find((m) => m.id === milestoneId)?.date ?? null,
      p85: forecast.p85,
      basis: { ...cards.record, unestimated: forecast.unestimated },
    });
    if (gap.line) {
      await expect(card.getByTestId('milestone-gap')).toHaveText(gap.line);
      await page.goBack();
      await expect(page.getByTestId('forecast-schedule-gap')).toContainText(gap.line);
      await page.goForward();
    } else {
      await expect(card.getByTestId('milestone-gap')).toHaveCount(0);
    }
    await card.screenshot({ path: 'test-results/screenshots/roadmap-milestone-forecast.png' });
    await page.goBack();
  });

  await test.step('the founder calls the milestone on track, and the card sets the forecast beside the call', async () => {
    await page.getByRole('link', { name: 'Roadmap' }).click();
    const card = page.getByTestId('milestone-card').filter({ hasText: 'Team workspaces' });
    await card.getByRole('button', { name: 'Team workspaces' }).click();
    const health = page.getByTestId('item-panel').getByTestId('item-health');
    await health.getByLabel('Call').selectOption('on_track');
    await health.getByLabel('Why').fill('The audit trail is the last piece');
    await health.getByRole('button', { name: 'Post the call' }).click();
    await expect(health.getByTestId('health-call')).toContainText('Fia Founder: on track');
    const chance = await card.getByTestId('milestone-forecast').textContent();
    const share = /· ([<>]?\d+)% likely by the target/.exec(chance ?? '')?.[1];
    expect(share).toBeTruthy();
    await expect(card.getByTestId('health-call')).toContainText(
      `Fia Founder: on track · forecast ${share}% by target`,
    );
    // A call of on track against a forecast under 50 % is pointed out, on the card and in the detail.
    const under = Number(share!.replace(/[<>]/, '')) < 50;
    await expect(card.getByTestId('health-mismatch')).toHaveCount(under ? 1 : 0);
    await expect(health.getByTestId('health-mismatch')).toHaveCount(under ? 1 : 0);
    await page.goto(`/w/${workspace.slug}/forecasts?mode=milestone&milestone=${milestoneId}`);
    await expect(page.getByTestId('forecast-headline')).toHaveText(before);
  });

  await test.step('a developer sees the cut disabled, with who decides scope', async () => {
    const dev = await signUpInNewContext({
      browser,
      baseURL,
      path: invitePath,
      name: 'Dev Eloper',
      email: 'dev@forecasts.e2e.headway.dev',
    });
    await dev.getByRole('button', { name: 'Join workspace' }).click();
    await expect(dev).toHaveURL(/\/w\/[^/]+\/backlog/);
    await dev.goto(`/w/${workspace.slug}/forecasts?mode=milestone&milestone=${milestoneId}`);
    await expect(dev.getByTestId('forecast-headline')).toContainText('85% likely by');
    await expect(dev.getByRole('button', { name: /^Cut .* from scope$/ }).first()).toBeDisabled();
    await expect(dev.getByRole('note').filter({ hasText: 'Cutting scope' })).toBeVisible();
  });

  await test.step('the founder cuts the item that finishes last, and the forecast moves', async () => {
    // The row with the latest 85% date holds the milestone back most often. (With several items
    // that may finish last, the milestone's own 85% date can lie after every item's.)
    const rows = page.getByTestId('forecast-item-row');
    const p85s = await rows.evaluateAll((list) =>
      list.map((row) => {
        const text = row.querySelectorAll('td')[1]?.textContent ?? '';
        const year = new Date().getFullYear();
        const dated = /\d{4}/.test(text) ? Date.parse(text) : Date.parse(`${text} ${year}`);
        return dated < Date.now() - 86_400_000 && !/\d{4}/.test(text)
          ? Date.parse(`${text} ${year + 1}`)
          : dated;
      }),
    );
    const latest = p85s.indexOf(Math.max(...p85s));
    await rows
      .nth(latest)
      .getByRole('button', { name: /^Cut .* from scope$/ })
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('Why')).toHaveValue(/Cut from #\d+ Team workspaces/);
    await dialog.getByRole('button', { name: 'Cut from scope' }).click();
    await expect(dialog).toBeHidden();
    const change = page.getByTestId('forecast-change');
    await expect(change).toContainText(/was 85% by .+, now 85% by .+ \(\d+ days? earlier\)/);
    await expect(page.getByTestId('forecast-headline')).not.toHaveText(before);
    await snapFull(page, 'forecasts-after-cut');
  });

  await test.step('the founder looks at the next 20 items from throughput: histogram and fan', async () => {
    await page.getByText('The next N items').click();
    await page.getByRole('spinbutton', { name: 'When will this many items be done?' }).fill('20');
    await page.getByRole('button', { name: 'Forecast', exact: true }).click();
    await expect(page.getByTestId('forecast-headline')).toContainText('85% likely by');
    await expect(page.getByRole('heading', { name: 'The next 20 items' })).toBeVisible();
    // The forecast says where it stands on the team's own record.
    await expect(page.getByTestId('forecast-calibration')).toContainText(
      /^(Calibrated on \d+ past forecasts|Calibrating: \d+ of the 52|Not enough data: \d+ items)/,
    );
    const fan = page.getByTestId('fan-chart');
    await expect(fan.locator('.recharts-area').first()).toBeVisible();
    await fan.scrollIntoViewIfNeeded();
    await fan.screenshot({ path: 'test-results/screenshots/forecasts-fan.png' });
    await snapFull(page, 'forecasts-throughput');
  });

  await test.step('the track record scores the past forecasts against what happened', async () => {
    await page.getByRole('link', { name: 'Track record' }).click();
    await expect(page.getByRole('heading', { name: 'Forecast track record' })).toBeVisible();
    await expect(page.getByTestId('track-summary')).toContainText(/\d+ of \d+/);
    expect(await page.getByTestId('scored-forecast').count()).toBeGreaterThan(5);
    await expect(page.getByTestId('calibration-chart')).toBeVisible();
    // Each kind of forecast is judged on its own record, the demo's plans included.
    for (const kind of ['throughput', 'plan']) {
      await expect(page.getByTestId(`track-kind-${kind}`).getByRole('cell').first()).not.toHaveText('0');
    }
    await snapFull(page, 'forecasts-track-record');
  });
});
