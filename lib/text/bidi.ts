// Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) make text
// display as something other than what it is ("记者二号\u202Egnp.exe" shows as "…exe.png"). Chinese
// and Latin text never needs them, so they are removed from everything people type or import.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
