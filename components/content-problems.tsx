import { contentProblems } from "@/lib/content";

/**
 * Development only: the content files that failed validation, with file, field and message, at the top
 * of every page. The pages that list those entries leave them out and keep working; the entry's own page
 * shows the same message on the error page. A production build fails on the first of them instead.
 */
export function ContentProblems() {
  if (process.env.NODE_ENV !== "development") return null;
  const problems = contentProblems();
  if (problems.length === 0) return null;
  return (
    <div role="alert" data-testid="content-problems" className="border-b border-red-700 bg-red-50 text-red-900">
      <div className="container-page py-4">
        <p className="font-semibold">
          {problems.length === 1 ? "1 content file has" : `${problems.length} content files have`} an error and
          {problems.length === 1 ? " is" : " are"} left out of this page (visible in development only):
        </p>
        {problems.map((problem) => (
          <pre key={problem.file} className="mt-2 text-sm whitespace-pre-wrap">
            {problem.message}
          </pre>
        ))}
      </div>
    </div>
  );
}
