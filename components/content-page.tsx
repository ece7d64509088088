import type { ReactNode } from "react";
import { PageFrame, type PageCta } from "@/components/layout/page-frame";
import { Prose } from "@/components/mdx/mdx-content";
import { PageHeader } from "@/components/page-header";
import type { Entry } from "@/lib/content";
import type { Page } from "@/lib/content/schemas";

/**
 * A plain page from content/pages at `path`: its h1 and lead, then its MDX body (if any) in a
 * reading-width column, then whatever the route adds (a list of cards, the FAQ). `before` goes
 * above the body; `head` (JSON-LD) goes first in the main landmark; `aside` sits beside the body
 * on wide screens (the about page's portrait).
 */
export function ContentPage({
  page,
  path,
  head,
  before,
  children,
  wide = false,
  aside,
  cta,
}: {
  page: Entry<Page>;
  path?: string;
  head?: ReactNode;
  before?: ReactNode;
  children?: ReactNode;
  wide?: boolean;
  aside?: ReactNode;
  cta?: PageCta;
}) {
  const body = page.body.trim() ? <Prose source={page.body} file={page.file} line={page.bodyLine} /> : null;
  return (
    <PageFrame path={path} cta={cta}>
      {head}
      <PageHeader heading={page.data.heading} lead={page.data.lead} />
      <div className="container-page py-12">
        {wide ? (
          <>
            {body ? <div className="mb-10 max-w-3xl">{body}</div> : null}
            {children}
          </>
        ) : (
          <div className={aside ? "grid gap-12 lg:grid-cols-[minmax(0,48rem)_18rem]" : undefined}>
            <div className="max-w-3xl">
              {before}
              {body}
              {children ? <div className={body ? "mt-8" : undefined}>{children}</div> : null}
            </div>
            {aside}
          </div>
        )}
      </div>
    </PageFrame>
  );
}
