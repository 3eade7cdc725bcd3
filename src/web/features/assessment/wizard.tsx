import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AssessmentVariant } from '../../../contract';
import { DORA_BENCHMARKS } from '../../../domain/assessment/dora-benchmarks';
import { describeError, isApiError } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { useGate, useWorkspace } from '../workspaces/workspace-context';
import {
  type Question,
  type Questionnaire,
  useCreateAssessment,
  usePrefill,
  useQuestionnaire,
} from './assessment-api';
import { describeAnswer } from './labels';
import { type Draft, describePrefill, QuestionField, toAnswer, toDraft } from './question-field';

type Prefill = NonNullable<ReturnType<typeof usePrefill>['data']>;

/** /assessment/new?variant=short|full : the questionnaire, one area per step, then a review. */
export function AssessmentWizard() {
  const { workspace } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const variant: AssessmentVariant = params.get('variant') === 'full' ? 'full' : 'short';
  const questionnaire = useQuestionnaire(workspace.id, variant);
  const prefill = usePrefill(workspace.id, variant);
  const switchVariant = (next: AssessmentVariant) => setParams({ variant: next }, { replace: true });

  return (
    <div className="page page-assessment">
      <header className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to="..">Assessment</Link>
          </p>
          <h1>Assess your development setup</h1>
          <p className="muted">
            About how product decisions are made, how delivery runs, engineering health, the team and its
            leadership. Answers Headway already knows from your team are filled in: check them and change what
            is wrong.
          </p>
        </div>
      </header>
      <fieldset className="segmented variant-switch" aria-label="Questionnaire">
        {(['short', 'full'] as const).map((v) => (
          <label key={v} className={v === variant ? 'is-active' : ''}>
            <input
              type="radio"
              name="variant"
              value={v}
              checked={v === variant}
              onChange={() => switchVariant(v)}
            />
            {v === 'short' ? 'Short (about 10 minutes)' : 'Full (about 25 minutes)'}
          </label>
        ))}
      </fieldset>
      {questionnaire.isPending || prefill.isPending ? (
        <Loading label="Loading the questionnaire" />
      ) : questionnaire.isError ? (
        <ErrorState error={questionnaire.error} onRetry={() => void questionnaire.refetch()} />
      ) : prefill.isError ? (
        <ErrorState error={prefill.error} onRetry={() => void prefill.refetch()} />
      ) : (
        <WizardSteps key={variant} questionnaire={questionnaire.data} prefill={prefill.data} />
      )}
    </div>
  );
}

interface Step {
  id: string;
  label: string;
  questions: Question[];
}

function buildSteps(questionnaire: Questionnaire): Step[] {
  return questionnaire.areas
    .map((area) => ({
      id: area.id,
      label: area.label,
      questions: questionnaire.questions.filter((q) => q.area === area.id),
    }))
    .filter((step) => step.questions.length > 0);
}

function readProblems(error: unknown): Record<string, string> {
  if (!isApiError(error, 'validation_failed')) return {};
  const details = error.details as { problems?: { questionId: string; message: string }[] } | undefined;
  return Object.fromEntries((details?.problems ?? []).map((p) => [p.questionId, p.message]));
}

