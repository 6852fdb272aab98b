# rito for production-like deployments: one image, three roles chosen by the
# command (see docker-compose.yml): `migrate` (one-shot), `api`, `worker`.
#
#   docker build -t rito .
#   docker run --rm rito --help
#
# Node 24 LTS on Debian bookworm, Debian's Chromium and the fonts the ofícios ask
# for (Carlito is metric-compatible with Calibri) for the PDFs, production npm
# dependencies only, the workflow bundle built in advance, a non-root user.
FROM node:24-bookworm-slim

RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation fonts-crosextra-carlito ca-certificates \
 && rm -rf /var/lib/apt/lists/*

# Every variable here is a setting of config/settings.ts.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    CHROMIUM_PATH=/usr/bin/chromium \
    RITO_DATA_DIR=/var/lib/rito \
    RITO_FILES_DIR=/var/lib/rito/arquivos \
    RITO_CACHE_DIR=/var/cache/rito

WORKDIR /app

# Exactly the lockfile's versions (it lists every platform's optional packages,
# so npm ci accepts it on any machine; install scripts approved in "allowScripts").
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force

COPY . .

# Directories the non-root user writes to (a named volume mounted on
# /var/lib/rito/arquivos takes this ownership when it is first created).
RUN mkdir -p /var/lib/rito/arquivos /var/cache/rito \
 && chown -R node:node /var/lib/rito /var/cache/rito

USER node

# The workflow bundle, cached by the hash of its sources (runtime/bundle.ts):
# workers start without running webpack.
RUN node -e "require('tsx/cjs'); require('./runtime/bundle.ts').workflowBundle(process.env.RITO_CACHE_DIR, console.log).catch((e) => { console.error(e); process.exit(1); })"

EXPOSE 3000
ENTRYPOINT ["node", "bin/rito"]
CMD ["api"]
