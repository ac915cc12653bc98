# One image recipe for all four services: docker-compose passes the module as SERVICE.
# Stage 1 builds the module with Maven inside the image; stage 2 runs it on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN mvn -B -q -pl "${SERVICE}" -am package -DskipTests

FROM eclipse-temurin:17-jre
ARG SERVICE
# curl serves the healthcheck.
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/ /app/
USER 185
# The heap starts small and grows only as far as the load needs (young generation fixed), and freed
# native memory goes back to the system: bench/README.md has the figures. Override JAVA_OPTS per
# service in compose or the orchestrator; glibc's per-thread malloc arenas are capped at two.
ENV JAVA_OPTS="-Xms96m -Xmx256m -Xmn48m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=10000" \
    MALLOC_ARENA_MAX=2 \
    QUARKUS_HTTP_HOST=0.0.0.0
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
