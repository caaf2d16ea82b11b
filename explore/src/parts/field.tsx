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
