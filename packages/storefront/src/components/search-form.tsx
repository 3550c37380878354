import type { Ui } from './ui.js';

/** Hidden inputs that carry the buyer's explicit language/currency through a GET form. */
export function CarriedInputs({ ui }: { ui: Ui }) {
  return (
    <>
      {Object.entries(ui.links.carried).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** The search box of a shop or village page (filters live on the search page). */
export function SearchBox(props: {
  ui: Ui;
  action: string;
  label: string;
  q?: string;
  id: string;
}) {
  const { ui } = props;
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for many buyers' browsers; role="search" is understood everywhere
    <form class="search" role="search" method="get" action={props.action}>
      <div class="field">
        <label for={props.id}>{props.label}</label>
        <input id={props.id} type="search" name="q" value={props.q ?? ''} maxlength={100} />
      </div>
      <CarriedInputs ui={ui} />
      <button class="btn" type="submit">
        {ui.t('search.submit')}
      </button>
    </form>
  );
}
