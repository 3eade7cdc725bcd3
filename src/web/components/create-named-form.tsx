import type { UseMutationResult } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeError } from '../api/client';

interface CreateNamedFormProps<T> {
  /** The mutation that creates the thing from its name. */
  create: UseMutationResult<T, Error, string>;
  onCreated: (created: T) => void;
  /** The field's label, e.g. "Feed name". */
  label: string;
  placeholder: string;
  /** The button's text, e.g. "Create calendar feed". */
  submitLabel: string;
}

/** One name field and a create button, for the secrets made by name (feeds, ingest tokens). */
export function CreateNamedForm<T>(props: CreateNamedFormProps<T>) {
  const { create } = props;
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name, {
      onSuccess: (created) => {
        setName('');
        props.onCreated(created);
      },
    });
  };
  return (
    <>
      <form className="inline-form" onSubmit={submit}>
        <label className="field">
          <span>{props.label}</span>
          <input
            required
            maxLength={100}
            placeholder={props.placeholder}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {props.submitLabel}
        </button>
      </form>
      {create.isError && (
        <p className="form-error" role="alert">
          {describeError(create.error)}
        </p>
      )}
    </>
  );
}
