import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { describeError, isApiError } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import type { Question, Questionnaire } from '../assessment/assessment-api';
import { type Draft, QuestionField, toAnswer } from '../assessment/question-field';
import '../assessment/assessment.css';
import './public-assessment.css';
import {
  type Answers,
  loadProgress,
  type PublicAssessmentResult,
  saveProgress,
  usePublicAssessment,
  useSubmitPublicAssessment,
} from './public-assessment-api';
import { PublicReport } from './public-report';

/** The page frame of a published assessment: outside the app, with who published it. */
function PublicFrame({ publisher, children }: { publisher?: string; children: React.ReactNode }) {
  return (
    <main className="public-page">
      <header className="public-header">
        <p className="brand" aria-hidden="true">
          <span className="brand-mark" /> Headway
        </p>
        {publisher && (
          <p className="public-publisher" data-testid="publisher">
            Published by <strong>{publisher}</strong>
          </p>
        )}
      </header>
      {children}
    </main>
  );
}

/** /a/:token : the free assessment anyone with the link can take, without an account. */
export function PublicAssessmentPage() {
  const token = useParams().token ?? '';
  const view = usePublicAssessment(token);
  if (view.isPending) {
    return (
      <PublicFrame>
        <Loading label="Loading the assessment" />
      </PublicFrame>
    );
  }
  if (view.isError) {
    return (
      <PublicFrame>
        {isApiError(view.error, 'not_found') ? (
          <section className="public-card">
            <h1>This assessment is not available</h1>
            <p>{describeError(view.error)}</p>
          </section>
        ) : (
          <ErrorState error={view.error} onRetry={() => void view.refetch()} />
        )}
      </PublicFrame>
    );
  }
  return (
    <PublicFrame publisher={view.data.publisher}>
      <PublicQuestionnaire
        token={token}
        publisher={view.data.publisher}
        questionnaire={view.data.questionnaire}
      />
    </PublicFrame>
  );
}

function readProblems(error: unknown): Record<string, string> {
  if (!isApiError(error, 'validation_failed')) return {};
  const details = error.details as { problems?: { questionId: string; message: string }[] } | undefined;
  return Object.fromEntries((details?.problems ?? []).map((p) => [p.questionId, p.message]));
}

/** Every answer the drafts hold, as the API takes them. */
function collectAnswers(questions: readonly Question[], drafts: Record<string, Draft>): Answers {
  const answers: Answers = {};
  for (const q of questions) {
    const answer = toAnswer(q, drafts[q.id]);
    if (answer !== undefined) answers[q.id] = answer;
  }
  return answers;
}

function PublicQuestionnaire(props: { token: string; publisher: string; questionnaire: Questionnaire }) {
  const { token, publisher, questionnaire } = props;
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => loadProgress(token).answers);
  const [result, setResult] = useState<PublicAssessmentResult | null>(null);
  const submit = useSubmitPublicAssessment(token);
  const problems = readProblems(submit.error);
  const areas = useMemo(
    () =>
      questionnaire.areas
        .map((area) => ({ ...area, questions: questionnaire.questions.filter((q) => q.area === area.id) }))
        .filter((area) => area.questions.length > 0),
    [questionnaire],
  );
  const answers = collectAnswers(questionnaire.questions, drafts);
  const answered = Object.keys(answers).length;
  const total = questionnaire.questions.length;

  useEffect(() => saveProgress(token, { answers: drafts }), [token, drafts]);

  const setDraft = (id: string, value: Draft | undefined) =>
    setDrafts((all) => {
      const next = { ...all };
      if (value === undefined) delete next[id];
      else next[id] = value;
      return next;
    });

  const send = () => submit.mutate({ answers }, { onSuccess: (r) => setResult(r) });

  if (result) {
    return (
      <PublicReport
        token={token}
        publisher={publisher}
        answers={answers}
        result={result}
        onEdit={() => setResult(null)}
      />
    );
  }
  return (
    <div className="public-questionnaire">
      <section className="public-card">
        <h1>How does your company build software?</h1>
        <p>
          {total} questions, about 10 minutes: who decides what gets built, how delivery runs, engineering
          health, the team and its leadership. You get a report with findings and a growth plan, on screen and
          as a PDF. Nothing you answer is kept unless you choose to share it with {publisher} afterwards; your
          progress stays in this browser.
        </p>
        <div
          className="progress"
          role="progressbar"
          aria-label="Questions answered"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={answered}
        >
          <span style={{ width: `${total === 0 ? 0 : (answered / total) * 100}%` }} />
        </div>
        <p className="muted small" data-testid="answered">
          {answered} of {total} questions answered
        </p>
      </section>
      {areas.map((area) => (
        <section key={area.id} className="public-card" aria-labelledby={`area-${area.id}`}>
          <h2 id={`area-${area.id}`}>{area.label}</h2>
          {area.questions.map((q) => (
            <QuestionField
              key={q.id}
              question={q}
              value={drafts[q.id]}
              prefilled={undefined}
              source={undefined}
              unknownReason={undefined}
              problem={problems[q.id]}
              disabled={false}
              onChange={(value) => setDraft(q.id, value)}
            />
          ))}
        </section>
      ))}
      <section className="public-card public-submit">
        {submit.isError && (
          <p className="form-error" role="alert">
            {describeError(submit.error)}
          </p>
        )}
        <button type="button" className="button button-primary" disabled={submit.isPending} onClick={send}>
          {submit.isPending ? 'Assessing…' : 'See my report'}
        </button>
        {answered < total && (
          <p className="muted small">
            {total - answered} unanswered: you can go ahead anyway; rules that need them stay quiet.
          </p>
        )}
      </section>
    </div>
  );
}
