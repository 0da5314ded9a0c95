# syntax=docker/dockerfile:1
# citybridge: the compiled server and web UI on Debian's Node 20 image, run as a non-root user.
#   docker build -t citybridge .
#   docker run -p 8080:8080 -v citybridge-data:/var/lib/citybridge citybridge            (SQLite)
#   docker run -p 8080:8080 -e DATABASE_URL=postgres://… citybridge                       (PostgreSQL)
# compose.yaml runs two of these on PostgreSQL 17 behind Caddy; docs/DEPLOY.md explains it.

# ---- build: every dependency, the compiled server (esbuild) and the web UI (Vite, production) ----
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: the build, production dependencies and the shipped data only ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    CITYBRIDGE_RUN=compiled \
    CITYBRIDGE_HOST=0.0.0.0 \
    CITYBRIDGE_PORT=8080 \
    CITYBRIDGE_DB=/var/lib/citybridge/citybridge.db \
    CITYBRIDGE_LOG=info
WORKDIR /app
# Owned by root and read-only to the server; only /var/lib/citybridge (SQLite) and /tmp (upload spools) are written.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/scripts/build-state.js ./scripts/build-state.js
COPY --from=build /app/dist ./dist
COPY --from=build /app/data ./data
RUN mkdir -p /var/lib/citybridge && chown node:node /var/lib/citybridge
# The image's unprivileged "node" user (uid 1000).
USER node
VOLUME ["/var/lib/citybridge"]
EXPOSE 8080
# Ready, not merely alive: 200 only once the database is migrated and its first seed is complete.
HEALTHCHECK --interval=10s --timeout=3s --start-period=180s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.CITYBRIDGE_PORT||8080)+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "bin/citybridge.js", "serve"]
