import type { Home } from "@/lib/content/schemas";

export function Hero({ hero }: { hero: Home["hero"] }) {
  return (
    <section className="relative overflow-hidden border-b border-slate-200 bg-gradient-to-b from-brand-50 to-white">
      <div className="container-page py-16 md:py-24">
        {hero.eyebrow ? <p className="font-semibold tracking-wide text-brand-800 uppercase">{hero.eyebrow}</p> : null}
        <h1 className="mt-3 max-w-4xl text-4xl font-bold tracking-tight text-ink md:text-6xl">{hero.heading}</h1>
        <p className="mt-6 max-w-2xl text-lg text-slate-700 md:text-xl">{hero.lead}</p>
        <div className="mt-8 flex flex-wrap gap-4">
          <a href={hero.primaryCta.href} className="button-primary">
            {hero.primaryCta.label}
          </a>
          {hero.secondaryCta ? (
            <a href={hero.secondaryCta.href} className="button-secondary">
              {hero.secondaryCta.label}
            </a>
          ) : null}
        </div>
      </div>
    </section>
  );
}
