import { useId } from 'react';
import type { Question } from './assessment-api';
import { describeAnswer } from './labels';

/** A draft answer as the form holds it: an option id, a list of ids, or the number as typed. */
export type Draft = string | string[];

interface QuestionFieldProps {
  question: Question;
  value: Draft | undefined;
  /** The team's answer (prefilled), when Headway knew one. */
  prefilled: Draft | undefined;
  /** Where the prefilled answer came from. */
  source: string | undefined;
  /** Why Headway could not prefill it, when it tried. */
  unknownReason: string | undefined;
  /** The server's message about this answer, after a refused submit. */
  problem: string | undefined;
  disabled: boolean;
  onChange: (value: Draft | undefined) => void;
}

function sameDraft(a: Draft | undefined, b: Draft | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x) => b.includes(x));
  return a === b;
}

/** One question of the wizard, with its prefill note and the server's validation message. */
export function QuestionField(props: QuestionFieldProps) {
  const { question, value, prefilled, problem, disabled } = props;
  const id = useId();
  const helpId = `${id}-help`;
  const problemId = `${id}-problem`;
  const fromTeam = prefilled !== undefined && sameDraft(value, prefilled);
  const overridden = prefilled !== undefined && !fromTeam;
  const describedBy = [question.help ? helpId : '', problem ? problemId : ''].filter(Boolean).join(' ');
  const spec = question.answer;

  return (
    <fieldset
      className={`question${problem ? ' has-problem' : ''}`}
      id={`question-${question.id}`}
      data-question={question.id}
      aria-describedby={describedBy || undefined}
      aria-invalid={problem ? true : undefined}
    >
      <legend className="question-text">{question.text}</legend>
      {question.help && (
        <p className="muted small question-help" id={helpId}>
          {question.help}
        </p>
      )}
      {fromTeam && (
        <p className="prefill-note">
          <span className="badge badge-team">{describePrefill(props.source)}</span>{' '}
          <span className="muted small">{props.source}</span>
        </p>
      )}
      {overridden && (
        <p className="prefill-note">
          <span className="badge badge-muted">Changed by you</span>{' '}
          <span className="muted small">
            {props.source?.startsWith('measured') ? 'Headway measured' : 'Your team said'}:{' '}
            {describeAnswer(question, toAnswer(question, prefilled))}
          </span>{' '}
          <button
            type="button"
            className="link-button"
            disabled={disabled}
            onClick={() => props.onChange(prefilled)}
          >
            {props.source?.startsWith('measured') ? 'Use the measured answer' : 'Use the team’s answer'}
          </button>
        </p>
      )}
      {prefilled === undefined && props.unknownReason && (
        <p className="muted small prefill-note">Not prefilled: {props.unknownReason}.</p>
      )}

      {spec.kind === 'choice' && (
        <div className="options">
          {spec.options.map((o) => (
            <label key={o.id} className={`option${value === o.id ? ' is-checked' : ''}`}>
              <input
                type="radio"
                name={`${id}-choice`}
                value={o.id}
                checked={value === o.id}
                disabled={disabled}
                onChange={() => props.onChange(o.id)}
              />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      )}
      {spec.kind === 'multi' && (
        <div className="options">
          {spec.options.map((o) => {
            const list = Array.isArray(value) ? value : [];
            const checked = list.includes(o.id);
            return (
              <label key={o.id} className={`option${checked ? ' is-checked' : ''}`}>
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={disabled}
                  onChange={() => props.onChange(checked ? list.filter((x) => x !== o.id) : [...list, o.id])}
                />
                <span>{o.label}</span>
              </label>
            );
          })}
        </div>
      )}
      {spec.kind === 'number' && (
        <label className="number-answer">
          <span className="sr-only">{question.text}</span>
          <input
            type="number"
            inputMode="decimal"
            className="narrow"
            min={spec.min}
            max={spec.max}
            step={spec.integer ? 1 : 'any'}
            value={typeof value === 'string' ? value : ''}
            disabled={disabled}
            onChange={(e) => props.onChange(e.target.value === '' ? undefined : e.target.value)}
          />
          <span className="muted">{spec.unit}</span>
        </label>
      )}

      {problem && (
        <p className="field-problem" id={problemId} role="alert">
          {problem}
        </p>
      )}
      {value !== undefined && !disabled && (
        <button type="button" className="link-button clear-answer" onClick={() => props.onChange(undefined)}>
          Clear answer
        </button>
      )}
    </fieldset>
  );
}

/**
 * Turns a draft into the answer the API takes. A number field that does not parse is sent as
 * typed, so the server names the problem in the same words as every other surface.
 */
export function toAnswer(
  question: Question,
  draft: Draft | undefined,
): string | number | string[] | undefined {
  if (draft === undefined) return undefined;
  if (question.answer.kind !== 'number' || Array.isArray(draft)) return draft;
  const trimmed = draft.trim();
  if (trimmed === '') return undefined;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : trimmed;
}

/** Turns an answer from the API (prefill or a stored assessment) into a draft for the form. */
export function toDraft(value: string | number | string[] | undefined): Draft | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'number' ? String(value) : value;
}

/**
 * The badge of a prefilled answer: measured from the delivery history, the answer given in the
 * last assessment, or the team's facts.
 */
export function describePrefill(source: string | undefined): string {
  if (source?.startsWith('measured')) return 'Measured';
  return source?.startsWith('your answer') ? 'Your last answer' : 'From your team';
}
