import { AldeaError, type FieldIssue, isAldeaError } from '@aldea/core';

/**
 * Runs `fn` and renames the fields of a VALIDATION error to the options the
 * person typed (`defaultLocale` → `--locale`), so the message points at the flag.
 */
export async function withFlagNames<T>(
  flags: Record<string, string>,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (!isAldeaError(err, 'VALIDATION') || err.issues.length === 0) throw err;
    const issues: FieldIssue[] = err.issues.map((i) => {
      const top = i.path.split('.')[0] ?? '';
      const flag = flags[i.path] ?? flags[top];
      return { ...i, path: flag ?? i.path };
    });
    const lines = issues.map((i) => `  - ${i.path ? `${i.path}: ` : ''}${i.message}`).join('\n');
    throw new AldeaError('VALIDATION', `invalid input:\n${lines}`, issues, { cause: err });
  }
}
