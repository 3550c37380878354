import type { FieldIssue, Translate } from '@aldea/core';
import { type FieldErrors, issueText } from '../http/field-errors.js';
import type { SubmittedForm } from '../http/form.js';
import type { MessageKey } from '../messages/index.js';

/** What the "new token" form sends to core: the typed name and every ticked scope. */
export interface TokenFormInput {
  name: string;
  scopes: string[];
}

/** The "new token" form as it was submitted, to show again after a refusal. */
export interface FailedTokenForm {
  values: { name?: string };
  /** The scope boxes that were ticked. */
  ticked: string[];
  errors: FieldErrors;
}

/** Reads the form. Core validates (name, known scopes); nothing is judged here. */
export function readTokenForm(form: SubmittedForm): TokenFormInput {
  return { name: form.fields.name ?? '', scopes: form.all('scopes') };
}

/**
 * Core's issues as sentences next to the fields: `scopes.2` (an unknown scope)
 * belongs to the `scopes` group; core's English messages become the reader's language.
 */
export function tokenFormErrors(
  t: Translate<MessageKey>,
  issues: readonly FieldIssue[],
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.startsWith('scopes') ? 'scopes' : issue.path || '_form';
    out[field] ??= tokenIssueText(t, issue, field);
  }
  return out;
}

function tokenIssueText(t: Translate<MessageKey>, issue: FieldIssue, field: string): string {
  if (field === 'scopes') {
    return issue.path === 'scopes' ? t('apiTokens.error.scopes') : t('apiTokens.error.scope');
  }
  if (field === 'name') {
    if (issue.code === 'too_small') return t('field.required');
    if (issue.code === 'custom') return t('apiTokens.error.nameChars');
  }
  return issueText(t, issue);
}
