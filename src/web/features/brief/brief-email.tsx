import { useState } from 'react';
import { useBriefEmail, useSendBrief, useSetBriefEmail } from '../../api/brief-hooks';
import { describeError } from '../../api/client';
import { useWorkspace } from '../workspaces/workspace-context';

/**
 * The brief by e-mail: my own weekly opt-in, and "send me this brief" now. When the server has no
 * e-mail, the send says which setting the operator must give (the server's answer, shown as is).
 */
export function BriefEmail({ since }: { since: string | null }) {
  const { workspace } = useWorkspace();
  const setting = useBriefEmail(workspace.id);
  const toggle = useSetBriefEmail(workspace.id);
  const sendNow = useSendBrief(workspace.id);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  return (
    <div className="brief-email">
      <label className="field-inline">
        <input
          type="checkbox"
          checked={setting.data?.enabled ?? false}
          disabled={!setting.data || toggle.isPending}
          onChange={(event) =>
            toggle.mutate(event.target.checked, {
              onError: (error) => setStatus({ text: describeError(error), error: true }),
            })
          }
        />{' '}
        E-mail me the weekly brief
      </label>
      <button
        type="button"
        className="button"
        disabled={sendNow.isPending}
        onClick={() =>
          sendNow.mutate(since, {
            onSuccess: (sent) => setStatus({ text: `Sent to ${sent.to}`, error: false }),
            onError: (error) => setStatus({ text: describeError(error), error: true }),
          })
        }
      >
        Send me this brief by e-mail
      </button>
      {status && (
        <p role={status.error ? 'alert' : 'status'} className={status.error ? 'form-error' : 'muted'}>
          {status.text}
        </p>
      )}
      {setting.data && !setting.data.mailConfigured && !status && (
        <p className="muted">This server has no e-mail set up yet: the weekly e-mail waits until it does.</p>
      )}
    </div>
  );
}
