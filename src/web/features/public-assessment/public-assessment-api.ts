import { useMutation, useQuery } from '@tanstack/react-query';
import type { PublicAssessment, PublicAssessmentResult, PublicSubmission } from '../../../contract';
import { ApiError, requestApi } from '../../api/client';
import { keys } from '../../api/query-keys';

export type { PublicAssessment, PublicAssessmentResult };
export type Answers = Record<string, string | number | string[]>;

const path = (token: string) => `/public/assessments/${encodeURIComponent(token)}`;

/** The questionnaire of a published link and who published it (no session needed). */
export function usePublicAssessment(token: string) {
  return useQuery({
    queryKey: keys.publicAssessment(token),
    queryFn: () => requestApi<PublicAssessment>(path(token)),
    retry: false,
  });
}

/** Sends the answers (and, with consent, the visitor's e-mail): the report comes back. */
export function useSubmitPublicAssessment(token: string) {
  return useMutation({
    mutationFn: (submission: PublicSubmission) =>
      requestApi<PublicAssessmentResult>(`${path(token)}/report`, { method: 'POST', body: submission }),
  });
}

/**
 * Asks the server to print the report of these answers and saves the PDF as a download. The
 * answers go in a POST body, so the PDF is fetched and handed to the browser as a file.
 */
export async function downloadReportPdf(token: string, answers: Answers): Promise<void> {
  const response = await fetch(`/api${path(token)}/report/pdf`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/pdf' },
    credentials: 'omit',
    body: JSON.stringify({ answers }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as
      | { error?: { code?: ApiError['code']; message?: string } }
      | undefined;
    throw new ApiError({
      status: response.status,
      code: body?.error?.code ?? 'internal',
      message: body?.error?.message ?? `The server answered ${response.status}`,
    });
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'development-setup-assessment.pdf';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Progress kept in this browser only: the answers so far, per link. */
export interface Progress {
  answers: Record<string, string | string[]>;
}

const progressKey = (token: string) => `headway.public-assessment.${token.slice(-12)}`;
/** The answers a visitor chose to start a workspace from, read after sign-up. */
export const WORKSPACE_DRAFT_KEY = 'headway.workspace-from-assessment';

/** The visitor's saved progress for a link, or an empty one. */
export function loadProgress(token: string): Progress {
  try {
    const raw = localStorage.getItem(progressKey(token));
    const parsed = raw ? (JSON.parse(raw) as Progress) : null;
    return parsed && typeof parsed.answers === 'object' && parsed.answers !== null ? parsed : { answers: {} };
  } catch {
    return { answers: {} };
  }
}

export function saveProgress(token: string, progress: Progress): void {
  try {
    localStorage.setItem(progressKey(token), JSON.stringify(progress));
  } catch {
    // A full or disabled storage only loses the progress, never the answers on screen.
  }
}

/** Keeps the answers a new workspace will be made from, for the page after sign-up. */
export function saveWorkspaceDraft(draft: { answers: Answers; company?: string | undefined }): void {
  try {
    localStorage.setItem(WORKSPACE_DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Without storage the workspace is created without the prefill.
  }
}
