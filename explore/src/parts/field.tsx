import type { ComponentChildren } from 'preact';

/** A labelled control: the label names the control alone, not the options inside it. */
export function Field(props: {
  id: string;
  label: string;
  children: ComponentChildren;
  class?: string;
}) {
  return (
    <div class={`field ${props.class ?? ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.children}
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

/**
 * A labelled select of one filter. `any` names the empty choice ("All regions"), which gives
 * undefined; a value the options do not hold yet (read from the address before the answer that
 * lists them) is kept as a choice of its own.
 */
export function Choice(props: {
  id: string;
  label: string;
  name: string;
  value: string | undefined;
  options: readonly Option[];
  any?: string;
  onChange: (value: string | undefined) => void;
}) {
  const { value, options } = props;
  const missing = value !== undefined && value !== '' && !options.some((o) => o.value === value);
  return (
    <Field id={props.id} label={props.label}>
      <select
        id={props.id}
        name={props.name}
        value={value ?? ''}
        onChange={(event) => props.onChange(event.currentTarget.value || undefined)}
      >
        {props.any !== undefined ? <option value="">{props.any}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {missing ? <option value={value}>{value}</option> : null}
      </select>
    </Field>
  );
}

/** Enum values as options, named as people read them ("AFRICA" → "Africa"). */
export const enumOptions = (values: readonly string[], label: (v: string) => string): Option[] =>
  values.map((value) => ({ value, label: label(value) }));

/** Thematic areas as options, by name; none until the answer that lists them. */
export const areaOptions = (areas?: readonly { code: string; name: string }[] | null): Option[] =>
  (areas ?? []).map((area) => ({ value: area.code, label: area.name }));
