import { type FormEvent, useId, useState } from 'react';
import { describeError } from '../../api/client';
import { useAuthenticate } from '../../api/session-hooks';

interface AuthFormProps {
  mode: 'signin' | 'signup';
  onDone: () => void;
}

/** The sign-in or sign-up form; the server's validation message is shown under it. */
export function AuthForm({ mode, onDone }: AuthFormProps) {
  const authenticate = useAuthenticate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const errorId = useId();
  const passwordHintId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    authenticate.mutate({ mode, email, password, name }, { onSuccess: onDone });
  };

  return (
    <form
      className="form auth-form"
      onSubmit={submit}
      aria-describedby={authenticate.isError ? errorId : undefined}
    >
      {mode === 'signup' && (
        <label className="field">
          <span>Name</span>
          <input
            name="name"
            autoComplete="name"
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
      )}
      <label className="field">
        <span>Email</span>
        <input
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </label>
      <label className="field">
        <span>Password</span>
        <input
          name="password"
          type="password"
          autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
          required
          minLength={mode === 'signup' ? 10 : 1}
          aria-describedby={mode === 'signup' ? passwordHintId : undefined}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {mode === 'signup' && (
        <small id={passwordHintId} className="muted field-hint">
          At least 10 characters; not a common password, nor your name or email.
        </small>
      )}
      {authenticate.isError && (
        <p id={errorId} className="form-error" role="alert">
          {describeError(authenticate.error)}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={authenticate.isPending}>
        {mode === 'signup' ? 'Create account' : 'Sign in'}
      </button>
    </form>
  );
}
