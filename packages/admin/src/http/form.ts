import type { Context } from 'hono';
import type { AdminEnv } from '../env.js';

/** An uploaded file of a multipart form. */
export type UploadedFile = Exclude<ReturnType<FormData['get']>, string | null>;

/** A submitted form's text fields by name (the last value wins), and its files. */
export interface SubmittedForm {
  fields: Record<string, string>;
  /** Every value of a repeated field (checkbox groups). */
  all(name: string): string[];
  files(name: string): UploadedFile[];
}

/** Reads the request's form (urlencoded or multipart; parsed once and cached by Hono). */
export async function readForm(c: Context<AdminEnv>): Promise<SubmittedForm> {
  const type = c.req.header('content-type') ?? '';
  const data =
    type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')
      ? await c.req.formData()
      : new FormData();
  const fields: Record<string, string> = {};
  data.forEach((value, key) => {
    if (typeof value === 'string') fields[key] = value;
  });
  return {
    fields,
    all: (name) => data.getAll(name).filter((v): v is string => typeof v === 'string'),
    files: (name) =>
      data
        .getAll(name)
        .filter((v): v is Exclude<typeof v, string> => typeof v !== 'string' && v.size > 0),
  };
}

/** The trimmed text of a field, or `undefined` when empty. */
export function optionalText(fields: Record<string, string>, name: string): string | undefined {
  const v = fields[name]?.trim();
  return v ? v : undefined;
}
