# syntax=docker/dockerfile:1
#
# newswatch: the `newswatch` command (app/target/newswatch.jar) on a JRE.
# Build: docker build -t newswatch .      Run the whole stack: docker compose up --build
# See docs/DOCKER.md.

# ---- build: the shaded jar of the app module and the modules it needs -------------------------
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 between builds, so a rebuild after a code change downloads nothing.
# Tests are not run here: CI runs them (bin/test); the image build only packages.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -pl app -am package -DskipTests \
 && test -f app/target/newswatch.jar

# ---- runtime: a JRE, the jar, the default config and the sample feeds --------------------------
FROM eclipse-temurin:21-jre
RUN groupadd --system newswatch \
 && useradd --system --gid newswatch --home-dir /app --no-create-home --shell /usr/sbin/nologin newswatch \
 && mkdir -p /app/data \
 && chown newswatch:newswatch /app/data
WORKDIR /app
COPY --from=build /src/app/target/newswatch.jar /app/newswatch.jar
COPY config/ /app/config/
COPY samples/ /app/samples/
USER newswatch
# Relative paths in config/newswatch.yaml (config/feeds.opml, data) resolve against /app.
# /app/data holds the embedded broker's log (when no bootstrap servers are set) and Kafka Streams state.
VOLUME ["/app/data"]
# The JVM sizes its heap from the container's memory limit; 75% leaves room for off-heap buffers.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0"
ENTRYPOINT ["java","-jar","/app/newswatch.jar"]
# With no arguments: the whole pipeline (embedded broker unless bootstrap servers are configured).
CMD ["run"]
