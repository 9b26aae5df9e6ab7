# The course in a container: `docker build -t node-concurrency-course .` then
# `docker run -it --rm node-concurrency-course` opens the menu (use -it: the menu needs a terminal).
# `docker run --rm node-concurrency-course pnpm test` runs every test.
FROM node:24-slim

# The pinned pnpm, without corepack (its signature check fails on some networks).
ARG PNPM_VERSION=10.24.0
RUN npm install -g "pnpm@${PNPM_VERSION}" && npm cache clean --force

# Never run lessons (which start workers and children) as root.
RUN useradd --create-home --uid 10001 learner
WORKDIR /course
RUN chown learner:learner /course
USER learner

# Manifests first so the dependency layer is cached across source edits.
COPY --chown=learner:learner package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY --chown=learner:learner packages ./packages
COPY --chown=learner:learner exercises ./exercises
COPY --chown=learner:learner solutions ./solutions
COPY --chown=learner:learner tsconfig.base.json turbo.json vitest.shared.ts biome.json ./
RUN pnpm install --frozen-lockfile

COPY --chown=learner:learner . .

ENV NODE_ENV=development TURBO_TELEMETRY_DISABLED=1
CMD ["pnpm", "start"]
