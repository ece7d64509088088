import { getImageProps } from "next/image";
import type { Home } from "@/lib/content/schemas";

/** A 1×1 transparent GIF: with a poster set the player draws no dark scrim, so the image behind shows. */
const TRANSPARENT_POSTER = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

/**
 * A self-hosted video: nothing loads until the visitor presses play (preload="none"), no third
 * party is contacted, and the transcript is the text alternative. The poster is a lazily loaded
 * image behind the (transparent until played) video rather than its `poster` attribute, which
 * browsers fetch at once: this one is far below the fold and would compete with the first paint.
 * For the same reason the player itself renders only near the viewport (`defer-player`).
 */
export function VideoShowcase({ video, transcriptLabel }: { video: Home["video"]; transcriptLabel: string }) {
  const { props: poster } = getImageProps({
    src: video.poster,
    alt: "",
    width: video.width,
    height: video.height,
    loading: "lazy",
    sizes: "(min-width: 1024px) 560px, 100vw",
    className: "absolute inset-0 size-full object-cover",
  });
  return (
    <section aria-labelledby="showcase-heading" className="band py-16">
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
        <div className="relative overflow-hidden rounded-lg border border-slate-200 bg-ink dark:bg-black">
          {/* getImageProps supplies src, srcset and sizes; alt="" as the video itself is labelled. */}
          {/* eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text */}
          <img {...poster} data-testid="video-poster" />
          <video
            className="defer-player relative block aspect-video w-full"
            controls
            preload="none"
            playsInline
            poster={TRANSPARENT_POSTER}
            width={video.width}
            height={video.height}
            title={video.title}
            aria-label={video.title}
          >
            <source src={video.src} type={video.type} />
            {/* Offered in the player's captions menu, not on by default: a default track is fetched with the page
                although the video is far below the fold, and the transcript below says the same. */}
            <track kind="captions" src={video.captions} srcLang="en" label="English" />
          </video>
        </div>
      </div>
    </section>
  );
}
