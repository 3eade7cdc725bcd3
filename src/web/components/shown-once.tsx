import type { ReactNode } from 'react';
import { useToast } from './toast';

/**
 * A secret the server hands out once (an API token, a calendar feed's or a public link's
 * address): the warning, the value in a read-only field that selects itself, a copy button that
 * says whether copying worked, and Done to put it away for good.
 */
export function ShownOnce({
  noun,
  label,
  value,
  testId,
  notice,
  copied = `${noun[0]?.toUpperCase()}${noun.slice(1)} copied`,
  onDone,
}: {
  /** What is copied, in lower case: "token", "link", "address". */
  noun: string;
  label: string;
  value: string;
  testId: string;
  notice: ReactNode;
  /** The toast once copied (default "Token copied" for the noun "token"). */
  copied?: string;
  onDone: () => void;
}) {
  const { notify } = useToast();
  const copy = () => {
    navigator.clipboard?.writeText(value).then(
      () => notify(copied),
      () => notify(`Copying failed: select the ${noun} and copy it by hand`, 'error'),
    );
  };
  return (
    <>
      <p className="notice" role="note">
        {notice}
      </p>
      <div className="invite-link">
        <label className="field">
          <span>{label}</span>
          <input readOnly value={value} data-testid={testId} onFocus={(e) => e.target.select()} />
        </label>
        <button type="button" className="button" onClick={copy}>
          Copy {noun}
        </button>
        <button type="button" className="button button-ghost" onClick={onDone}>
          Done
        </button>
      </div>
    </>
  );
}
