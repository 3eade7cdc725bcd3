import { useQuery } from '@tanstack/react-query';
import type { CalibratedEstimateView, CalibrationReportView } from '../../../contract';
import { requestApi } from '../../api/client';
import { keys } from '../../api/query-keys';

export type CalibrationGrouping = CalibrationReportView['by'];

/** How estimates compared with actual effort, overall and per estimator or item type. */
export function useCalibration(ws: string, by: CalibrationGrouping) {
  return useQuery({
    queryKey: keys.calibration(ws, by),
    queryFn: () => requestApi<CalibrationReportView>(`/workspaces/${ws}/calibration`, { query: { by } }),
  });
}

/** An item's estimate raw and calibrated with the team's history. */
export function useCalibratedEstimate(ws: string, itemId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.calibratedEstimate(ws, itemId),
    queryFn: () =>
      requestApi<CalibratedEstimateView>(`/workspaces/${ws}/items/${itemId}/calibrated-estimate`),
    enabled,
  });
}
