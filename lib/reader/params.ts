// Route parameters from the URL, checked: positive whole numbers within sane bounds, or null (404).
export function positiveInt(value: string, max = 1_000_000): number | null {
  if (!/^\d{1,7}$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && number <= max ? number : null;
}

/** A percent-encoded route segment, decoded; null (404) when its escapes are malformed (%ff, %C0%AF). */
export function decodeParam(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
