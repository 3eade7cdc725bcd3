/** The weekly brief, as the API, the web app and `headway brief` show it. */
import { z } from 'zod';
import { BRIEF_SECTIONS } from '../domain/brief/types';
import { countDaysBetween } from '../domain/shared/calendar';
import { DateOnlySchema, todayIso } from './common';

/** What the brief assumes when it is not told. */
export const BRIEF_DEFAULTS = {
  /** The brief covers this many days up to today when `since` is not given. */
  days: 7,
  /** The earliest `since`, in days before today: a brief is about recent work. */
  maxDays: 366,
} as const;

/** The query of the brief: its first day. */
export const BriefQuerySchema = z
  .object({
    since: DateOnlySchema.optional().describe(
      `first day the brief covers, inclusive (UTC; default ${BRIEF_DEFAULTS.days} days ago)`,
    ),
  })
  .check((ctx) => {
    const since = ctx.value.since;
    if (since === undefined) return;
    const days = countDaysBetween(since, todayIso());
    if (days < 0) {
      ctx.issues.push({
        code: 'custom',
        message: `${since} is in the future; give today or an earlier day`,
        input: since,
        path: ['since'],
      });
    } else if (days > BRIEF_DEFAULTS.maxDays) {
      ctx.issues.push({
        code: 'custom',
        message: `${since} is more than ${BRIEF_DEFAULTS.maxDays} days ago; give a later day`,
        input: since,
        path: ['since'],
      });
    }
  });
export type BriefQuery = z.infer<typeof BriefQuerySchema>;

export const BriefLineSchema = z.object({
  text: z.string().describe('plain text: shown as written, never as markup'),
  detail: z.string().nullable().describe('a second line: the why, the reason, the question'),
  href: z.string().describe('app path where the line can be acted on'),
  itemId: z.string().nullable(),
});

export const BriefSectionSchema = z.object({
  kind: z.enum(BRIEF_SECTIONS),
  title: z.string(),
  lines: z.array(BriefLineSchema),
  empty: z.string().describe('what the section says when it has no line'),
  more: z.number().int().describe('lines left out to keep the section short'),
  moreHref: z.string().nullable().describe('app path listing them all'),
});

export const BriefSchema = z.object({
  since: DateOnlySchema,
  today: DateOnlySchema,
  personName: z.string(),
  sections: z.array(BriefSectionSchema),
});
export type BriefView = z.infer<typeof BriefSchema>;

/** The member's weekly-digest setting, and whether the operator set up e-mail at all. */
export const BriefEmailSettingSchema = z.object({
  enabled: z.boolean().describe('the member gets their weekly brief by e-mail on the operator’s schedule'),
  mailConfigured: z.boolean().describe('false when the server has no SMTP settings: nothing can be sent'),
});
export type BriefEmailSetting = z.infer<typeof BriefEmailSettingSchema>;

export const UpdateBriefEmailSettingSchema = z.strictObject({
  enabled: z.boolean().describe('true to get the weekly brief by e-mail, false to stop'),
});

/** What a send answered: where the brief went. */
export const SentBriefSchema = z.object({
  to: z.string(),
  subject: z.string(),
});
