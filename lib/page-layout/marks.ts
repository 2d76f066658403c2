// The two print conventions the page analysis reads marks by (the parser's other patterns are in
// lib/importer/patterns.ts, which re-exports these so each is written once).
/** A paragraph ending like this is finished: the next column's head does not go on with it. */
export const STRONG_END = /[。！？!?；;…]$|[。！？!?][”"」』）)]$/u;
/** An 编者按 opens with its label. */
export const EDITORS_NOTE = /^(?:【?编者按】?|编者的话)[:：]?/u;
