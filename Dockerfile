# One image for every service; the command chooses which one runs (docker-compose.yml,
# deploy/kubernetes/). Build: docker build -t compact-graph .
ARG NODE_IMAGE=node:20-bookworm-slim

# Compiles the TypeScript with every dependency, dev ones included.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY scripts ./scripts
COPY explore ./explore
RUN npm run build

# Only what the services need at run time, installed apart so this layer is reused until
# package-lock.json changes.
FROM ${NODE_IMAGE} AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and read-only for the service: it cannot change its own code.
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY schema ./schema
COPY gateway/operations ./gateway/operations
# The image's `node` user, by number so Kubernetes can check `runAsNonRoot`.
USER 1000:1000
EXPOSE 4000 4001 4002 4003
# Liveness on the service's own port: PORT, which docker-compose.yml and the manifests set.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/gateway/src/index.js"]
