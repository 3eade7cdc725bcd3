/**
 * The roadmap as Markdown, to paste into a wiki, a README or an email. Every value from the data
 * (titles, names) is escaped, so a title such as `<img onerror=…>` or `[x](javascript:…)` is shown
 * as written and never becomes HTML, a link or an image.
 */

/** A planned item as the roadmap shows it. */
export interface MarkdownRoadmapItem {
  number: number;
  title: string;
  type: string;
  personName: string | null;
  start: string;
  finish: string;
  bucket: 'now' | 'next' | 'later';
  milestoneId: string | null;
  critical: boolean;
}

/** A milestone with its target and planned date. */
export interface MarkdownRoadmapMilestone {
  id: string;
  title: string;
  targetDate: string | null;
  date: string | null;
  slipDays: number | null;
}

/** What the renderer needs from a roadmap. */
export interface MarkdownRoadmapInput {
  workspaceName: string;
  startDate: string;
  endDate: string;
  items: readonly MarkdownRoadmapItem[];
  milestones: readonly MarkdownRoadmapMilestone[];
}

/**
 * Escapes text for inline Markdown: every character that could start markup, HTML, a link or
 * an entity gets a backslash; line breaks become spaces (a table cell is one line).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+\-.!|~&"'=:$^]/g, '\\$&')
    .trim();
}

const BUCKET_TITLES = { now: 'Now', next: 'Next', later: 'Later' } as const;

function slipText(slipDays: number | null): string {
  if (slipDays === null) return '';
  if (slipDays === 0) return 'on target';
  return slipDays > 0 ? `${slipDays} days late` : `${-slipDays} days early`;
}

/**
 * Renders the roadmap: milestones (target, planned date, slip), then the items in now / next /
 * later with who does them and when.
 * @param roadmap the planned roadmap
 * @returns Markdown text
 */
export function renderMarkdownRoadmap(roadmap: MarkdownRoadmapInput): string {
  const lines: string[] = [
    `# Roadmap: ${escapeMarkdown(roadmap.workspaceName)}`,
    '',
    `Planned from ${roadmap.startDate} to ${roadmap.endDate}. Dates are the plan's, not promises: see the forecast for their odds.`,
  ];
  const milestoneTitle = new Map(roadmap.milestones.map((m) => [m.id, m.title]));
  if (roadmap.milestones.length > 0) {
    lines.push('', '## Milestones', '', '| Milestone | Target | Planned | |', '| --- | --- | --- | --- |');
    for (const m of roadmap.milestones) {
      lines.push(
        `| ${escapeMarkdown(m.title)} | ${m.targetDate ?? '—'} | ${m.date ?? 'no planned work'} | ${slipText(m.slipDays)} |`,
      );
    }
  }
  for (const bucket of ['now', 'next', 'later'] as const) {
    const items = roadmap.items.filter((item) => item.bucket === bucket);
    if (items.length === 0) continue;
    lines.push(
      '',
      `## ${BUCKET_TITLES[bucket]}`,
      '',
      '| # | Item | Type | Who | Start | Finish | Milestone |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const item of items) {
      const milestone = item.milestoneId ? escapeMarkdown(milestoneTitle.get(item.milestoneId) ?? '') : '';
      const title = `${escapeMarkdown(item.title)}${item.critical ? ' (critical chain)' : ''}`;
      lines.push(
        `| ${item.number} | ${title} | ${escapeMarkdown(item.type)} | ${escapeMarkdown(item.personName ?? 'nobody yet')} | ${item.start} | ${item.finish} | ${milestone} |`,
      );
    }
  }
  if (roadmap.items.length === 0) lines.push('', 'Nothing is planned yet.');
  return `${lines.join('\n')}\n`;
}
