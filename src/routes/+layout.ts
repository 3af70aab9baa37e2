// A browser-only app: no server rendering, every route served by the SPA fallback.
export const ssr = false;
export const prerender = false;
