import type { Home } from "@/lib/content/schemas";

/**
 * A self-hosted video: nothing but the poster loads until the visitor presses play
 * (preload="none"), no third party is contacted, and the transcript is the text alternative.
 */
export function VideoShowcase({ video, transcriptLabel }: { video: Home["video"]; transcriptLabel: string }) {
  return (
    <section aria-labelledby="showcase-heading" className="defer-render bg-slate-50 py-16">
      <div className="container-page grid items-start gap-10 lg:grid-cols-2">
        <div>
          <h2 id="showcase-heading" className="text-3xl font-bold tracking-tight text-ink">
            {video.heading}
          </h2>
          {video.intro ? <p className="mt-4 text-lg text-slate-700">{video.intro}</p> : null}
          <details className="mt-6 rounded-md border border-slate-200 bg-white p-4">
            <summary className="min-h-6 cursor-pointer font-semibold text-brand-800">{transcriptLabel}</summary>
            <div className="mt-3 space-y-2 whitespace-pre-line text-slate-700" data-testid="video-transcript">
              {video.transcript}
            </div>
          </details>
        </div>
        <video
          className="aspect-video w-full rounded-lg border border-slate-200 bg-ink"
          controls
          preload="none"
          playsInline
          poster={video.poster}
          width={video.width}
          height={video.height}
          title={video.title}
          aria-label={video.title}
        >
          <source src={video.src} type={video.type} />
          <track kind="captions" src={video.captions} srcLang="en" label="English" default />
        </video>
      </div>
    </section>
  );
}
