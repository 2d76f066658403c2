import type { MetadataRoute } from 'next';

import { absoluteUrl } from '@/lib/reader/site-url';

export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/newsroom', '/login', '/invite', '/api/'] },
    sitemap: absoluteUrl('/sitemap.xml'),
  };
}
