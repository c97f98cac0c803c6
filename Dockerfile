# The directory service for production: built from the sources for PostgreSQL, run on Java 25 (Temurin)
# with an AOT cache trained in the image itself, by the JVM that runs it.
#   docker build -t directory-service:1.0.0 .
#   docker run -p 8080:8080 -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db:5432/directory \
#     -e QUARKUS_DATASOURCE_USERNAME=directory -e QUARKUS_DATASOURCE_PASSWORD=... directory-service:1.0.0

# The JVM options of the service, for the training run too: a cache is used only under the options it
# was trained with. Why each one: docs/DECISIONS.md, "Memory and the JVM".
ARG JAVA_OPTIONS="-XX:MaxRAMPercentage=33 -XX:+UseG1GC -XX:+UseCompactObjectHeaders -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"

FROM eclipse-temurin:25.0.3_9-jdk-noble AS build
WORKDIR /src
# Dependencies first, so a change to the sources does not download them again.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -Ppostgresql quarkus:go-offline dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -ntp -o -Ppostgresql package -DskipTests

# Training: the packaged service on a throwaway PostgreSQL of its own, driven through its API by
# ops/aot/workload.sh (searches, reads, writes, refusals), then stopped; the JVM writes /app/app.aot
# as it exits, and train.sh the fingerprint of the build that ops/aot/start.sh checks at every start.
# It runs on the runtime image, the JVM that will run the cache.
FROM eclipse-temurin:25.0.3_9-jre-alpine AS train
ARG JAVA_OPTIONS
ENV JAVA_TOOL_OPTIONS=$JAVA_OPTIONS
RUN apk add --no-cache postgresql curl
WORKDIR /app
COPY --from=build /src/target/quarkus-app/ /app/
COPY ops/java-home.sh /opt/directory/
COPY ops/aot/ /opt/directory/aot/
RUN mkdir -p /run/postgresql /tmp/pg && chown postgres:postgres /run/postgresql /tmp/pg \
 && su postgres -c "initdb -D /tmp/pg -A trust -U postgres >/dev/null && pg_ctl -D /tmp/pg -o '-h 127.0.0.1' -w start >/dev/null" \
 && QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/postgres QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD= sh /opt/directory/aot/train.sh /app \
 && su postgres -c "pg_ctl -D /tmp/pg -m fast -w stop >/dev/null" && rm -rf /tmp/pg

# The runtime: the same JRE image, without the training's PostgreSQL.
FROM eclipse-temurin:25.0.3_9-jre-alpine
ARG JAVA_OPTIONS
ENV JAVA_TOOL_OPTIONS=$JAVA_OPTIONS
RUN addgroup -S -g 10001 directory && adduser -S -D -H -u 10001 -G directory directory
WORKDIR /app
# Quarkus's fast-jar layout, least often changed layers first; COPY keeps the files' times, which the
# JVM and the fingerprint check against the cache.
COPY --from=train --chown=10001:10001 /app/lib/ /app/lib/
COPY --from=train --chown=10001:10001 /app/quarkus-run.jar /app/quarkus-app-dependencies.txt /app/
COPY --from=train --chown=10001:10001 /app/app/ /app/app/
COPY --from=train --chown=10001:10001 /app/quarkus/ /app/quarkus/
COPY --from=train --chown=10001:10001 /app/app.aot /app/app.aot.build /app/
COPY --from=train /opt/directory/ /opt/directory/
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1:8080/q/health/live || exit 1
# The launcher uses /app/app.aot when it was trained on this build and JVM, and says so when not.
ENTRYPOINT ["/bin/sh", "/opt/directory/aot/start.sh", "/app"]
