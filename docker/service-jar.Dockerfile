# A service image from the jars ./mvnw package already built: the build context is the module's
# target/ directory (Quarkus fast-jar layout in quarkus-app/), so nothing is compiled here.
#   docker build -f docker/service-jar.Dockerfile -t outside-in/gateway gateway/target
# docker/compose.jars.yml builds all four this way. RUNTIME_IMAGE points at a site's own JRE base.
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre
FROM ${RUNTIME_IMAGE}
USER root
# curl serves the healthcheck; a base that already has it needs no package index.
RUN command -v curl >/dev/null || { apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*; }
WORKDIR /app
# Dependencies first, the service's own classes last: a code change rebuilds only the last layers.
COPY --chown=185 quarkus-app/lib/ /app/lib/
COPY --chown=185 quarkus-app/quarkus/ /app/quarkus/
COPY --chown=185 quarkus-app/app/ /app/app/
COPY --chown=185 quarkus-app/quarkus-run.jar /app/
USER 185
# The same runtime settings as docker/service.Dockerfile (bench/README.md has the figures).
ENV JAVA_OPTS="-Xms64m -Xmx256m -Xmn16m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=10000 -XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000 -XX:Tier3CompileThreshold=20000" \
    MALLOC_ARENA_MAX=2 \
    QUARKUS_HTTP_HOST=0.0.0.0
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