function WizardSteps({ questionnaire, prefill }: { questionnaire: Questionnaire; prefill: Prefill }) {
  const { workspace } = useWorkspace();
  const navigate = useNavigate();
  const gate = useGate('team');
  const create = useCreateAssessment(workspace.id);
  const steps = useMemo(() => buildSteps(questionnaire), [questionnaire]);
  const prefilled = useMemo(() => {
    const out: Record<string, Draft> = {};
    for (const [id, value] of Object.entries(prefill.answers)) {
      const draft = toDraft(value);
      if (draft !== undefined) out[id] = draft;
    }
    return out;
  }, [prefill]);
  const unknown = useMemo(
    () => Object.fromEntries(prefill.unknown.map((u) => [u.questionId, u.reason])),
    [prefill],
  );
  const [drafts, setDrafts] = useState<Record<string, Draft>>(prefilled);
  const [stepIndex, setStepIndex] = useState(0);
  const [doraYear, setDoraYear] = useState<number | ''>('');
  const problems = readProblems(create.error);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reviewIndex = steps.length;
  const onReview = stepIndex === reviewIndex;
  const current = steps[stepIndex];
  const answeredCount = questionnaire.questions.filter((q) => toAnswer(q, drafts[q.id]) !== undefined).length;
  const total = questionnaire.questions.length;

  // Moving between steps puts focus on the step's heading, so keyboard and screen-reader users follow.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on a step change only
  useEffect(() => {
    headingRef.current?.focus();
  }, [stepIndex]);

  const setDraft = (id: string, value: Draft | undefined) =>
    setDrafts((all) => {
      const next = { ...all };
      if (value === undefined) delete next[id];
      else next[id] = value;
      return next;
    });

  const submit = () => {
    const answers: Record<string, unknown> = {};
    for (const q of questionnaire.questions) {
      const answer = toAnswer(q, drafts[q.id]);
      if (answer !== undefined) answers[q.id] = answer;
    }
    create.mutate(
      { variant: questionnaire.variant, answers, ...(doraYear === '' ? {} : { doraYear }) },
      {
        onSuccess: (created) => void navigate(`../${created.number}`),
        onError: (error) => {
          const bad = readProblems(error);
          const first = steps.findIndex((s) => s.questions.some((q) => bad[q.id]));
          if (first >= 0) setStepIndex(first);
        },
      },
    );
  };

  const problemCount = Object.keys(problems).length;

  return (
    <div className="wizard">
      {!gate.allowed && (
        <p className="notice" role="note">
          Recording an assessment is a team decision, because its growth plan proposes hires and who decides
          what. {gate.reason}. You can read the questions; the answers stay read-only for you.
        </p>
      )}
      <nav aria-label="Steps" className="wizard-steps">
        <div
          className="progress"
          role="progressbar"
          aria-label="Questions answered"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={answeredCount}
        >
          <span style={{ width: `${total === 0 ? 0 : (answeredCount / total) * 100}%` }} />
        </div>
        <p className="muted small">
          Step {stepIndex + 1} of {steps.length + 1} · {answeredCount} of {total} questions answered
        </p>
        <ol>
          {[...steps, { id: 'review', label: 'Review and submit', questions: [] }].map((s, i) => {
            const stepProblems = s.questions.filter((q) => problems[q.id]).length;
            const done = s.questions.filter((q) => toAnswer(q, drafts[q.id]) !== undefined).length;
            return (
              <li key={s.id}>
                <button
                  type="button"
                  className={`step-link${i === stepIndex ? ' is-current' : ''}${stepProblems ? ' has-problem' : ''}`}
                  aria-current={i === stepIndex ? 'step' : undefined}
                  onClick={() => setStepIndex(i)}
                >
                  <span className="step-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span className="step-label">{s.label}</span>
                  {s.questions.length > 0 && (
                    <span className="muted small step-count">
                      {done}/{s.questions.length}
                      {stepProblems > 0 && <span className="sr-only">, {stepProblems} to fix</span>}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <section className="wizard-body" aria-labelledby="step-heading">
        <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
          {onReview ? 'Review and submit' : current?.label}
        </h2>
        {problemCount > 0 && (
          <p className="form-error" role="alert">
            {problemCount} answer{problemCount === 1 ? ' needs' : 's need'} a change before the assessment can
            run: see the messages next to the questions.
          </p>
        )}
        {!onReview &&
          current?.questions.map((q) => (
            <QuestionField
              key={q.id}
              question={q}
              value={drafts[q.id]}
              prefilled={prefilled[q.id]}
              source={prefill.sources[q.id]}
              unknownReason={unknown[q.id]}
              problem={problems[q.id]}
              disabled={!gate.allowed}
              onChange={(value) => setDraft(q.id, value)}
            />
          ))}
        {onReview && (
          <Review
            steps={steps}
            drafts={drafts}
            problems={problems}
            sources={prefill.sources}
            prefilled={prefilled}
            onEdit={setStepIndex}
          />
        )}
        {onReview && (
          <div className="review-submit">
            <label className="field">
              <span>DORA benchmark to headline</span>
              <select
                value={doraYear}
                disabled={!gate.allowed}
                onChange={(e) => setDoraYear(e.target.value === '' ? '' : Number(e.target.value))}
              >
                <option value="">The latest report (default)</option>
                {DORA_BENCHMARKS.map((b) => (
                  <option key={b.year} value={b.year}>
                    {b.year} report
                  </option>
                ))}
              </select>
            </label>
            <p className="muted small">
              The report lists the tiers of every DORA report year side by side; this one is the headline.
            </p>
            {create.isError && problemCount === 0 && (
              <p className="form-error" role="alert">
                {describeError(create.error)}
              </p>
            )}
          </div>
        )}
        <div className="wizard-actions">
          <button
            type="button"
            className="button"
            disabled={stepIndex === 0}
            onClick={() => setStepIndex(stepIndex - 1)}
          >
            Back
          </button>
          {onReview ? (
            <button
              type="button"
              className="button button-primary"
              disabled={!gate.allowed || create.isPending}
              title={gate.reason ?? undefined}
              onClick={submit}
            >
              {create.isPending ? 'Assessing…' : 'Submit and see the report'}
            </button>
          ) : (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setStepIndex(stepIndex + 1)}
            >
              {stepIndex === steps.length - 1 ? 'Review answers' : 'Next'}
            </button>
          )}
        </div>
        {onReview && !gate.allowed && <p className="muted small">{gate.reason}.</p>}
      </section>
    </div>
  );
}

function Review(props: {
  steps: Step[];
  drafts: Record<string, Draft>;
  problems: Record<string, string>;
  sources: Record<string, string>;
  prefilled: Record<string, Draft>;
  onEdit: (step: number) => void;
}) {
  const unanswered = props.steps
    .flatMap((s) => s.questions)
    .filter((q) => toAnswer(q, props.drafts[q.id]) === undefined);
  return (
    <div className="review">
      {unanswered.length > 0 && (
        <p className="notice small" role="note">
          {unanswered.length} question{unanswered.length === 1 ? ' is' : 's are'} unanswered. You can submit
          anyway: rules that need them stay quiet and an area with no answers gets no score.
        </p>
      )}
      {props.steps.map((step, index) => (
        <section key={step.id} className="review-area" aria-labelledby={`review-${step.id}`}>
          <header className="review-area-header">
            <h3 id={`review-${step.id}`}>{step.label}</h3>
            <button type="button" className="button button-ghost" onClick={() => props.onEdit(index)}>
              Edit<span className="sr-only"> {step.label}</span>
            </button>
          </header>
          <dl className="review-list">
            {step.questions.map((q) => {
              const draft = props.drafts[q.id];
              const answer = toAnswer(q, draft);
              const fromTeam = props.prefilled[q.id] !== undefined && draft === props.prefilled[q.id];
              return (
                <div key={q.id} className={props.problems[q.id] ? 'has-problem' : ''}>
                  <dt>{q.text}</dt>
                  <dd>
                    <span className={answer === undefined ? 'muted' : ''}>{describeAnswer(q, answer)}</span>
                    {fromTeam && (
                      <span className="badge badge-team" title={props.sources[q.id]}>
                        {describePrefill(props.sources[q.id])}
                      </span>
                    )}
                    {props.problems[q.id] && <span className="field-problem">{props.problems[q.id]}</span>}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </div>
  );
}
