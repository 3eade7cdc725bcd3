import { useQuery } from '@tanstack/react-query';
import type { CalibratedEstimateView, CalibrationReportView } from '../../../contract';
import { requestApi } from '../../api/client';

export type CalibrationGrouping = CalibrationReportView['by'];

/** How estimates compared with actual effort, overall and per estimator or item type. */
export function useCalibration(ws: string, by: CalibrationGrouping) {
  return useQuery({
    queryKey: ['calibration', ws, by] as const,
    queryFn: () => requestApi<CalibrationReportView>(`/workspaces/${ws}/calibration`, { query: { by } }),
  });
}

/** An item's estimate raw and calibrated with the team's history. */
export function useCalibratedEstimate(ws: string, itemId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['calibrated-estimate', ws, itemId] as const,
    queryFn: () =>
      requestApi<CalibratedEstimateView>(`/workspaces/${ws}/items/${itemId}/calibrated-estimate`),
    enabled,
  });
}
