# Headway in one image: the web app, the API and the `headway` CLI.
#   docker build -t headway .
#   docker run -p 3000:3000 -v headway-data:/data headway          (embedded database in /data)
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… headway   (a PostgreSQL server)
# compose.yaml runs it beside PostgreSQL 15.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts wait until the sources are in (the CLI build runs in `npm run build`).
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    HEADWAY_DATA_DIR=/data \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/dist ./dist
COPY --from=build /app/drizzle ./drizzle
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
# Ready: the database answers within 2 s and every migration is applied (503 otherwise).
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM: stop accepting, finish requests in flight (up to 10 s), close the database, exit 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "bin/headway.js"]
CMD ["serve"]
