# newswatch: the `newswatch` command (app/target/newswatch.jar) on a JRE.
# Build: docker build -t newswatch .      The stack: docker compose up --build -d      See docs/DOCKER.md.
#
# Base images are pinned by version tag (JDK 21.0.9+10 on Ubuntu 24.04 "noble"); docs/DOCKER.md says how to
# pin them by digest as well and why this file does not (yet).

# ---- build: the shaded jar of the app module and the modules it needs -------------------------
FROM eclipse-temurin:21.0.9_10-jdk-noble AS build
WORKDIR /src
# The Maven wrapper (Maven 3.9.11, .mvn/wrapper/maven-wrapper.properties), not whatever Maven an image has.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
# Every module's pom, before any source: Maven reads the whole reactor. This layer, and the next one
# (Maven itself, every plugin and dependency), are rebuilt only when a pom changes.
COPY core/pom.xml core/
COPY eventtime/pom.xml eventtime/
COPY broker/pom.xml broker/
COPY rules/pom.xml rules/
COPY ingest/pom.xml ingest/
COPY enrich/pom.xml enrich/
COPY alerts/pom.xml alerts/
COPY app/pom.xml app/
COPY bench/pom.xml bench/
RUN ./mvnw -B -ntp -q -pl app -am dependency:go-offline
# The sources app needs (bench is not one). Test sources too: -DskipTests still compiles them, and app's tests
# use broker's test jar. Docs and other files are not copied (and .dockerignore keeps them out of the context).
COPY core/src/ core/src/
COPY eventtime/src/ eventtime/src/
COPY broker/src/ broker/src/
COPY rules/src/ rules/src/
COPY ingest/src/ ingest/src/
COPY enrich/src/ enrich/src/
COPY alerts/src/ alerts/src/
COPY app/src/ app/src/
# Tests are not run here: CI runs them (bin/test); the image build only packages.
RUN ./mvnw -B -ntp -q -pl app -am package -DskipTests \
 && test -f app/target/newswatch.jar

# ---- runtime: a JRE, the jar, the default config and the sample feeds --------------------------
FROM eclipse-temurin:21.0.9_10-jre-noble
# A numeric uid/gid (10001, clear of the base image's uid 1000 `ubuntu`), so that Kubernetes' runAsNonRoot
# can check it and volume ownership is the same on every host.
RUN groupadd --gid 10001 newswatch \
 && useradd --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin newswatch \
 && mkdir -p /app/data \
 && chown 10001:10001 /app/data
WORKDIR /app
# `newswatch ARGS...` inside the container, like bin/newswatch in a checkout (JVM flags from NEWSWATCH_JAVA_OPTS).
# (mode 755 in git; COPY keeps it.)
COPY docker/newswatch /usr/local/bin/newswatch
COPY --from=build /src/app/target/newswatch.jar /app/newswatch.jar
COPY config/ /app/config/
COPY samples/ /app/samples/
USER 10001:10001
# Relative paths in config/newswatch.yaml (config/feeds.opml, data) resolve against /app.
# /app/data holds Kafka Streams state (and the embedded broker's log when no bootstrap servers are set). It is
# not a VOLUME: an anonymous volume per container would be left behind on every re-creation. Mount a volume
# there when the data must outlive the container (docs/DOCKER.md).
# Heap and direct memory: set them with the container's memory limit, e.g. NEWSWATCH_JAVA_OPTS="-Xmx512m
# -XX:MaxDirectMemorySize=64m" (docker-compose.yml does, per service). This default, for the image run alone,
# gives the heap half the container's limit (half the host's memory without one), leaving the other half for
# RocksDB and the JVM's own memory; the JVM's own default would be a quarter.
ENV NEWSWATCH_JAVA_OPTS="-XX:MaxRAMPercentage=50.0 -XX:+ExitOnOutOfMemoryError" \
    NEWSWATCH_HTTP_HOST=0.0.0.0 \
    MALLOC_ARENA_MAX=2
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/newswatch"]
# With no arguments: the whole pipeline (embedded broker unless bootstrap servers are configured).
CMD ["run"]
