import type { ComponentChildren } from 'preact';
import { routeSearch, type Route } from '../route';
import { isPlainClick, useNavigation } from '../router';

/** A link to a view: a real href, so it opens in a new tab or is copied as any link is. */
export function Link(props: {
  to: Route;
  children: ComponentChildren;
  current?: boolean;
  class?: string;
}) {
  const { go } = useNavigation();
  return (
    <a
      href={routeSearch(props.to)}
      class={props.class}
      aria-current={props.current ? 'page' : undefined}
      onClick={(event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        go(props.to);
      }}
    >
      {props.children}
    </a>
  );
}
