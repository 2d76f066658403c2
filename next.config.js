// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and engine packages run as plain Node modules on the server.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@node-rs/argon2', 'sharp'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
