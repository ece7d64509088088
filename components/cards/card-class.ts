/** The box every card shares: border, padding, and a shadow that grows on hover and keyboard focus. */
export const CARD =
  "border border-slate-200 bg-white p-6 shadow-sm transition-shadow focus-within:shadow-md hover:shadow-md";
