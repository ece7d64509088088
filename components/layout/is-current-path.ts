/** Whether a navigation link points at the page being shown or a section it belongs to. */
export function isCurrentPath(pathname: string, href: string): boolean {
  return pathname === href || (href !== "/" && pathname.startsWith(`${href}/`));
}
