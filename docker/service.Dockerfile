# One image recipe for all four services: docker-compose passes the module as SERVICE.
# Stage 1 builds the module with Maven inside the image; stage 2 runs it on a JRE. Where the jars
# are already built (./mvnw package), docker/service-jar.Dockerfile skips stage 1.
# BUILD_IMAGE and RUNTIME_IMAGE point at a site's own registry or hardened bases.
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN mvn -B -q -pl "${SERVICE}" -am package -DskipTests

FROM ${RUNTIME_IMAGE}
ARG SERVICE
USER root
# curl serves the healthcheck; a base that already has it needs no package index.
RUN command -v curl >/dev/null || { apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*; }
WORKDIR /app
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/ /app/
USER 185
# The heap starts small and grows only as far as the load needs (young generation fixed), freed
# native memory goes back to the system, and code that runs only at boot is not compiled with C1's
# profiling (the Tier3 thresholds): bench/README.md has the figures. Override JAVA_OPTS per
# service in compose or the orchestrator; glibc's per-thread malloc arenas are capped at two.
ENV JAVA_OPTS="-Xms64m -Xmx256m -Xmn16m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=10000 -XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000 -XX:Tier3CompileThreshold=20000" \
    MALLOC_ARENA_MAX=2 \
    QUARKUS_HTTP_HOST=0.0.0.0
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
