// Which requests are obvious robots, by their User-Agent alone (issue 34: reads are counted for people).
// Pure. Search engines and link previews name themselves ("Googlebot/2.1", "Baiduspider", "Bytespider"),
// scripts send their library's name ("curl/8.5", "python-requests/2.31"), and headless browsers say so
// ("HeadlessChrome", "Chrome-Lighthouse"). A missing or very short User-Agent is no browser either.
// A robot that pretends to be a browser is counted: this filter is for the obvious, not the determined.

const ROBOT =
  /\bbot\b|bot[/;)\-_]|spider|crawl|slurp|archiver|facebookexternalhit|embedly|headless|lighthouse|pagespeed|prerender|phantomjs|puppeteer|playwright|selenium|curl\/|wget\/|httpie|python-|aiohttp|go-http-client|java\/|okhttp|apache-httpclient|axios\/|node-fetch|undici|libwww|scrapy|monitor|uptime|pingdom|preview|feedfetcher|\bfeed\b|rss|wrk\b|ab\/\d|siege|jmeter|k6\//i;

/** The shortest User-Agent a browser sends is far longer (a bare "Mozilla/5.0" is 11 characters). */
const SHORTEST_BROWSER = 12;

export function isRobotUserAgent(userAgent: string | null | undefined): boolean {
  const value = (userAgent ?? '').trim();
  if (value.length < SHORTEST_BROWSER) return true;
  return ROBOT.test(value);
}
