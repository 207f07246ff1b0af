import { localPath, type PageContext } from './page-context.ts';

/** A navigation item in the page's language, marked as the current page when it is. */
export function NavLink({
  ctx,
  path,
  label,
}: {
  readonly ctx: PageContext;
  readonly path: string;
  readonly label: string;
}) {
  return (
    <li>
      <a href={localPath(ctx, path)} aria-current={ctx.path === path ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
}
