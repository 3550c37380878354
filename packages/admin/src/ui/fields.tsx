import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../http/field-errors.js';

/** Input values to show again after a failed submit, by field name. */
export type FormValues = Partial<Record<string, string>>;

interface FieldProps {
  name: string;
  label: string;
  values?: FormValues;
  errors?: FieldErrors;
  hint?: string;
  /** The value when the form is shown fresh (ignored when `values` has the field). */
  value?: string;
  required?: boolean;
}

const idOf = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function Describe({ name, hint, error }: { name: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${idOf(name)}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${idOf(name)}-error`} role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint && `${idOf(name)}-hint`, error && `${idOf(name)}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A labelled text input that shows its error next to it and keeps the typed value. */
export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'tel' | 'password' | 'url';
    inputmode?: 'numeric' | 'decimal' | 'text' | 'email' | 'tel';
    autocomplete?: string;
    maxlength?: number;
    placeholder?: string;
    class?: string;
    data?: Record<string, string>;
  },
) {
  const error = props.errors?.[props.name];
  const value = props.type === 'password' ? '' : (props.values?.[props.name] ?? props.value ?? '');
  const dataAttrs = Object.fromEntries(
    Object.entries(props.data ?? {}).map(([k, v]) => [`data-${k}`, v]),
  );
  return (
    <div class={`field${error ? ' has-error' : ''}${props.class ? ` ${props.class}` : ''}`}>
      <label for={idOf(props.name)}>{props.label}</label>
      <input
        id={idOf(props.name)}
        name={props.name}
        type={props.type ?? 'text'}
        value={value}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        placeholder={props.placeholder}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
        {...dataAttrs}
      />
      <Describe name={props.name} hint={props.hint} error={error} />
    </div>
  );
}

/** A labelled textarea, same behaviour as {@link TextField}. */
export function TextArea(props: FieldProps & { rows?: number; maxlength?: number }) {
  const error = props.errors?.[props.name];
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={idOf(props.name)}>{props.label}</label>
      <textarea
        id={idOf(props.name)}
        name={props.name}
        rows={props.rows ?? 4}
        maxlength={props.maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.values?.[props.name] ?? props.value ?? ''}
      </textarea>
      <Describe name={props.name} hint={props.hint} error={error} />
    </div>
  );
}

/** A labelled select. */
export function SelectField(
  props: FieldProps & { options: readonly { value: string; label: string }[] },
) {
  const error = props.errors?.[props.name];
  const selected = props.values?.[props.name] ?? props.value ?? '';
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={idOf(props.name)}>{props.label}</label>
      <select
        id={idOf(props.name)}
        name={props.name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === selected}>
            {o.label}
          </option>
        ))}
      </select>
      <Describe name={props.name} hint={props.hint} error={error} />
    </div>
  );
}

/** A checkbox with its label after it. `checked` applies when the form is shown fresh. */
export function CheckboxField(
  props: Omit<FieldProps, 'value'> & { value?: string; checked: boolean },
) {
  const error = props.errors?.[props.name];
  return (
    <div class={`field check${error ? ' has-error' : ''}`}>
      <input
        id={idOf(`${props.name}-${props.value ?? 'on'}`)}
        type="checkbox"
        name={props.name}
        value={props.value ?? 'on'}
        checked={props.checked}
      />
      <label for={idOf(`${props.name}-${props.value ?? 'on'}`)}>{props.label}</label>
      <Describe name={props.name} hint={props.hint} error={error} />
    </div>
  );
}

/** The hidden CSRF field every state-changing form carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** A summary at the top of a form that failed, pointing at the fields. */
export function FormProblem({ errors, text }: { errors?: FieldErrors; text: string }): Child {
  if (!errors || Object.keys(errors).length === 0) return null;
  const messages = [...new Set(Object.values(errors))];
  return (
    <div class="notice error" role="alert">
      <p>{text}</p>
      <ul>
        {messages.map((m) => (
          <li>{m}</li>
        ))}
      </ul>
    </div>
  );
}
