import type { CheckoutUi } from '../ui.js';

/** The four steps, the current one marked; done steps are links back. */
export function Steps({
  ui,
  current,
}: {
  ui: CheckoutUi;
  current: 'contact' | 'shipping' | 'payment' | 'review';
}) {
  const order = ['contact', 'shipping', 'payment', 'review'] as const;
  const at = order.indexOf(current);
  return (
    <nav aria-label={ui.t('steps.label')}>
      <ol class="steps">
        {order.map((step, i) => (
          <li class="step">
            {i < at ? (
              <a href={ui.links.shop(`/checkout/${step}`)}>{ui.t(`steps.${step}`)}</a>
            ) : i === at ? (
              <span aria-current="step">{ui.t(`steps.${step}`)}</span>
            ) : (
              <span>{ui.t(`steps.${step}`)}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Field errors by field name, already in the buyer's language. */
export type FieldErrors = Readonly<Record<string, string>>;

interface FieldProps {
  name: string;
  label: string;
  value: string;
  errors: FieldErrors;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  required?: boolean;
  hint?: string;
  maxlength?: number;
}

/** A labelled text input with its error (announced and linked with aria-describedby). */
export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const error = p.errors[p.name];
  const described = [p.hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      {p.hint && (
        <span class="note" id={`${id}-hint`}>
          {p.hint}
        </span>
      )}
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value}
        autocomplete={p.autocomplete}
        required={p.required}
        maxlength={p.maxlength ?? 120}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      {error && (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** A notice box (status or alert). */
export function Notice({ kind, text }: { kind: 'ok' | 'bad'; text: string }) {
  return (
    <p class={`notice ${kind}`} role={kind === 'bad' ? 'alert' : 'status'}>
      {text}
    </p>
  );
}
