// A page's `searchParams` as URLSearchParams, for the parsers a page and its export route share (the
// route has the request's URLSearchParams). A name given twice (an array) is dropped: no form of ours
// sends one, so it is a hand-made URL, and the parsers' defaults answer it.
export type PageSearchParams = Record<string, string | string[] | undefined>;

export function pageParams(raw: PageSearchParams): URLSearchParams {
  return new URLSearchParams(
    Object.entries(raw).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])),
  );
}
