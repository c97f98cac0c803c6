# The directory service for production: built from the sources for PostgreSQL, run on a small JRE.
#   docker build -t directory-service:1.0.0 .
#   docker run -p 8080:8080 -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db:5432/directory \
#     -e QUARKUS_DATASOURCE_USERNAME=directory -e QUARKUS_DATASOURCE_PASSWORD=... directory-service:1.0.0

FROM eclipse-temurin:17.0.15_6-jdk-jammy AS build
WORKDIR /src
# Dependencies first, so a change to the sources does not download them again.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -Ppostgresql quarkus:go-offline dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -ntp -o -Ppostgresql package -DskipTests

FROM eclipse-temurin:17.0.15_6-jre-alpine
RUN addgroup -S -g 10001 directory && adduser -S -D -H -u 10001 -G directory directory
WORKDIR /app
# Quarkus's fast-jar layout, least often changed layers first.
COPY --from=build --chown=10001:10001 /src/target/quarkus-app/lib/ /app/lib/
COPY --from=build --chown=10001:10001 /src/target/quarkus-app/quarkus-run.jar /app/
COPY --from=build --chown=10001:10001 /src/target/quarkus-app/app/ /app/app/
COPY --from=build --chown=10001:10001 /src/target/quarkus-app/quarkus/ /app/quarkus/
USER 10001:10001
EXPOSE 8080
# Half the container's memory for the heap: the JVM itself takes about 170 MiB more (classes, compiled
# code, threads, buffers), so 75 % of the 512 MiB limit (384 MiB of heap) could cross the limit and be killed.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
HEALTHCHECK --interval=15s --timeout=3s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1:8080/q/health/live || exit 1
ENTRYPOINT ["java", "-jar", "/app/quarkus-run.jar"]
