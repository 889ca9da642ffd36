# Simpul on Debian 12 (bookworm) with Node 20 and the system GDAL: gdal-async is compiled
# against it (its bundled GDAL would take hours to build). `docker compose up` runs it next
# to PostGIS (docker-compose.yml); alone, it keeps the embedded database in /data.
FROM node:20-bookworm

RUN apt-get update \
 && apt-get install -y --no-install-recommends libgdal-dev gdal-bin g++ make python3 \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . .
# npm ci compiles gdal-async against the system GDAL and builds dist/ (the "prepare" script);
# the development dependencies go afterwards.
RUN npm_config_build_from_source=gdal-async npm_config_shared_gdal=true npm ci --no-audit --no-fund \
 && npm prune --omit=dev --no-audit --no-fund \
 && mkdir -p /data && chown node:node /data

USER node
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    SIMPUL_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "bin/simpul.js", "serve"]
