import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { IdeaList } from '../../../contract';
import { requestApi } from '../../api/client';
import { keys } from '../../api/query-keys';

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * The workspace's ideas with their evidence, decisions, promises and the promises at risk.
 * @param ws the workspace id
 */
export function useIdeas(ws: string) {
  return useQuery({
    queryKey: keys.ideas(ws),
    queryFn: ({ signal }) => requestApi<IdeaList>(`/workspaces/${ws}/ideas`, { signal }),
  });
}

/**
 * Promised dates whose chance has fallen below the workspace's threshold, each saying what the
 * reader should do: decide (they hold the scope decision), tell their account, or who decides.
 * @param props.alerts the alerts to list
 * @param props.below the threshold
 * @param props.me the reader's account id
 * @param props.linkTo where an idea's line links to, when it should link
 */
export function PromiseAlerts(props: {
  alerts: IdeaList['alerts'];
  below: number;
  me: string;
  linkTo?: (itemId: string) => string;
}) {
  const { alerts, below, me, linkTo } = props;
  if (alerts.length === 0) return null;
  return (
    <div className="alert alert-error" role="status">
      <p>Promised dates at risk (below {percent(below)}):</p>
      <ul>
        {alerts.map((alert) => {
          const label = `${alert.ref} · ${alert.title}`;
          return (
            <li key={alert.itemId}>
              {linkTo ? <Link to={linkTo(alert.itemId)}>{label}</Link> : label}: {percent(alert.probability)}{' '}
              likely by {alert.targetDate}
              {alert.holders.some((h) => h.userId === me)
                ? ' — yours to decide: move the date, cut scope, or tell the people who asked'
                : alert.mine
                  ? ' — your account asked for it: tell them before the date slips'
                  : ` — decided by ${alert.holders.map((h) => h.name).join(', ') || 'nobody yet'}`}
              {alert.accountOwners.length > 0 &&
                ` (account owners: ${alert.accountOwners.map((o) => `${o.name} for ${o.companies.join(', ')}`).join('; ')})`}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
