import type { UseMutationResult } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { describeError } from '../api/client';

interface FieldProps<T> {
  onCreated: (created: T) => void;
  /** The field's label, e.g. "Feed name". */
  label: string;
  placeholder: string;
  /** The button's text, e.g. "Create calendar feed". */
  submitLabel: string;
  /** What the field takes: a name (the default) or an address. */
  type?: 'text' | 'url';
  /** The longest value the field takes (100 unless told). */
  maxLength?: number;
  /** More fields, shown between the main one and the button (an expiry, event kinds). */
  children?: ReactNode;
}

type CreateNamedFormProps<T, I> = FieldProps<T> &
  (
    | {
        /** The mutation that creates the thing from the field's value. */
        create: UseMutationResult<T, Error, string>;
        toInput?: undefined;
      }
    | {
        /** The mutation that creates the thing from the field's value and the other fields. */
        create: UseMutationResult<T, Error, I>;
        /** What the mutation is sent, built from the field's value. */
        toInput: (value: string) => I;
      }
  );

/**
 * One field (a name, or an address) and a create button, with any further fields between them and
 * the server's refusal under them: the form of every secret made here (API tokens, webhook
 * endpoints, public links, calendar feeds, ingest tokens), whose result is then shown once.
 */
export function CreateNamedForm<T, I = string>(props: CreateNamedFormProps<T, I>) {
  const [value, setValue] = useState('');
  const onSuccess = (created: T) => {
    setValue('');
    props.onCreated(created);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (props.toInput) props.create.mutate(props.toInput(value), { onSuccess });
    else props.create.mutate(value, { onSuccess });
  };
  const { create } = props;
  return (
    <>
      <form className="inline-form" onSubmit={submit}>
        <label className="field">
          <span>{props.label}</span>
          <input
            required
            type={props.type ?? 'text'}
            maxLength={props.maxLength ?? 100}
            placeholder={props.placeholder}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        {props.children}
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
