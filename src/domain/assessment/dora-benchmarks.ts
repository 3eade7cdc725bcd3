/**
 * DORA performance clusters per report year, as data.
 *
 * Each year maps DORA's survey answer bands to a tier. DORA publishes cluster *typical values*,
 * not cut-offs, so two conventions of ours turn them into a lookup:
 *  - a band that falls between two clusters takes the worse one (conservative);
 *  - a band shared by several clusters takes the best one it belongs to;
 * and every mapping is monotone: a worse answer never earns a better tier. Fail-rate cut-offs
 * are the midpoints between neighbouring cluster values. Cells our research could not verify
 * are listed as caveats and printed with the tiers.
 */
import type { DoraTier } from './types';

export interface DoraBenchmark {
  year: number;
  source: string;
  /** Deploy-frequency band id → tier. */
  deployFrequency: Record<string, DoraTier>;
  /** Lead-time band id → tier. */
  leadTime: Record<string, DoraTier>;
  /** Fail-rate cut-offs, best tier first; a rate above the last cut-off is low. */
  changeFailRate: readonly { atMost: number; tier: DoraTier }[];
  /** Time-to-restore band id → tier. */
  recoveryTime: Record<string, DoraTier>;
  caveats: readonly string[];
}

export const DORA_BENCHMARKS: readonly DoraBenchmark[] = [
  {
    year: 2024,
    source: 'DORA, Accelerate State of DevOps Report 2024 (dora.dev/research)',
    deployFrequency: {
      'on-demand': 'elite',
      'hourly-to-daily': 'elite',
      'daily-to-weekly': 'high',
      'weekly-to-monthly': 'medium',
      'monthly-to-6-monthly': 'low',
      'under-6-monthly': 'low',
    },
    leadTime: {
      'under-1-hour': 'elite',
      'under-1-day': 'elite',
      '1-day-to-1-week': 'high',
      '1-week-to-1-month': 'medium',
      '1-to-6-months': 'low',
      'over-6-months': 'low',
    },
    // Clusters: elite 5%, medium 10%, high 20%, low 40%. Medium failing less often than high
    // cannot be kept in a monotone lookup, so everything up to the high/low midpoint is high.
    changeFailRate: [
      { atMost: 7.5, tier: 'elite' },
      { atMost: 30, tier: 'high' },
    ],
    recoveryTime: {
      'under-1-hour': 'elite',
      'under-1-day': 'high',
      '1-day-to-1-week': 'medium',
      '1-week-to-1-month': 'low',
      '1-to-6-months': 'low',
      'over-6-months': 'low',
    },
    caveats: [
      'In 2024 the medium cluster had a lower change fail rate (about 10%) than the high cluster (about 20%); fail rates between 7.5% and 30% are shown as high.',
      'The 2024 medium and low fail rates and the high, medium and low recovery times come from secondary summaries and are not verified against the report.',
    ],
  },
  {
    year: 2023,
    source: 'DORA, Accelerate State of DevOps Report 2023 (dora.dev/research)',
    deployFrequency: {
      'on-demand': 'elite',
      'hourly-to-daily': 'elite',
      'daily-to-weekly': 'high',
      // Medium and low shared this band in 2023: the best cluster containing it wins.
      'weekly-to-monthly': 'medium',
      'monthly-to-6-monthly': 'low',
      'under-6-monthly': 'low',
    },
    leadTime: {
      'under-1-hour': 'elite',
      'under-1-day': 'elite',
      '1-day-to-1-week': 'high',
      '1-week-to-1-month': 'medium',
      '1-to-6-months': 'low',
      'over-6-months': 'low',
    },
    // Clusters: elite 5%, high 10%, medium 15%, low 64%.
    changeFailRate: [
      { atMost: 7.5, tier: 'elite' },
      { atMost: 12.5, tier: 'high' },
      { atMost: 39.5, tier: 'medium' },
    ],
    recoveryTime: {
      'under-1-hour': 'elite',
      'under-1-day': 'high',
      '1-day-to-1-week': 'medium',
      '1-week-to-1-month': 'low',
      '1-to-6-months': 'low',
      'over-6-months': 'low',
    },
    caveats: [
      'In 2023 the low cluster reported the same deploy frequency and lead time as the medium cluster; those bands are shown as medium.',
    ],
  },
  {
    year: 2021,
    source: 'DORA, Accelerate State of DevOps Report 2021 (dora.dev/research)',
    deployFrequency: {
      'on-demand': 'elite',
      'hourly-to-daily': 'elite',
      'daily-to-weekly': 'high',
      'weekly-to-monthly': 'high',
      'monthly-to-6-monthly': 'medium',
      'under-6-monthly': 'low',
    },
    leadTime: {
      'under-1-hour': 'elite',
      'under-1-day': 'high',
      '1-day-to-1-week': 'high',
      '1-week-to-1-month': 'medium',
      '1-to-6-months': 'medium',
      'over-6-months': 'low',
    },
    // Clusters: elite 0–15%; high, medium and low all 16–30%.
    changeFailRate: [
      { atMost: 15, tier: 'elite' },
      { atMost: 30, tier: 'high' },
    ],
    recoveryTime: {
      'under-1-hour': 'elite',
      'under-1-day': 'high',
      '1-day-to-1-week': 'medium',
      '1-week-to-1-month': 'low',
      '1-to-6-months': 'low',
      'over-6-months': 'low',
    },
    caveats: [
      'In 2021 high, medium and low shared a 16–30% fail rate, so the fail rate barely separates them.',
    ],
  },
];

/** The benchmark year used unless another is selected. */
export const DEFAULT_DORA_YEAR = 2024;
