/** A bare App Router page: no CSS, no font, no client component. What every Next.js 16 page costs at least. */
export default function Page() {
  return (
    <main>
      <h1>Bare Next.js page</h1>
      <p>One layout and one page, measured next to the site as the framework&apos;s floor.</p>
    </main>
  );
}
