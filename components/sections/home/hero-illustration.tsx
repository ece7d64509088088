/**
 * The decorative drawing beside the home hero's text: a code editor, a chart and a checklist, in the
 * brand colours (they follow the colour scheme). Inline SVG with no text and no request, hidden from
 * assistive technology; it is not an image element, so it never becomes the page's largest paint.
 */
export function HeroIllustration() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 560 460"
      className="h-auto w-full text-brand-700"
      data-testid="hero-illustration"
    >
      <rect x="40" y="20" width="460" height="300" rx="18" className="fill-white stroke-slate-300" strokeWidth="2" />
      <path d="M58 20 H482 A18 18 0 0 1 500 38 V62 H40 V38 A18 18 0 0 1 58 20 Z" className="fill-slate-100" />
      <circle cx="66" cy="41" r="6" className="fill-slate-300" />
      <circle cx="86" cy="41" r="6" className="fill-slate-300" />
      <circle cx="106" cy="41" r="6" className="fill-slate-300" />
      <g strokeLinecap="round" strokeWidth="10">
        <path d="M72 96 H132" className="stroke-brand-700" />
        <path d="M146 96 H262" className="stroke-slate-300" />
        <path d="M96 126 H178" className="stroke-slate-400" />
        <path d="M192 126 H312" className="stroke-brand-600" opacity="0.6" />
        <path d="M96 156 H150" className="stroke-slate-300" />
        <path d="M164 156 H288" className="stroke-slate-400" />
        <path d="M120 186 H244" className="stroke-brand-700" opacity="0.7" />
        <path d="M96 216 H216" className="stroke-slate-300" />
        <path d="M72 246 H112" className="stroke-brand-700" />
        <path d="M72 276 H200" className="stroke-slate-300" />
      </g>
      <rect
        x="300"
        y="190"
        width="240"
        height="170"
        rx="16"
        className="fill-brand-50 stroke-brand-100"
        strokeWidth="2"
      />
      <path
        d="M326 330 L370 300 L410 312 L450 262 L506 230"
        fill="none"
        stroke="currentColor"
        strokeWidth="6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <g className="fill-brand-700">
        <circle cx="370" cy="300" r="7" />
        <circle cx="410" cy="312" r="7" />
        <circle cx="450" cy="262" r="7" />
        <circle cx="506" cy="230" r="7" />
      </g>
      <rect x="0" y="300" width="250" height="150" rx="16" className="fill-white stroke-slate-300" strokeWidth="2" />
      <g strokeLinecap="round" strokeLinejoin="round" strokeWidth="5" fill="none">
        <path d="M26 336 l8 8 l14 -16" stroke="currentColor" />
        <path d="M26 374 l8 8 l14 -16" stroke="currentColor" />
        <path d="M26 412 l8 8 l14 -16" className="stroke-slate-300" />
      </g>
      <g strokeLinecap="round" strokeWidth="10">
        <path d="M70 338 H200" className="stroke-slate-400" />
        <path d="M70 376 H170" className="stroke-slate-400" />
        <path d="M70 414 H214" className="stroke-slate-300" />
      </g>
    </svg>
  );
}
