import { z } from 'zod';
import { IdSchema, int4, text } from './common';

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/**
 * The largest annual revenue a company keeps, wherever it comes from (the API or a company CSV),
 * so a company imported with its revenue can always be saved unchanged.
 */
export const COMPANY_ARR_MAX = 2_000_000_000;
const COMPANY_ARR_MAX_TEXT = COMPANY_ARR_MAX.toLocaleString('en-US');

const nullableLabel = (max: number, what: string) =>
  text()
    .trim()
    .max(max, `keep the ${what} to ${max} characters`)
    .transform((value) => (value === '' ? null : value))
    .nullable();

/** The fields of a company a person edits; the account owner is a member of the workspace. */
const companyFields = {
  name: text().trim().min(1, 'give the company its name').max(200, 'keep the name to 200 characters'),
  domains: z
    .array(text().trim().toLowerCase().regex(DOMAIN, 'give domains such as example.com'))
    .max(50, 'give at most 50 domains')
    .transform((domains) => [...new Set(domains)]),
  arr: z
    .number()
    .min(0, 'give the annual revenue as 0 or more')
    .max(COMPANY_ARR_MAX, `give the annual revenue as at most ${COMPANY_ARR_MAX_TEXT}`)
    .nullable()
    .describe('annual recurring revenue'),
  tier: nullableLabel(100, 'tier'),
  segment: nullableLabel(100, 'segment'),
  ownerUserId: IdSchema.nullable().describe(
    'the account owner: a member of the workspace, told of decisions on what the account asked for',
  ),
};

/** `POST …/companies`: a customer account. */
export const CreateCompanySchema = z.strictObject({
  name: companyFields.name,
  domains: companyFields.domains.optional(),
  arr: companyFields.arr.optional(),
  tier: companyFields.tier.optional(),
  segment: companyFields.segment.optional(),
  ownerUserId: companyFields.ownerUserId.optional(),
});
export type CreateCompany = z.infer<typeof CreateCompanySchema>;

/** `PATCH …/companies/{companyId}`: the fields to change, and the version they were read at. */
export const UpdateCompanySchema = z.strictObject({
  version: int4().min(1, 'send the version of the company you loaded'),
  name: companyFields.name.optional(),
  domains: companyFields.domains.optional(),
  arr: companyFields.arr.optional(),
  tier: companyFields.tier.optional(),
  segment: companyFields.segment.optional(),
  ownerUserId: companyFields.ownerUserId.optional(),
});
export type UpdateCompany = z.infer<typeof UpdateCompanySchema>;

/** A customer account as the API shows it. */
export const CompanySchema = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  name: z.string(),
  domains: z.array(z.string()),
  arr: z.number().nullable(),
  tier: z.string().nullable(),
  segment: z.string().nullable(),
  /** The member who owns the account, or null. */
  owner: z.object({ userId: z.string(), name: z.string() }).nullable(),
  /**
   * With no owner: who owned it and is not a member here (an e-mail) — the owner an imported file
   * named, or a member who left the team — or null.
   */
  importedOwner: z.string().nullable(),
  version: z.number().int(),
});
export type Company = z.infer<typeof CompanySchema>;

export const CompanyListSchema = z.object({ companies: z.array(CompanySchema) });
export type CompanyList = z.infer<typeof CompanyListSchema>;
